"""Spreadsheets (XLSX, XLS, ODS): every sheet, its cells as text, fonts where they matter.

Values come from calamine (through fastexcel), fast and the same for all three formats.
Cell fonts matter only for Georgian typed in legacy fonts: openpyxl (XLSX) and xlrd (XLS)
are asked for them, and only when the workbook declares such a font at all. A spreadsheet
is a zip of XML (XLSX, ODS): its declared sizes are checked before anything expands it.
"""

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ghia.standards.legacy_fonts import is_legacy_font
from ghia.tabular.errors import TableReadError
from ghia.tabular.limits import DEFAULT_LIMITS, Limits

_MB = 1 << 20
_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2}) 00:00:00$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$")
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"')
_FORMULA = re.compile(rb"<f[ >/]")


@dataclass
class Sheet:
    """One sheet's used range as text cells (null where empty), placed in the sheet."""

    name: str
    index: int  # 0-based among the workbook's sheets
    names: list[str]
    cells: pl.DataFrame  # columns c0.., one row per sheet row from row 1
    first_column: int  # sheet column number (1-based) of c0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    legacy_cells: dict[str, int] = field(default_factory=dict)  # font name -> cells converted
    legacy_by_column: dict[int, int] = field(default_factory=dict)  # c index -> cells
    formulas: int = 0


def guard_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a zip whose members would expand beyond the limits (zip bombs)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise TableReadError("file_corrupt", format="ZIP", reason=str(error)) from error
    total = sum(m.file_size for m in members)
    worst = max(
        (m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 10 * _MB),
        default=0,
    )
    if total > limits.max_unzipped_bytes or worst > limits.max_zip_ratio:
        raise TableReadError(
            "archive_too_large",
            size=round(total / _MB),
            limit=round(limits.max_unzipped_bytes / _MB),
            ratio=round(worst),
        )


def read_sheet(
    path: Path, fmt: str, sheet: str | int | None, limits: Limits = DEFAULT_LIMITS
) -> Sheet:
    if fmt in ("xlsx", "ods"):
        guard_zip(path, limits)
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
        names = list(reader.sheet_names)
    except Exception as error:  # calamine reports damage through many exception types
        raise _spreadsheet_error(fmt, error) from error
    index = _sheet_index(sheet, names)
    try:
        loaded = reader.load_sheet(index, header_row=None, dtypes="string", skip_rows=0)
        if loaded.total_height * max(loaded.width, 1) > limits.max_spreadsheet_cells:
            raise TableReadError("file_too_large", size=round(path.stat().st_size / _MB), limit="?")
        if loaded.width > limits.max_columns:
            raise TableReadError("too_many_columns", count=loaded.width, limit=limits.max_columns)
        frame = loaded.to_polars()
        columns = loaded.available_columns()
    except TableReadError:
        raise
    except Exception as error:
        raise _spreadsheet_error(fmt, error) from error
    first_column = columns[0].absolute_index + 1 if columns else 1
    frame = frame.rename({old: f"c{i}" for i, old in enumerate(frame.columns)})
    frame = frame.with_columns(_native_text(pl.col(c)) for c in frame.columns)
    result = Sheet(
        name=names[index], index=index, names=names, cells=frame, first_column=first_column
    )
    if fmt == "xlsx":
        _xlsx_details(path, result)
    elif fmt == "xls":
        _xls_details(path, result)
    return result


def _native_text(cell: pl.Expr) -> pl.Expr:
    """Calamine writes a date cell as "2024-01-05 00:00:00"; keep the ISO date or datetime."""
    return (
        cell.str.replace(_MIDNIGHT.pattern, "${1}")
        .str.replace(_DATETIME.pattern, "${1}T${2}")
        .name.keep()
    )


def _sheet_index(sheet: str | int | None, names: list[str]) -> int:
    if not names:
        raise TableReadError("no_table")
    if sheet is None or sheet == "":
        return 0
    if isinstance(sheet, str) and sheet in names:
        return names.index(sheet)
    text = str(sheet)
    if text.isdigit() and 1 <= int(text) <= len(names):
        # People count sheets from 1, as the tabs show them.
        return int(text) - 1
    raise TableReadError("sheet_not_found", sheet=text, sheets=", ".join(names))


def _spreadsheet_error(fmt: str, error: Exception) -> TableReadError:
    text = str(error)
    lowered = text.lower()
    if "password" in lowered or "encrypt" in lowered:
        return TableReadError("file_encrypted")
    return TableReadError(
        "file_corrupt",
        format=fmt.upper(),
        reason=text.splitlines()[0][:200] if text else type(error).__name__,
    )


