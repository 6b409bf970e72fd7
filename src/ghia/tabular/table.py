"""Opening a file as a table: a stream of frames of text cells, or the whole table.

``open_table`` decides format, encoding, dialect, sheet and header, and returns a
``TableStream`` whose ``frames()`` yields the data rows a block at a time, so a CSV of
any size is read in bounded memory. ``read_table`` collects a stream into a ``Table``
and tidies it (empty rows and columns, totals rows), noting what it did.

Every frame holds the cells as text (``pl.String``) in columns named by the table's
field names, plus ``__row__`` (the row number in the file, the header being row 1 when
it is the first row, as Frictionless counts) and ``__width__`` (how many cells the
record had; fewer than the fields means missing cells, more means extra cells).
"""

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ghia.tabular.delimited import WIDTH, DelimitedFile, ReadStats
from ghia.tabular.encoding import detect_encoding, display_name
from ghia.tabular.errors import TableReadError
from ghia.tabular.json_records import read_json_records, rows_frame
from ghia.tabular.layout import HEAD_ROWS, blank, field_names, find_layout, totals_mask
from ghia.tabular.limits import DEFAULT_LIMITS, Limits
from ghia.tabular.messages import Note
from ghia.tabular.sniff import SPREADSHEET_FORMATS, Dialect, detect_dialect, detect_format
from ghia.tabular.spreadsheets import read_sheet

ROW = "__row__"
HEAD_BYTES = 1 << 20  # of delimited text read to find the header
RESERVED = (ROW, WIDTH)


def extra_column(index: int) -> str:
    """Name of the index-th cell (0-based) beyond the fields, kept for error reports."""
    return f"__extra{index}__"


@dataclass
class SourceInfo:
    path: str
    format: str
    bytes: int
    encoding: str | None = None
    dialect: Dialect | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "format": self.format,
            "bytes": self.bytes,
            "encoding": self.encoding,
            "dialect": self.dialect.to_dict() if self.dialect else None,
            "sheet": self.sheet,
            "sheets": self.sheets,
        }


@dataclass
class TableStream:
    source: SourceInfo
    labels: list[str]
    header_rows: list[int]
    notes: list[Note]
    _frames: Callable[[], Iterator[tuple[pl.DataFrame, int]]]
    total: int  # progress units: bytes for delimited text, rows otherwise
    legacy_columns: dict[str, dict] = field(default_factory=dict)  # field -> {cells, fonts}
    read_notes: Callable[[], list[Note]] = lambda: []
    # Frames a call to head() read, and the pass they came from, kept for frames().
    _started: tuple[list, Iterator] | None = field(default=None, repr=False)
    # Data records read while opening (delimited text), and whether they are all there are.
    _first_records: tuple[list[list[str]], bool] | None = field(default=None, repr=False)

    @property
    def field_names(self) -> list[str]:
        return field_names(self.labels, RESERVED)

    def frames(self) -> Iterator[tuple[pl.DataFrame, int]]:
        """Frames of data rows and the progress reached after each (out of ``total``).

        After ``head``, the first pass goes on from the frames ``head`` already read
        instead of reading them again; later passes read the file from the start.
        """
        if self._started is None:
            return self._frames()
        (read, rest), self._started = self._started, None
        return itertools.chain(read, rest)

    def head(self, rows: int) -> pl.DataFrame:
        """The first ``rows`` data rows (fewer if the table is shorter)."""
        if self._started is None:
            self._started = ([], self._frames())
        read, rest = self._started
        while sum(frame.height for frame, _ in read) < rows:
            try:
                read.append(next(rest))
            except StopIteration:
                break
        parts = [frame for frame, _ in read]
        return pl.concat(parts, how="diagonal").head(rows) if parts else self._empty()

    def first_rows(self, rows: int) -> list[list[str]]:
        """The first ``rows`` data rows as lists of text, one cell per field ("" where a
        record is short). Delimited text has them from opening, without starting polars:
        quicker for the small files of a website's previews."""
        n = len(self.labels)
        if self._first_records is not None:
            records, complete = self._first_records
            if complete or len(records) >= rows:
                return [(r + [""] * (n - len(r)))[:n] for r in records[:rows]]
        frame = self.head(rows).select(self.field_names)
        return [["" if cell is None else str(cell) for cell in row] for row in frame.rows()]

    def _empty(self) -> pl.DataFrame:
        schema = {ROW: pl.Int64, WIDTH: pl.Int32} | {n: pl.String for n in self.field_names}
        return pl.DataFrame(schema=schema)


