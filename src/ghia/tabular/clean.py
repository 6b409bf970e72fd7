"""Cleaning steps a person applies to a table and can take back.

A step is a small JSON object, ``{"step": "dates_to_iso", "field": "თარიღი", "format":
"%d.%m.%Y"}``; a list of them is the provenance of a cleaned version. ``clean(table,
steps)`` applies the list to the table as read; undoing a step is applying the list
without it to the same original (``undo``), so no step needs an inverse.

Steps: trim, normalize_unicode, convert_legacy, standardize_numbers, dates_to_iso,
drop_totals, drop_blank_rows, rename, mask, drop_column.
"""

from collections.abc import Callable

import polars as pl

from ghia.standards.legacy_fonts import legacy_confidence, to_unicode
from ghia.tabular import parsers
from ghia.tabular.errors import TableReadError
from ghia.tabular.layout import blank, totals_mask
from ghia.tabular.messages import Note, render
from ghia.tabular.personal import mask as mask_value
from ghia.tabular.table import ROW, Table

# The legacy layout's letters, and their Georgian letters as the standard maps them.
_LEGACY_LATIN = "abgdevzTiklmnopJrstufqRySCcZwWxjh"
_LEGACY_GEORGIAN = to_unicode(_LEGACY_LATIN)
LEGACY_LABEL_CONFIDENCE = 0.8


def describe(step: dict, lang: str = "en") -> str:
    """What a step does, in words."""
    kind = step.get("step", "")
    params = {k: v for k, v in step.items() if k != "step"}
    fields = step.get("fields")
    params["where"] = (
        render("step.where_fields", {"fields": ", ".join(fields)}, lang) if fields else ""
    )
    if kind == "rename":
        params["names"] = ", ".join(f"{a} → {b}" for a, b in (step.get("names") or {}).items())
    if kind == "standardize_numbers":
        params["example"] = parsers.number_example(
            step.get("decimalChar", "."), step.get("groupChar", "")
        )
    return render(f"step.{kind}", params, lang)


def clean(table: Table, steps: list[dict]) -> Table:
    """Apply ``steps`` in order; the result's notes say what each changed."""
    for step in steps:
        table = _apply(table, step)
    return table


def undo(original: Table, steps: list[dict], index: int) -> tuple[Table, list[dict]]:
    """The table and steps as if ``steps[index]`` had never been applied."""
    kept = steps[:index] + steps[index + 1 :]
    return clean(original, kept), kept


def validate_steps(steps: object) -> list[dict]:
    """Check the shape of a step list (as read from JSON); raise TableReadError if wrong."""
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise TableReadError("step_unknown", step=str(steps)[:80])
    for step in steps:
        if step.get("step") not in STEPS:
            raise TableReadError("step_unknown", step=str(step.get("step")))
    return steps


def _apply(table: Table, step: dict) -> Table:
    kind = step.get("step")
    if kind not in STEPS:
        raise TableReadError("step_unknown", step=str(kind))
    for name in [step["field"]] if "field" in step else step.get("fields") or []:
        if name not in table.field_names:
            raise TableReadError("step_field_unknown", step=kind, field=name)
    before = table.frame
    frame, labels = STEPS[kind](table, step)
    removed = before.height - frame.height
    changed = (
        _changed_cells(before, frame) if not removed and before.columns == frame.columns else 0
    )
    note = Note(
        "step_changed",
        {"description": describe(step, "en"), "cells": changed, "rows": removed, "step": step},
    )
    return Table(
        frame=frame,
        labels=labels,
        source=table.source,
        header_rows=table.header_rows,
        notes=[*table.notes, note],
    )


def _changed_cells(before: pl.DataFrame, after: pl.DataFrame) -> int:
    columns = [c for c in before.columns if c != ROW]
    if not columns:
        return 0
    both = before.select(columns).with_columns(after.select(pl.all().name.suffix("\x00new")))
    return both.select(
        pl.sum_horizontal(pl.col(c).ne_missing(pl.col(f"{c}\x00new")) for c in columns).sum()
    ).item()