def column_index(letters: str) -> int:
    """1-based number of a column named by letters (A=1, Z=26, AA=27)."""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _sheet_member(archive: zipfile.ZipFile, index: int) -> str | None:
    """The zip member of the index-th sheet, following the workbook's relationships."""
    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return None
    rel_ids = re.findall(r'<sheet\b[^>]*?r:id="([^"]+)"', workbook)
    if index >= len(rel_ids):
        return None
    target = None
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = rel.group()
        if f'Id="{rel_ids[index]}"' in tag:
            found = re.search(r'Target="([^"]+)"', tag)
            target = found.group(1) if found else None
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _xlsx_details(path: Path, sheet: Sheet) -> None:
    with zipfile.ZipFile(path) as archive:
        member = _sheet_member(archive, sheet.index)
        if member and member in archive.namelist():
            # Stream the sheet's XML; a tag cut between two reads is found in tail + chunk,
            # and a set drops the merges found twice.
            tail, merges = b"", set()
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    data = tail + chunk
                    sheet.formulas += len(_FORMULA.findall(data)) - len(_FORMULA.findall(tail))
                    merges.update(_MERGE.findall(data))
                    tail = data[-64:]
            sheet.merges = sorted(_merge_box(a.decode(), b.decode()) for a, b in merges)
        try:
            styles = archive.read("xl/styles.xml").decode("utf-8", "replace")
        except KeyError:
            styles = ""
    fonts = set(re.findall(r'<name val="([^"]+)"', styles))
    if any(is_legacy_font(font) for font in fonts):
        _xlsx_legacy_cells(path, sheet)


def _merge_box(a: str, b: str) -> tuple[int, int, int, int]:
    (ca, ra), (cb, rb) = _CELL_REF.match(a).groups(), _CELL_REF.match(b).groups()
    return int(ra), column_index(ca), int(rb), column_index(cb)


def _xlsx_legacy_cells(path: Path, sheet: Sheet) -> None:
    import openpyxl

    positions = []
    # A file object, because openpyxl refuses a path without an .xlsx extension.
    with open(path, "rb") as stream:
        try:
            workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        except Exception:  # fonts unreadable where calamine read the values: values stand
            return
        try:
            for row in workbook.worksheets[sheet.index].iter_rows():
                for cell in row:
                    font = getattr(cell, "font", None)
                    if (
                        font is not None
                        and is_legacy_font(font.name)
                        and isinstance(cell.value, str)
                    ):
                        positions.append((cell.row, cell.column, font.name))
        finally:
            workbook.close()
    _convert_cells(sheet, positions)


def _xls_details(path: Path, sheet: Sheet) -> None:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception:  # xlrd cannot read fonts of some files calamine reads; values stand
        return
    try:
        legacy_fonts = {i for i, font in enumerate(book.font_list) if is_legacy_font(font.name)}
        worksheet = book.sheet_by_index(sheet.index)
        sheet.merges = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in worksheet.merged_cells]
        if not legacy_fonts:
            return
        positions = []
        for r in range(worksheet.nrows):
            for c in range(worksheet.ncols):
                cell = worksheet.cell(r, c)
                font = book.xf_list[cell.xf_index].font_index
                if font in legacy_fonts and cell.ctype == xlrd.XL_CELL_TEXT:
                    positions.append((r + 1, c + 1, book.font_list[font].name))
    finally:
        book.release_resources()
    _convert_cells(sheet, positions)


def _convert_cells(sheet: Sheet, positions: list[tuple[int, int, str]]) -> None:
    """Convert the text of legacy-font cells to Unicode Georgian, in place."""
    from ghia.standards.legacy_fonts import to_unicode

    if not positions:
        return
    by_column: dict[int, list[int]] = {}
    for row, column, font in positions:
        index = column - sheet.first_column
        if 0 <= index < sheet.cells.width and row <= sheet.cells.height:
            by_column.setdefault(index, []).append(row - 1)
            sheet.legacy_cells[font] = sheet.legacy_cells.get(font, 0) + 1
    updates = []
    for index, rows in by_column.items():
        name = f"c{index}"
        values = sheet.cells[name].to_list()
        for r in rows:
            if values[r] is not None:
                values[r] = to_unicode(values[r])
        updates.append(pl.Series(name, values, dtype=pl.String))
        sheet.legacy_by_column[index] = len(rows)
    sheet.cells = sheet.cells.with_columns(updates)
