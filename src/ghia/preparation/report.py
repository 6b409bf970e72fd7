"""What the report page shows of a check, in the reader's language.

The engine's JSON report carries every message in Georgian and English; this module
picks the reader's language and shapes the parts a template can lay out: the notes,
the errors by type with a bar chart, the first rows with their bad cells, the personal
data per column and the repairs on offer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ghia.preparation import engine
from ghia.preparation.models import CheckRun

CHART_WIDTH = 320  # pixels of the longest bar
BAR_HEIGHT = 18
# Errors that belong to a whole row, not to one of its cells.
ROW_ERRORS = frozenset({"blank-row", "primary-key", "extra-cell"})


@dataclass
class Cell:
    value: str
    errors: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(["bad", *(f"bad-{t}" for t in self.types)]) if self.errors else ""

    @property
    def title(self) -> str:
        return "\n".join(self.errors)


@dataclass
class Row:
    number: int
    cells: list[Cell]
    errors: list[str] = field(default_factory=list)


@dataclass
class Repair:
    step: dict
    text: str
    confidence: float | None = None

    @property
    def payload(self) -> str:
        return json.dumps(self.step, ensure_ascii=False)


def _pick(messages: dict | None, lang: str) -> str:
    messages = messages or {}
    return messages.get(lang) or messages.get("en") or ""


def notes(run: CheckRun, lang: str) -> list[str]:
    return [_pick(n.get("message"), lang) for n in (run.report or {}).get("notes", [])]


def error_types(run: CheckRun, lang: str) -> list[dict]:
    """Errors by type, most frequent first, each with its bar of the chart."""
    validation = (run.report or {}).get("validation") or {}
    counts = validation.get("errorsByType") or {}
    titles = validation.get("errorTypes") or {}
    top = max(counts.values(), default=0)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        {
            "type": kind,
            "title": _pick(titles.get(kind), lang) or kind,
            "count": count,
            "width": max(2, round(CHART_WIDTH * count / top)),
            "y": index * (BAR_HEIGHT + 6),
        }
        for index, (kind, count) in enumerate(ordered)
    ]


def chart_height(types: list[dict]) -> int:
    return len(types) * (BAR_HEIGHT + 6)


def preview(run: CheckRun, lang: str) -> tuple[Row, list[Row]]:
    """The header and the first rows of the table, each bad cell (or label) carrying
    its errors; errors of a whole row stay with the row."""
    data = run.preview or {}
    labels = data.get("labels") or data.get("fields") or []
    by_cell: dict[tuple[int, int], list[tuple[str, str]]] = {}
    by_row: dict[int, list[str]] = {}
    for item in ((run.report or {}).get("validation") or {}).get("errors", []):
        row, number = item.get("rowNumber"), item.get("fieldNumber")
        text = _pick(item.get("message"), lang)
        if item["type"] in ROW_ERRORS or number is None or number > len(labels):
            by_row.setdefault(row, []).append(text)
        else:
            by_cell.setdefault((row, number), []).append((item["type"], text))

    def row(number: int, values: list) -> Row:
        cells = []
        for position, value in enumerate(values, start=1):
            found = by_cell.get((number, position), [])
            text = "" if value is None else str(value)
            cells.append(Cell(text, [t for _, t in found], [k for k, _ in found]))
        return Row(number, cells, by_row.get(number, []))

    header_rows = ((run.report or {}).get("table") or {}).get("headerRows") or [1]
    return row(header_rows[-1], labels), [
        row(number, values) for number, values in data.get("rows", [])
    ]


def findings(run: CheckRun, lang: str) -> list[dict]:
    """Personal data per column, with masked samples (company codes listed apart)."""
    found = ((run.report or {}).get("personalData") or {}).get("findings") or []
    return [
        {
            "field": f["field"],
            "kind": _pick(f.get("kindLabel"), lang) or f["kind"],
            "personal": f.get("personal", True),
            "count": f["count"],
            "share": round(100 * f.get("share", 0)),
            "confidence": round(100 * f.get("confidence", 0)),
            "samples": f.get("samples", [])[:5],
        }  # fmt: skip
        for f in found
    ]


def repairs(run: CheckRun, applied: list[dict], lang: str) -> list[Repair]:
    """The engine's proposed clean steps not yet applied, each in words."""
    report = run.report or {}
    legacy = {
        item["field"]: item.get("confidence")
        for item in report.get("legacyFonts", [])
        if not item.get("converted")
    }
    offered = []
    for step in report.get("suggestedSteps", []):
        if step in applied or step in (r.step for r in offered):
            continue
        confidence = legacy.get(step.get("field")) if step.get("step") == "convert_legacy" else None
        offered.append(
            Repair(
                step, engine.describe(step, lang), round(100 * confidence) if confidence else None
            )
        )
    return offered


def applied_steps(steps: list[dict], lang: str) -> list[str]:
    return [engine.describe(step, lang) for step in steps]


def read_error(run: CheckRun, lang: str) -> str:
    """Why the file could not be checked, in words (the engine's message where it has one)."""
    return engine.message(run.error_code, run.error_params, lang) or ""
