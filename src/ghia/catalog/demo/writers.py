"""Writers that give the same bytes on every run: demo files are compared by sha256.

Office files are ZIP archives whose entries carry the time they were written and whose
properties carry the time they were saved; both are fixed here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

FIXED_TIME = dt.datetime(2024, 1, 15, 9, 30, 0)


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated FIXED_TIME, in the original order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def xlsx_bytes(workbook: Workbook, author: str) -> bytes:
    props = workbook.properties
    props.creator = props.lastModifiedBy = author
    props.created = props.modified = FIXED_TIME
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save: save stamps the current time as "modified".
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_zip(buffer.getvalue())


def docx_bytes(document, author: str) -> bytes:
    props = document.core_properties
    props.author = props.last_modified_by = author
    props.created = props.modified = FIXED_TIME
    props.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def csv_bytes(
    rows: Iterable[Sequence],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    line_end: str = "\r\n",
) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator=line_end)
    writer.writerows(rows)
    data = text.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" if bom and encoding == "utf-8" else b"") + data


def pdf_bytes(html: str) -> bytes:
    """A PDF rendered from HTML with Noto Sans Georgian; WeasyPrint's output is reproducible."""
    from weasyprint import HTML  # imported here: it takes half a second to load

    return HTML(string=html).write_pdf()
