"""Writing a table: CSV (UTF-8, RFC 4180), JSON, XLSX and Parquet.

Cells are text as read. With a Table Schema, JSON, XLSX and Parquet get typed values
(numbers, dates, booleans) for the columns whose every cell reads as its type; a column
with a cell that does not stays text, so nothing is lost in writing.
"""

import json
from pathlib import Path

import polars as pl

from ghia.tabular import parsers
from ghia.tabular.errors import TableReadError
from ghia.tabular.layout import blank
from ghia.tabular.table import Table

FORMATS = ("csv", "json", "xlsx", "parquet")


def write_table(
    table: Table, path: str | Path, fmt: str | None = None, schema: dict | None = None
) -> Path:
    """Write ``table`` to ``path`` in ``fmt`` (by default the file's extension)."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise TableReadError("format_unsupported", format=fmt or "?")
    frame = table.data.rename(dict(zip(table.field_names, _unique_labels(table), strict=True)))
    if fmt == "csv":
        # RFC 4180: CRLF line ends, quotes only where needed, doubled inside.
        frame.write_csv(path, line_terminator="\r\n", quote_style="necessary")
        return path
    frame = typed(frame, schema, _unique_labels(table)) if schema else frame
    if fmt == "json":
        rows = frame.to_dicts()
        path.write_text(
            json.dumps(rows, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
        )
    elif fmt == "parquet":
        frame.write_parquet(path)
    else:
        _write_xlsx(frame, path)
    return path


def _unique_labels(table: Table) -> list[str]:
    """Labels as written: the table's labels where they are unique, else field names."""
    labels = [
        label.strip() or name for label, name in zip(table.labels, table.field_names, strict=False)
    ]
    return (
        labels if len(set(labels)) == len(labels) == len(table.field_names) else table.field_names
    )


def typed(frame: pl.DataFrame, schema: dict, names: list[str]) -> pl.DataFrame:
    """Columns cast to their schema types where every non-blank cell reads as the type."""
    by_position = schema.get("fields", [])
    casts = {"integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}
    columns = []
    for name, field in zip(names, by_position, strict=False):
        kind = field.get("type")
        cell = pl.col(name)
        empty = blank(cell)
        ok, value = parsers.read(cell, field)
        if kind not in ("integer", "number", "boolean", "date", "datetime"):
            columns.append(cell)
            continue
        if kind in casts:
            value = value.cast(casts[kind], strict=False)
        all_read = frame.select((empty | ok.fill_null(False)).all()).item()
        columns.append(pl.when(~empty).then(value).alias(name) if all_read else cell)
    columns += [pl.col(n) for n in names[len(by_position) :]]
    return frame.select(columns)


def _write_xlsx(frame: pl.DataFrame, path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("data")
    sheet.append(frame.columns)
    for row in frame.iter_rows():
        sheet.append(list(row))
    workbook.save(path)