def open_table(
    path: str | Path,
    sheet: str | int | None = None,
    header_row: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    dialect: Dialect | None = None,
) -> TableStream:
    """Open ``path`` as a table; raises TableReadError when it cannot be one.

    ``dialect`` fixes a delimited file's delimiter and quoting instead of detecting them.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(1 << 16)
    except FileNotFoundError as error:
        raise TableReadError("file_not_found", path=str(path)) from error
    except OSError as error:
        raise TableReadError("file_unreadable", reason=error.strerror or str(error)) from error
    fmt = detect_format(path, head)
    source = SourceInfo(path=str(path), format=fmt, bytes=size)
    if fmt in ("csv", "tsv"):
        return _open_delimited(path, head, source, header_row, limits, dialect)
    if fmt in SPREADSHEET_FORMATS:
        return _open_spreadsheet(path, source, sheet, header_row, limits)
    rows = read_json_records(path, limits)
    width = max(len(r) for r in rows)
    _check_width(width, limits)
    return _in_memory(source, rows_frame(rows, width), header_row, [], 1, detect_titles=False)


def _check_width(width: int, limits: Limits) -> None:
    if width > limits.max_columns:
        raise TableReadError("too_many_columns", count=width, limit=limits.max_columns)


def _open_delimited(
    path: Path, head: bytes, source: SourceInfo, header_row, limits, dialect
) -> TableStream:
    encoding = detect_encoding(head)
    reader = DelimitedFile(path, encoding, Dialect(), limits)
    sample = reader._first_text(1 << 16).decode("utf-8", "replace")
    reader.dialect = dialect or detect_dialect(sample, source.format)
    source.encoding, source.dialect = display_name(encoding), reader.dialect
    head_rows = reader.head_rows(HEAD_ROWS, HEAD_BYTES)
    _check_width(max((len(r) for r in head_rows), default=0), limits)
    layout = _layout(head_rows, header_row, [], 1, detect_titles=True, spreadsheet=False)
    n = len(layout.labels)
    last_header = layout.header_rows[-1]
    names = field_names(layout.labels, RESERVED)
    notes = [
        Note("format_detected", {"format": source.format.upper()}),
        Note("encoding_detected", {"encoding": source.encoding}),
        Note(
            "dialect_detected",
            {"delimiter": _show(reader.dialect.delimiter), "quote": reader.dialect.quote_char},
        ),
        *layout.notes,
    ]

    def frames() -> Iterator[tuple[pl.DataFrame, int]]:
        reader.stats = ReadStats()
        for cells, offset in reader.frames(n):
            start = reader.stats.records - cells.height + 1
            cells = cells.with_columns(
                pl.int_range(start, start + cells.height, dtype=pl.Int64).alias(ROW)
            )
            if start <= last_header:
                cells = cells.filter(pl.col(ROW) > last_header)
            yield _named(cells, names), offset

    def read_notes() -> list[Note]:
        found = []
        if reader.stats.replaced_bytes:
            found.append(Note("encoding_mixed", {"count": reader.stats.replaced_bytes}))
        if reader.stats.nul_bytes:
            found.append(Note("nul_bytes_removed", {"count": reader.stats.nul_bytes}))
        return found

    return TableStream(
        source=source,
        labels=layout.labels,
        header_rows=layout.header_rows,
        notes=notes,
        _frames=frames,
        total=source.bytes,
        read_notes=read_notes,
        _first_records=(
            head_rows[last_header:],
            len(head_rows) < HEAD_ROWS and source.bytes <= HEAD_BYTES,
        ),
    )


def _show(delimiter: str) -> str:
    return {"\t": "TAB", " ": "SPACE"}.get(delimiter, delimiter)


def _named(cells: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    """c0.. become the field names; cells beyond the fields become __extraK__."""
    n = len(names)
    rename = {}
    for column in cells.columns:
        if column.startswith("c") and column[1:].isdigit():
            i = int(column[1:])
            rename[column] = names[i] if i < n else extra_column(i - n)
    cells = cells.rename(rename)
    missing = [
        pl.lit(None, dtype=pl.String).alias(name) for name in names if name not in cells.columns
    ]
    if missing:
        cells = cells.with_columns(missing)
    extras = sorted(
        (c for c in cells.columns if c.startswith("__extra")), key=lambda c: int(c[7:-2])
    )
    return cells.select([ROW, WIDTH, *names, *extras])


def _layout(rows, header_row, merges, first_column, detect_titles, spreadsheet=True):
    if header_row is not None:
        rows = [[] for _ in range(header_row - 1)] + rows[header_row - 1 :]
    layout = find_layout(
        rows,
        merges,
        first_column,
        detect_titles=detect_titles and header_row is None,
        spreadsheet=spreadsheet,
    )
    if not layout.labels:
        raise TableReadError("no_table")
    return layout


def _open_spreadsheet(path: Path, source: SourceInfo, sheet, header_row, limits) -> TableStream:
    found = read_sheet(path, source.format, sheet, limits)
    source.sheet, source.sheets = found.name, found.names
    notes = [Note("format_detected", {"format": source.format.upper()})]
    if len(found.names) > 1:
        notes.append(
            Note(
                "sheet_chosen",
                {"sheet": found.name, "index": found.index + 1, "count": len(found.names)},
            )
        )
    if found.formulas:
        notes.append(Note("formulas_found", {"count": found.formulas}))
    stream = _in_memory(
        source, found.cells, header_row, found.merges, found.first_column, detect_titles=True
    )
    stream.notes[:0] = notes
    names = stream.field_names
    for index, cells in found.legacy_by_column.items():
        if index < len(names):
            fonts = ", ".join(sorted(found.legacy_cells))
            stream.legacy_columns[names[index]] = {"cells": cells, "fonts": fonts}
            stream.notes.append(
                Note(
                    "legacy_font_converted", {"field": names[index], "cells": cells, "font": fonts}
                )
            )
    return stream


def _in_memory(
    source, cells: pl.DataFrame, header_row, merges, first_column, detect_titles
) -> TableStream:
    """A stream over a table already in memory (a sheet, a JSON document)."""
    head = [list(row) for row in cells.head(HEAD_ROWS).iter_rows()]
    layout = _layout(head, header_row, merges, first_column, detect_titles)
    names = field_names(layout.labels, RESERVED)
    last_header = layout.header_rows[-1]
    data = (
        cells.with_row_index(ROW, offset=1)
        .with_columns(pl.col(ROW).cast(pl.Int64))
        .filter(pl.col(ROW) > last_header)
    )
    # A sheet's rows all span the used range: no missing or extra cells.
    data = data.with_columns(pl.lit(len(names), dtype=pl.Int32).alias(WIDTH))
    # Trailing rows without any value are the sheet's formatting, not the table.
    cell_columns = [c for c in data.columns if c not in RESERVED]
    if cell_columns and data.height:
        filled = data.select(pl.any_horizontal(~blank(pl.col(c)) for c in cell_columns)).to_series()
        last = filled.arg_true().max() if filled.any() else -1
        data = data.head(last + 1)
    data = _named(data, names)
    return TableStream(
        source=source,
        labels=layout.labels,
        header_rows=layout.header_rows,
        notes=list(layout.notes),
        _frames=lambda: iter([(data, data.height)]),
        total=data.height,
    )


@dataclass
class Table:
    """A whole table in memory: text cells under field names, with row numbers."""

    frame: pl.DataFrame  # __row__ and one String column per field
    labels: list[str]
    source: SourceInfo | None = None
    header_rows: list[int] = field(default_factory=lambda: [1])
    notes: list[Note] = field(default_factory=list)

    @property
    def field_names(self) -> list[str]:
        return [c for c in self.frame.columns if c not in RESERVED]

    @property
    def data(self) -> pl.DataFrame:
        """The cells without bookkeeping columns."""
        return self.frame.select(self.field_names)

    @classmethod
    def from_frame(cls, frame: pl.DataFrame) -> "Table":
        """A table from any polars frame (cells become text; rows numbered from 2)."""
        text = frame.select(pl.col(c).cast(pl.String) for c in frame.columns)
        text = text.with_row_index(ROW, offset=2).with_columns(pl.col(ROW).cast(pl.Int64))
        return cls(frame=text, labels=list(frame.columns))


def read_table(
    path: str | Path,
    sheet: str | int | None = None,
    header_row: int | None = None,
    tidy: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    dialect: Dialect | None = None,
) -> Table:
    """Read a whole table; with ``tidy`` drop empty rows and columns and totals rows.

    What was done is in ``table.notes``. Row numbers stay those of the file.
    """
    stream = open_table(path, sheet=sheet, header_row=header_row, limits=limits, dialect=dialect)
    parts = [frame for frame, _ in stream.frames()]
    frame = pl.concat(parts, how="diagonal") if parts else stream._empty()
    # A cell beyond its record's width is not in the file: null, not empty text.
    frame = frame.select(
        pl.col(ROW),
        *[
            pl.when(pl.col(WIDTH) > i).then(pl.col(n)).alias(n)
            for i, n in enumerate(stream.field_names)
        ],
    )
    table = Table(
        frame=frame,
        labels=stream.labels,
        source=stream.source,
        header_rows=stream.header_rows,
        notes=stream.notes + stream.read_notes(),
    )
    return tidy_table(table) if tidy else table


def tidy_table(table: Table) -> Table:
    """Drop empty rows, empty unlabelled columns and totals rows, noting each."""
    frame, notes = table.frame, list(table.notes)
    names = table.field_names
    labels = dict(zip(names, table.labels, strict=False))
    if frame.height:
        blank_rows = frame.select(
            pl.all_horizontal(blank(pl.col(c)) for c in names) if names else pl.lit(True)
        ).to_series()
        if blank_rows.any():
            rows = frame.filter(blank_rows)[ROW].to_list()
            notes.append(Note("rows_blank_dropped", {"count": len(rows), "rows": _row_list(rows)}))
            frame = frame.filter(~blank_rows)
    empty = [
        c
        for c in names
        if not labels.get(c, "").strip() and frame.select(blank(pl.col(c)).all()).item()
    ]
    if empty:
        notes.append(
            Note("columns_empty_dropped", {"count": len(empty), "labels": ", ".join(empty)})
        )
        frame = frame.drop(empty)
    kept = [c for c in names if c not in empty]
    totals = totals_mask(frame, kept)
    if totals.any():
        said = pl.coalesce(pl.col(c).str.strip_chars().replace("", None) for c in kept[:3])
        for row, label in frame.filter(totals).select(ROW, said).iter_rows():
            notes.append(Note("totals_row_dropped", {"row": row, "label": label}))
        frame = frame.filter(~totals)
    return Table(
        frame=frame,
        labels=[labels[c] for c in kept],
        source=table.source,
        header_rows=table.header_rows,
        notes=notes,
    )


def _row_list(rows: list[int], shown: int = 10) -> str:
    text = ", ".join(str(r) for r in rows[:shown])
    return text + (" …" if len(rows) > shown else "")
