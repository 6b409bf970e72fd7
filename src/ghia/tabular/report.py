"""The validation report: errors with Frictionless's types, counted by type.

Counts (``error_count``, ``by_type``) always cover the whole table; the itemised list
stops at ``limit_errors`` items, in row order, as Frictionless lists them.
"""

import functools
from dataclasses import dataclass, field

from ghia.tabular.messages import render, render_both

# Frictionless's error types that a table check can report, in the order they are told.
ERROR_TYPES = (
    "blank-header",
    "blank-label",
    "duplicate-label",
    "incorrect-label",
    "extra-label",
    "missing-label",
    "blank-row",
    "extra-cell",
    "missing-cell",
    "type-error",
    "constraint-error",
    "unique-error",
    "primary-key",
)
# Frictionless names the primary-key error "primary-key"; people say primary-key-error.
MESSAGE_CODE = {t: f"error.{t}" for t in ERROR_TYPES} | {"primary-key": "error.primary-key-error"}
HEADER_TYPES = frozenset(ERROR_TYPES[:6])


@functools.cache
def error_title(error_type: str, lang: str = "en") -> str:
    return render(MESSAGE_CODE.get(error_type, error_type), {}, lang)


def error_item(
    error_type: str,
    row: int | None = None,
    number: int | None = None,
    name: str | None = None,
    cell: str | None = None,
    detail: dict | None = None,
    label: str | None = None,
) -> dict:
    """An error as the report lists it: its type, row, field and cell (or header label)
    where it has them, its note (the detail in English) and its message in every language."""
    item: dict = {"type": error_type, "rowNumber": row}
    if number is not None:
        item["fieldNumber"], item["fieldName"] = number, name
    if label is not None:
        item["label"] = label
    if cell is not None:
        item["cell"] = cell
    detail = detail or {}
    item["note"], item["message"] = _words(error_type, detail.get("code"), detail.get("params"))
    return item


@dataclass
class ValidationReport:
    valid: bool
    rows: int
    fields: int
    by_type: dict[str, int]
    errors: list[dict]  # the first limit_errors items, in row order
    limit_errors: int | None = None
    seconds: float = 0.0
    invalid_rows: int = 0
    labels: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(self.by_type.values())

    @property
    def truncated(self) -> bool:
        return len(self.errors) < self.error_count

    def to_dict(self) -> dict:
        return {
            "valid": self.valid,
            "stats": {
                "rows": self.rows,
                "fields": self.fields,
                "errors": self.error_count,
                "invalidRows": self.invalid_rows,
                "seconds": round(self.seconds, 3),
            },
            "errorsByType": {t: n for t, n in self.by_type.items() if n},
            "errors": list(self.errors),  # the items are in their final form already
            "truncated": self.truncated,
            "limitErrors": self.limit_errors,
            "errorTypes": {
                t: render_both(MESSAGE_CODE[t]) for t in ERROR_TYPES if self.by_type.get(t)
            },
        }


def _words(error_type: str, code: str | None, params: dict | None) -> tuple[str, dict[str, str]]:
    """An error's note (English) and its message in both languages."""
    details = {lang: render(code, params, lang) if code else "" for lang in ("ka", "en")}
    message = {}
    for lang, detail in details.items():
        title = error_title(error_type, lang)
        message[lang] = f"{title}: {detail}" if detail else title
    return details["en"], message
