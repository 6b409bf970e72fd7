"""Bounds that keep a hostile or broken file from exhausting memory or time.

A municipality's tables are small; anything beyond these bounds is a mistake or an attack,
and is refused with a clear message rather than read.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_columns: int = 2000
    # One cell of an open-data table is a value, not a document.
    max_cell_bytes: int = 1_000_000
    # A spreadsheet (a zip of XML) may not expand beyond this in total, nor any member
    # expand more than max_zip_ratio times its compressed size (zip bombs expand ~1000x).
    max_unzipped_bytes: int = 1_000_000_000
    max_zip_ratio: int = 200
    # Spreadsheets and JSON are read whole; CSV is streamed and has no size limit.
    max_spreadsheet_cells: int = 20_000_000
    max_json_bytes: int = 200_000_000


DEFAULT_LIMITS = Limits()
