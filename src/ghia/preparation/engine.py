"""The one place where data preparation calls the tabular engine (``ghia.tabular``).

Everything here works on paths and plain JSON, so the services above stay about the
catalogue and the engine stays free of Django.
"""

from __future__ import annotations

from collections.abc import Callable
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
from ghia.tabular.table import ROW

PREVIEW_ROWS = 50
# What a cleaned table is written as: CSV first (the version that is checked), then the
# other open formats a re-user may prefer, typed by the cleaned table's own schema.
EXPORT_FORMATS = ("csv", "xlsx", "json")

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


def check_file(
    path: str | Path, schema: dict | None, progress: Callable[[int, int], None] | None
) -> CheckOutcome:
    """Check the table in ``path``; raises TableReadError when it cannot be read."""
    report = check(path, schema=schema, progress=progress)
    return CheckOutcome(report=report.to_dict(), preview=_preview(path))


def _preview(path: str | Path) -> dict:
    stream = open_table(path)
    names = stream.field_names
    head = stream.head(PREVIEW_ROWS)
    rows = [[row[0], list(row[1:])] for row in head.select([ROW, *names]).iter_rows()]
    return {"fields": names, "labels": stream.labels, "rows": rows}


def clean_file(
    path: str | Path, steps: list[dict], directory: Path, stem: str, formats=EXPORT_FORMATS
) -> CleanOutcome:
    """Apply ``steps`` to the table as read from ``path`` (not tidied: each change is a
    step) and write it in ``formats`` into ``directory``."""
    table = clean(read_table(path, tidy=False), validate_steps(steps))
    schema = infer_schema(table).schema
    files = {
        fmt: write_table(table, directory / f"{stem}.{fmt}", fmt, schema=schema) for fmt in formats
    }
    changes = [note.to_dict() for note in table.notes if note.code == "step_changed"]
    return CleanOutcome(files=files, schema=schema, rows=table.frame.height, changes=changes)


def message(code: str, params: dict | None, lang: str) -> str | None:
    """An engine message in ``lang``, or None when the code is not the engine's."""
    return render(code, params or {}, lang) if code in MESSAGES else None
