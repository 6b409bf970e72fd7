"""Evidence measured from the catalogue and its publication history, never typed in.

``measures`` gives the figures the rubric and the recommendations read: how many datasets
are inventoried and published, and of the published ones the shares openly licensed,
machine-readable, with a Table Schema, up to date against their frequency, and held by
both the website and the national portal. Shares are None when there is nothing to
divide by, which the report shows as "not measured" rather than as 0%.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from ghia.catalog.models import Dataset, Distribution, Municipality, Status

# Publishing tells which publication targets ("website", "portal") hold the current version
# of each dataset: a source maps dataset id (str) -> set of targets. Without one the share
# on both targets is not measured.
_target_sources: list[Callable[[Municipality], dict[str, set[str]]]] = []


def publication_targets(source: Callable[[Municipality], dict[str, set[str]]]):
    """Register the function reporting which targets hold each dataset (for ghia.publishing)."""
    _target_sources.append(source)
    return source


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def has_table_schema(distribution: Distribution) -> bool:
    # The check keeps the inferred schema in the version's provenance (see ghia.publishing.records).
    version = distribution.version
    schema = (version.provenance or {}).get("schema") if version else None
    return isinstance(schema, dict) and bool(schema.get("fields"))


def last_update(dataset: Dataset) -> datetime | None:
    times = [v.uploaded_at for v in dataset.versions.all()]
    return max(times) if times else dataset.published_at


def is_up_to_date(dataset: Dataset, now: datetime) -> bool | None:
    """None when the dataset has no schedule to be late against."""
    days = dataset.frequency.days if dataset.frequency else None
    if not days:
        return None
    updated = last_update(dataset)
    return updated is not None and now - updated <= timedelta(days=days)


def _published(municipality: Municipality):
    return (
        Dataset.objects.filter(municipality=municipality, status=Status.PUBLISHED)
        .select_related("licence", "frequency")
        .prefetch_related(
            Prefetch(
                "distributions", queryset=Distribution.objects.select_related("format", "version")
            ),
            "versions",
        )
    )


def stars(dataset: Dataset) -> int:
    """Openness on the 5-star scale as far as the catalogue knows it: 0 without an open
    licence, else the best format's stars (1 document, 2 structured, 3 open format)."""
    if not dataset.licence.is_open:
        return 0
    return max((d.format.stars for d in dataset.distributions.all() if d.format), default=0)


def measures(municipality: Municipality, now: datetime | None = None) -> dict[str, float | None]:
    now = now or timezone.now()
    inventory = Dataset.objects.filter(municipality=municipality).exclude(status=Status.WITHDRAWN)
    inventoried = inventory.count()
    published = list(_published(municipality))
    n = len(published)
    scheduled = [s for s in (is_up_to_date(d, now) for d in published) if s is not None]
    result = {
        "inventoried": inventoried,
        "published": n,
        "share_digital": _share(inventory.filter(digital=True, exists=True).count(), inventoried),
        "share_published": _share(n, inventoried),
        "share_open_licence": _share(sum(d.licence.is_open for d in published), n),
        "share_machine_readable": _share(
            sum(
                any(x.format and x.format.machine_readable for x in d.distributions.all())
                for d in published
            ),
            n,
        ),
        "share_with_schema": _share(
            sum(any(has_table_schema(x) for x in d.distributions.all()) for d in published), n
        ),
        "share_up_to_date": _share(sum(scheduled), len(scheduled)),
        "share_on_both": None,
        "personal_data_datasets": inventory.filter(personal_data=True).count(),
        "published_with_personal_data": sum(d.personal_data for d in published),
    }
    if _target_sources and n:
        held: dict[str, set[str]] = {}
        for source in _target_sources:
            for dataset_id, targets in source(municipality).items():
                held.setdefault(dataset_id, set()).update(targets)
        result["share_on_both"] = _share(
            sum({"website", "portal"} <= held.get(str(d.id), set()) for d in published), n
        )
    return result


def openness(municipality: Municipality) -> dict[int, int]:
    """Published datasets by openness level 0–3."""
    counts = dict.fromkeys(range(4), 0)
    for dataset in _published(municipality):
        counts[min(stars(dataset), 3)] += 1
    return counts
