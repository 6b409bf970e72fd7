"""The one place where data preparation calls the tabular engine (``ghia.tabular``).

Everything here works on paths and plain JSON, so the services above stay about the
catalogue and the engine stays free of Django.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ghia.tabular import (
    TableReadError,
    check,
    clean,
    infer_schema,
    open_table,
    read_table,
    write_table,
)
from ghia.tabular.clean import describe, validate_steps
from ghia.tabular.messages import MESSAGES, render
from ghia.tabular.sniff import detect_format
from ghia.tabular.table import ROW

PREVIEW_ROWS = 50
# What a cleaned table is written as: CSV first (the version that is checked), then the
# other open formats a re-user may prefer, typed by the cleaned table's own schema.
EXPORT_FORMATS = ("csv", "xlsx", "json", "parquet")

__all__ = [
    "EXPORT_FORMATS",
    "TableReadError",
    "check_file",
    "clean_file",
    "describe",
    "message",
    "validate_steps",
]


@dataclass
class CheckOutcome:
    report: dict  # the engine's versioned JSON report
    preview: dict  # {"fields": [...], "rows": [[row number, [cells]]]}


@dataclass
class CleanOutcome:
    files: dict[str, Path]  # format -> written file
    schema: dict  # inferred from the cleaned table
    rows: int
    changes: list[dict]  # one note per step: what it changed


@contextmanager
def named(path: str | Path, filename: str) -> Iterator[Path]:
    """The stored file under its uploaded name: storage names carry no extension, and
    some readers (openpyxl) go by it."""
    with tempfile.TemporaryDirectory(prefix="ghia-") as tmp:
        link = Path(tmp) / (Path(filename).name or "data")
        link.symlink_to(Path(path).resolve())
        yield link


def check_file(
    path: str | Path,
    schema: dict | None,
    progress: Callable[[int, int, int | None], None] | None,
    sheet: str | None = None,
) -> CheckOutcome:
    """Check the table in ``path`` (of a workbook, the sheet named ``sheet``, or the one
    the engine chooses); raises TableReadError when it cannot be read.

    ``progress(done, total, rows)`` gets the rows checked so far where the engine counts
    its progress in rows (spreadsheets, JSON); for delimited text it counts bytes, and
    ``rows`` is None.
    """
    if progress is not None:
        progress = _with_rows(Path(path), progress)
    sheet = sheet or None
    report = check(path, schema=schema, progress=progress, sheet=sheet)
    return CheckOutcome(report=report.to_dict(), preview=_preview(path, sheet))


def _with_rows(path: Path, progress) -> Callable[[int, int], None]:
    try:
        with open(path, "rb") as f:
            in_rows = detect_format(path, f.read(1 << 16)) not in ("csv", "tsv")
    except (OSError, TableReadError):
        in_rows = False  # the check itself will tell what is wrong
    return lambda done, total: progress(done, total, done if in_rows else None)


def _preview(path: str | Path, sheet: str | None) -> dict:
    stream = open_table(path, sheet=sheet)
    names = stream.field_names
    head = stream.head(PREVIEW_ROWS)
    rows = [[row[0], list(row[1:])] for row in head.select([ROW, *names]).iter_rows()]
    return {"fields": names, "labels": stream.labels, "rows": rows}


def clean_file(
    path: str | Path,
    steps: list[dict],
    directory: Path,
    stem: str,
    formats=EXPORT_FORMATS,
    sheet: str | None = None,
) -> CleanOutcome:
    """Apply ``steps`` to the table as read from ``path`` (of a workbook, from ``sheet``;
    not tidied: each change is a step) and write it in ``formats`` into ``directory``."""
    table = clean(read_table(path, sheet=sheet or None, tidy=False), validate_steps(steps))
    schema = infer_schema(table).schema
    files = {
        fmt: write_table(table, directory / f"{stem}.{fmt}", fmt, schema=schema) for fmt in formats
    }
    changes = [note.to_dict() for note in table.notes if note.code == "step_changed"]
    return CleanOutcome(files=files, schema=schema, rows=table.frame.height, changes=changes)


def message(code: str, params: dict | None, lang: str) -> str | None:
    """An engine message in ``lang``, or None when the code is not the engine's."""
    return render(code, params or {}, lang) if code in MESSAGES else None
