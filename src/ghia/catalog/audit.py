"""The audit log: who changed what, and when. Service functions call ``record``."""

from __future__ import annotations

from django.db import models

from ghia.catalog.models import AuditEntry


def _plain(value):
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


def record(user, action: str, obj: models.Model, changes: dict | None = None, summary: str = "") -> AuditEntry:
    municipality_id = getattr(obj, "municipality_id", None)
    if municipality_id is None and obj.__class__.__name__ == "Municipality":
        municipality_id = obj.pk
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        municipality_id=municipality_id,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        summary=summary[:300],
        changes={k: [_plain(a), _plain(b)] for k, (a, b) in (changes or {}).items()},
    )
