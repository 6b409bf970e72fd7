"""Where the table is on the sheet: title rows, the header row(s), merged header cells,
totals rows.

Spreadsheets made for printing put a title and a note above the header, group columns
under a merged cell spanning a second header row, and end with a totals row. The header
is the first row that fills most of the table's width with text; a second header row
is taken when the first has gaps (merged groups) and the row below is text too.
"""

import re
from dataclasses import dataclass, field

import polars as pl

from ghia.tabular.messages import Note

# A cell that reads as a number, a date or a boolean: data, not a label.
_DATA_LIKE = re.compile(
    r"^\s*([-+]?[\d\s\u00a0.,']+%?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(T?[\d:. ]*)?|true|false)\s*$",
    re.IGNORECASE,
)
HEAD_ROWS = 200  # rows of the file looked at to find the header
LABEL_JOINER = " / "

# Labels of a totals row, Georgian first; "jami" and "sul" are the same words typed in
# a legacy font and not yet converted.
TOTALS_WORDS = frozenset(
    {
        "ჯამი", "სულ", "სულ ჯამი", "ჯამური", "საერთო ჯამი", "სულ ჯამში",
        "total", "totals", "grand total", "sum", "subtotal", "итого", "всего",
        "jami", "sul", "sul jami",
    }
)  # fmt: skip
_TOTALS_PATTERN = (
    r"(?i)^\s*(?:" + "|".join(w.replace(" ", r"\s") for w in TOTALS_WORDS) + r"):*\s*$"
)


# What a note under a table starts with: "შენიშვნა:", "წყარო:", "Note:", "* ".
_NOTE_PATTERN = r"(?i)^\s*(?:(?:შენიშვნა|შენიშვნები|წყარო|განმარტება|note|notes|source)\s*[:.]|\*)"


@dataclass
class Layout:
    header_rows: list[int]  # 1-based row numbers of the header in the file or sheet
    labels: list[str]
    notes: list[Note] = field(default_factory=list)


def _filled(cell) -> bool:
    return cell is not None and str(cell).strip() != ""


def _is_text(cell) -> bool:
    return _filled(cell) and not _DATA_LIKE.match(str(cell))


def find_layout(
    rows: list[list[str | None]],
    merges: list[tuple[int, int, int, int]] = (),
    first_column: int = 1,
    detect_titles: bool = True,
    spreadsheet: bool = False,
) -> Layout:
    """The header rows and labels of a table whose first rows (row 1 first) are ``rows``.

    ``merges`` are merged ranges (row1, col1, row2, col2) in sheet coordinates, whose
    columns start at ``first_column``. With ``detect_titles`` off, row 1 is the header
    (as Frictionless assumes for a CSV). For a ``spreadsheet`` the labels span the
    widest row (the sheet's used range) and a header may take two rows (groups of
    columns under a merged cell); a delimited file's labels are its header row's cells,
    as Frictionless reads them.
    """
    head = rows[:HEAD_ROWS]
    filled = [sum(_filled(c) for c in row) for row in head]
    if not any(filled):
        return Layout(header_rows=[1] if head else [], labels=[])
    header = next(i for i, n in enumerate(filled) if n)
    if detect_titles:
        header = _header_index(head, filled) if spreadsheet else _delimited_header(head, filled)
    notes = []
    if header > 0:
        notes.append(Note("header_row_found", {"row": header + 1, "skipped": header}))
    width = max(len(row) for row in head)
    grid = [list(row) + [None] * (width - len(row)) for row in head]
    header_rows = [header]
    if spreadsheet and detect_titles and _second_header_row(grid, header, merges, first_column):
        header_rows.append(header + 1)
    unmerged = _unmerge(grid, header_rows, merges, first_column)
    if unmerged:
        notes.append(Note("header_unmerged", {"count": unmerged}))
    if len(header_rows) > 1:
        notes.append(
            Note("header_rows_joined", {"rows": ", ".join(str(r + 1) for r in header_rows)})
        )
        labels = [_joined([grid[r][c] for r in header_rows]) for c in range(width)]
    else:
        labels = ["" if c is None else str(c) for c in head[header]]
        if spreadsheet:
            labels += [""] * (width - len(labels))
    return Layout(header_rows=[r + 1 for r in header_rows], labels=labels, notes=notes)