def _on_fields(
    table: Table, step: dict, change: Callable[[pl.Expr], pl.Expr]
) -> tuple[pl.DataFrame, list[str]]:
    names = step.get("fields") or ([step["field"]] if "field" in step else table.field_names)
    frame = table.frame.with_columns(change(pl.col(n)).alias(n) for n in names)
    return frame, table.labels


def _trim(table, step):
    return _on_fields(table, step, lambda c: c.str.strip_chars())


def _normalize(table, step):
    return _on_fields(table, step, lambda c: c.str.normalize("NFC"))


def _convert_legacy(table, step):
    frame, labels = _on_fields(
        table, step, lambda c: c.str.replace_many(list(_LEGACY_LATIN), list(_LEGACY_GEORGIAN))
    )
    # The column's label was usually typed in the same font ("raioni" for რაიონი).
    position = table.field_names.index(step["field"])
    if legacy_confidence([labels[position]]) >= LEGACY_LABEL_CONFIDENCE:
        labels = [*labels[:position], to_unicode(labels[position]), *labels[position + 1 :]]
    return frame, labels


def _standardize_numbers(table, step):
    descriptor = {k: step[k] for k in ("decimalChar", "groupChar", "bareNumber") if k in step}

    def change(cell: pl.Expr) -> pl.Expr:
        ok, text = parsers.number_text(cell, descriptor)
        # "1200.50" stays as written; a cell that is not a number stays too.
        return pl.when(ok.fill_null(False)).then(text).otherwise(cell)

    return _on_fields(table, step, change)


def _dates_to_iso(table, step):
    fmt = step.get("format", "%Y-%m-%d")
    kind = "datetime" if any(d in fmt for d in ("%H", "%M", "%S")) else "date"
    out = "%Y-%m-%dT%H:%M:%S" if kind == "datetime" else "%Y-%m-%d"

    def change(cell: pl.Expr) -> pl.Expr:
        ok, value = parsers.read(cell, {"type": kind, "format": fmt})
        return pl.when(ok.fill_null(False)).then(value.dt.strftime(out)).otherwise(cell)

    return _on_fields(table, step, change)


def _drop_totals(table, step):
    return table.frame.filter(~totals_mask(table.frame, table.field_names)), table.labels


def _drop_blank_rows(table, step):
    names = table.field_names
    if not names:
        return table.frame, table.labels
    empty = pl.all_horizontal(blank(pl.col(c)) for c in names)
    return table.frame.filter(~empty), table.labels


def _rename(table, step):
    names = {str(k): str(v) for k, v in (step.get("names") or {}).items()}
    unknown = [k for k in names if k not in table.field_names]
    if unknown:
        raise TableReadError("step_field_unknown", step="rename", field=unknown[0])
    labels = [
        names.get(n, label) for n, label in zip(table.field_names, table.labels, strict=False)
    ]
    return table.frame.rename(names), labels


def _mask(table, step):
    kind = step.get("kind", "")

    def change(cell: pl.Expr) -> pl.Expr:
        if step.get("method") == "redact":
            return pl.when(cell.is_not_null() & (cell != "")).then(pl.lit("•••")).otherwise(cell)
        return cell.map_elements(
            lambda v: mask_value(kind, v), return_dtype=pl.String, skip_nulls=True
        )

    return _on_fields(table, step, change)


def _drop_column(table, step):
    keep = [n != step["field"] for n in table.field_names]
    labels = [label for label, k in zip(table.labels, keep, strict=False) if k]
    return table.frame.drop(step["field"]), labels


STEPS: dict[str, Callable[[Table, dict], tuple[pl.DataFrame, list[str]]]] = {
    "trim": _trim,
    "normalize_unicode": _normalize,
    "convert_legacy": _convert_legacy,
    "standardize_numbers": _standardize_numbers,
    "dates_to_iso": _dates_to_iso,
    "drop_totals": _drop_totals,
    "drop_blank_rows": _drop_blank_rows,
    "rename": _rename,
    "mask": _mask,
    "drop_column": _drop_column,
}
