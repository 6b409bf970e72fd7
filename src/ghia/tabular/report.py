"""The validation report: errors with Frictionless's types, counted by type.

Counts (``error_count``, ``by_type``) always cover the whole table; the itemised list
stops at ``limit_errors`` items, in row order, as Frictionless lists them.
"""

import functools
import gc
from contextlib import contextmanager
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


@contextmanager
def collector_paused():
    """Python's cycle collector, run whenever enough objects have been made, walks every
    object the process holds (polars' and numpy's among them); the tens of thousands of
    error items of a report hold no cycles, so it waits until they are made."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@functools.cache
def error_title(error_type: str, lang: str = "en") -> str:
    return render(MESSAGE_CODE.get(error_type, error_type), {}, lang)


def error_detail(item: dict, lang: str = "en") -> str:
    """The note of an error in words (which type, which constraint, which row repeats)."""
    detail = item.get("detail") or {}
    code = detail.get("code")
    return render(code, detail.get("params", {}), lang) if code else ""


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

    @staticmethod
    def _item(item: dict, words: dict) -> dict:
        # Cell errors of one check share one detail object: render its words once.
        detail = item.get("detail") or {}
        key = (item["type"], id(detail))
        if key not in words:
            words[key] = _words(item["type"], detail.get("code"), detail.get("params", {}))
        note, message = words[key]
        entry = item.copy()  # tens of thousands of items: copied in C, not rebuilt key by key
        entry.pop("detail", None)
        entry["note"], entry["message"] = note, message
        return entry

    @property
    def error_count(self) -> int:
        return sum(self.by_type.values())

    @property
    def truncated(self) -> bool:
        return len(self.errors) < self.error_count

    def to_dict(self) -> dict:
        with collector_paused():
            return self._as_dict()

    def _as_dict(self) -> dict:
        words: dict = {}
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
            "errors": [self._item(item, words) for item in self.errors],
            "truncated": self.truncated,
            "limitErrors": self.limit_errors,
            "errorTypes": {
                t: render_both(MESSAGE_CODE[t]) for t in ERROR_TYPES if self.by_type.get(t)
            },
        }


def _words(error_type: str, code: str | None, params: dict) -> tuple[str, dict[str, str]]:
    """An error's note (English) and its message in both languages."""
    details = {lang: render(code, params, lang) if code else "" for lang in ("ka", "en")}
    message = {}
    for lang, detail in details.items():
        title = error_title(error_type, lang)
        message[lang] = f"{title}: {detail}" if detail else title
    return details["en"], message
