"""Editing a Table Schema field by field, as the schema form offers it.

A person changes a field's name, type, format, and whether it is required or unique;
everything else the descriptor holds (number separators, true and false words, missing
values, constraints the form does not show) is kept unless the new type makes it
meaningless. Renaming a field renames it in the primary key too.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TYPES = (
    "string",
    "integer",
    "number",
    "boolean",
    "date",
    "datetime",
    "time",
    "year",
    "yearmonth",
    "geopoint",
    "any",
)
# Keys that belong to one type only, dropped when the field changes type.
_TYPE_KEYS = {
    "number": ("decimalChar", "groupChar", "bareNumber"),
    "integer": ("bareNumber",),
    "boolean": ("trueValues", "falseValues"),
}
_FORMATLESS = ("integer", "number", "boolean", "year", "yearmonth", "any")


def apply_edits(descriptor: dict, edits: list[dict]) -> dict:
    """The descriptor with each field changed by its edit (edits are given by position).

    Raises ValidationError with a message a person can act on.
    """
    fields = list(descriptor.get("fields") or [])
    if len(edits) != len(fields):
        raise ValidationError(_("The schema changed meanwhile; open it again."))
    names = [str(edit.get("name", "")).strip() for edit in edits]
    if not all(names):
        raise ValidationError(_("Every field needs a name."))
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise ValidationError(
            _("Field names must differ: %(names)s") % {"names": ", ".join(repeated)}
        )
    renamed = {}
    changed = []
    for old, edit, name in zip(fields, edits, names, strict=True):
        kind = edit.get("type") or old.get("type") or "any"
        if kind not in TYPES:
            raise ValidationError(_("Unknown type: %(type)s") % {"type": kind})
        new = {k: v for k, v in old.items() if k not in ("name", "type", "format", "constraints")}
        if kind != old.get("type"):
            for key in (k for keys in _TYPE_KEYS.values() for k in keys):
                if key not in _TYPE_KEYS.get(kind, ()):
                    new.pop(key, None)
        new = {"name": name, "type": kind, **new}
        fmt = str(edit.get("format") or "").strip()
        if fmt and fmt != "default" and kind not in _FORMATLESS:
            new["format"] = fmt
        constraints = dict(old.get("constraints") or {})
        for key in ("required", "unique"):
            constraints.pop(key, None)
            if edit.get(key):
                constraints[key] = True
        if kind != old.get("type"):
            # Bounds and enumerations were written in the old type's terms.
            for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum"):
                constraints.pop(key, None)
        if constraints:
            new["constraints"] = constraints
        changed.append(new)
        if old.get("name") != name:
            renamed[old.get("name")] = name
    result = {**descriptor, "fields": changed}
    key = descriptor.get("primaryKey")
    if key:
        keys = [key] if isinstance(key, str) else list(key)
        result["primaryKey"] = [renamed.get(k, k) for k in keys]
    return result