def _delimited_header(head: list[list], filled: list[int]) -> int:
    """Frictionless's rule, so both tools number rows alike: the header is the first row
    whose number of cells is near the average of the first hundred rows. A row that
    fills less than half the table's usual width (a title typed in the first cell of an
    exported sheet) is passed over for the labels below it."""
    widths = [len(row) for row in head[:100]]
    width = round(sum(widths) / len(widths))
    drift = max(round(width * 0.1), 1)
    header = next((i for i, w in enumerate(widths) if abs(w - width) <= drift), 0)
    below = sorted(n for n in filled[header + 1 :] if n)
    typical = below[len(below) // 2] if below else 0
    if typical >= 3 and filled[header] < 0.5 * typical:
        header = header + 1 + _header_index(head[header + 1 :], filled[header + 1 :])
    return header


def _header_index(head: list[list], filled: list[int]) -> int:
    widest = sorted(n for n in filled if n)
    typical = widest[int(0.9 * (len(widest) - 1))]
    for i, row in enumerate(head[:50]):
        cells = [c for c in row if _filled(c)]
        if len(cells) >= max(1, 0.6 * typical) and sum(_is_text(c) for c in cells) >= 0.7 * len(
            cells
        ):
            return i
    return next(i for i, n in enumerate(filled) if n)


def _second_header_row(grid: list[list], header: int, merges, first_column: int) -> bool:
    if header + 2 >= len(grid):
        return False
    top, below, data = grid[header], grid[header + 1], grid[header + 2]
    # A cell merged across columns in the header row groups the labels under it, which
    # may be years or numbers: that is the sheet saying the next row is header too.
    for r1, c1, _, c2 in merges:
        if r1 == header + 1 and c2 > c1:
            under = below[c1 - first_column : c2 - first_column + 1]
            if any(_filled(c) for c in under):
                return True
    gaps = any(not _filled(t) and _filled(b) for t, b in zip(top, below, strict=True))
    below_text = [c for c in below if _filled(c)]
    data_cells = [c for c in data if _filled(c)]
    return (
        gaps
        and bool(below_text)
        and all(_is_text(c) for c in below_text)
        and sum(_is_text(c) for c in data_cells) < len(data_cells)
    )


def _unmerge(grid: list[list], header_rows: list[int], merges, first_column: int) -> int:
    """Copy a merged header cell's text into every cell it covers; count the copies."""
    count = 0
    rows = {r + 1 for r in header_rows}
    for r1, c1, r2, c2 in merges:
        if not rows & set(range(r1, r2 + 1)):
            continue
        value = grid[r1 - 1][c1 - first_column] if 0 <= c1 - first_column < len(grid[0]) else None
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                col = c - first_column
                if r in rows and 0 <= col < len(grid[0]) and not _filled(grid[r - 1][col]):
                    grid[r - 1][col] = value
                    count += 1
    if len(header_rows) > 1 and not merges:
        # Without merge information (a CSV export), a group label stands in the first
        # column of its group: carry it right over the gaps above sub-labels.
        top = grid[header_rows[0]]
        for c in range(1, len(top)):
            if not _filled(top[c]) and _filled(top[c - 1]) and _filled(grid[header_rows[1]][c]):
                top[c] = top[c - 1]
                count += 1
    return count


def _joined(parts: list) -> str:
    words = []
    for part in parts:
        text = "" if part is None else str(part).strip()
        if text and text not in words:
            words.append(text)
    return LABEL_JOINER.join(words)


def field_names(labels: list[str], reserved: tuple[str, ...] = ()) -> list[str]:
    """Unique column names for ``labels``: a blank label becomes field{n}, a repeated one
    gets its position appended, as Frictionless names them."""
    names, seen = [], set(reserved)
    for number, label in enumerate(labels, start=1):
        name = label.strip() if label and label.strip() else f"field{number}"
        if name in seen:
            name = f"{name}{number}"
        while name in seen:
            name += "_"
        seen.add(name)
        names.append(name)
    return names


def blank(cell: pl.Expr) -> pl.Expr:
    """A cell without a value: missing, empty or only spaces."""
    return cell.is_null() | (cell.str.strip_chars() == "")


def totals_mask(frame: pl.DataFrame, columns: list[str]) -> pl.Series:
    """True for rows whose first text cells say "total" (ჯამი, სულ, Total...), and for
    note rows: a first cell such as "შენიშვნა: ..." with nothing beside it."""
    if not columns or not frame.height:
        return pl.Series([False] * frame.height, dtype=pl.Boolean)
    # Anchored regular expressions reject most cells at their first letter, where
    # stripping and lower-casing every cell cost ten times more.
    checks = [pl.col(c).str.contains(_TOTALS_PATTERN) for c in columns[:3]]
    found = frame.select(
        pl.any_horizontal(checks).fill_null(False).alias("totals"),
        pl.col(columns[0]).str.contains(_NOTE_PATTERN).fill_null(False).alias("note"),
    )
    if not found["note"].any():
        return found["totals"]
    alone = pl.all_horizontal([blank(pl.col(c)) for c in columns[1:]] or [True])
    return found["totals"] | (found["note"] & frame.select(alone).to_series())
