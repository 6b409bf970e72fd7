"""The demo's data files, made by code: the same bytes on every run, no network.

They are as untidy as the files a mayor's office really holds, so the demo shows the
checks at work and the data-preparation tests have honest input: titles above the header,
totals rows, numbers and dates typed as text, a sheet in the AcadNusx font, CSV files in
UTF-8, UTF-16 and Windows-1251, a duplicated row, personal numbers in a social list.

``generate_all()`` gives {file name: bytes}; ``demo_files()`` also tells, for each file,
what a careful reader should find in it (``DemoFile.facts``: header row, encoding,
delimiter, totals label, row count, personal-data columns...). Facts about text in a
legacy font are given as the text reads once converted to Unicode.
"""

from ghia.catalog.demo.files import city, documents, finance, personal, planning  # noqa: F401  (they register their files)
from ghia.catalog.demo.files.base import MAKERS, DemoFile


def demo_files() -> dict[str, DemoFile]:
    files = [make() for make in MAKERS]
    return {file.name: file for file in files}


def generate_all() -> dict[str, bytes]:
    return {name: file.content for name, file in demo_files().items()}
