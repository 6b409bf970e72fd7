"""Faceted filtering of the public catalogue: one definition per facet, counted on the
current result set."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from ghia.catalog.models import Format, Licence, Municipality, Service, Theme


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    lookup: str  # the dataset field holding the value
    model: type
    key_field: str = "pk"

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        return queryset.filter(**{self.lookup: value}).distinct()

    def counts(self, queryset: QuerySet, selected: str | None) -> list[dict]:
        rows = (
            queryset.exclude(**{f"{self.lookup}__isnull": True})
            .values(self.lookup)
            .annotate(n=Count("id", distinct=True))
            .order_by("-n")
        )
        counts = {r[self.lookup]: r["n"] for r in rows}
        objects = self.model.objects.in_bulk(list(counts), field_name=self.key_field)
        return [
            {"value": str(key), "label": objects[key], "count": n, "selected": str(key) == selected}
            for key, n in counts.items()
            if key in objects
        ]


FACETS = [
    Facet("municipality", _("Municipality"), "municipality__slug", Municipality, "slug"),
    Facet("service", _("Service"), "service", Service),
    Facet("theme", _("Theme"), "theme", Theme),
    Facet("format", _("Format"), "distributions__format", Format),
    Facet("licence", _("Licence"), "licence", Licence),
]
