"""Licences, formats, EU themes and frequencies are data: the standards layer holds them,
this copies them into the database after every migrate so foreign keys can point at them."""

from __future__ import annotations

from ghia.standards import registries as std


def sync_registries(**_kwargs) -> None:
    from ghia.catalog.models import Format, Frequency, Licence, Theme

    for item in std.licences():
        Licence.objects.update_or_create(
            id=item.id,
            defaults={"title": item.title, "url": item.url or "", "uri": item.uri or "", "is_open": item.is_open, "recommended": item.recommended},
        )
    for item in std.formats():
        Format.objects.update_or_create(
            id=item.id,
            defaults={
                "title": item.title, "media_type": item.media_type, "extensions": list(item.extensions),
                "stars": item.stars, "is_open": item.is_open, "machine_readable": item.machine_readable,
                "eu_uri": item.eu_uri,
            },
        )  # fmt: skip
    for item in std.themes():
        Theme.objects.update_or_create(code=item.code, defaults={"uri": item.uri, "label": item.label})
    for item in std.frequencies():
        Frequency.objects.update_or_create(code=item.code, defaults={"uri": item.uri, "label": item.label, "days": item.days})
