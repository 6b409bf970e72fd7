"""A dataset's quality score (metadata and data, 0-100) and its five-star level.

``assess(facts)`` is a pure function of plain facts; ``dataset_facts(dataset)`` gathers
them from the catalogue. The data part is the tabular engine's score of the current
version's check (rows free of errors, header, structure, types).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ghia.catalog.models import Dataset
from ghia.preparation import services
from ghia.preparation.models import CheckRun, TableSchema
from ghia.standards.registries import five_stars, format_by_id
from ghia.tabular.report import HEADER_TYPES

# Points of each part; together 100.
WEIGHTS = {
    "licence": 15,
    "format": 15,
    "schema": 10,
    "data": 15,
    "description": 10,
    "keywords": 10,
    "languages": 15,
    "on_time": 10,
}
LABELS = {
    "licence": _("open licence"),
    "format": _("open, machine-readable format"),
    "schema": _("Table Schema"),
    "data": _("data without errors"),
    "description": _("description of at least %(n)d characters"),
    "keywords": _("at least %(n)d keywords"),
    "languages": _("title, description and keywords in Georgian and English"),
    "on_time": _("updated as often as promised"),
}
DESCRIPTION_CHARS = 200
KEYWORDS = 3
LANGS = ("ka", "en")


@dataclass
class QualityFacts:
    licence_open: bool
    format_ids: list[str]  # the formats of the files offered
    has_schema: bool
    schema_matches: bool  # the newest check read the table against it without header errors
    data_score: float | None  # the engine's 0-100, None when nothing was checked
    descriptions: dict[str, str]
    keywords: dict[str, list[str]]
    titles: dict[str, str]
    frequency_days: int | None
    frequency_set: bool
    last_update: datetime | None
    now: datetime


@dataclass
class QualityPart:
    key: str
    label: str
    points: float
    weight: int

    @property
    def full(self) -> bool:
        return self.points >= self.weight


@dataclass
class Quality:
    score: int
    stars: int
    parts: list[QualityPart] = field(default_factory=list)


def assess(facts: QualityFacts) -> Quality:
    shares = {
        "licence": 1.0 if facts.licence_open else 0.0,
        "format": 1.0 if any(_open_format(f) for f in facts.format_ids) else 0.0,
        "schema": (0.5 + 0.5 * facts.schema_matches) if facts.has_schema else 0.0,
        "data": (facts.data_score or 0) / 100,
        "description": min(len(facts.descriptions.get("ka", "").strip()) / DESCRIPTION_CHARS, 1.0),
        "keywords": _mean(min(len(facts.keywords.get(lang, [])) / KEYWORDS, 1.0) for lang in LANGS),
        "languages": _mean(
            1.0 if text.get(lang, "").strip() else 0.0
            for text in (
                facts.titles,
                facts.descriptions,
                {k: " ".join(v) for k, v in facts.keywords.items()},
            )
            for lang in LANGS
        ),
        "on_time": _on_time(facts),
    }
    parts = []
    for key, weight in WEIGHTS.items():
        label = str(LABELS[key])
        if "%(n)d" in label:
            label = label % {"n": DESCRIPTION_CHARS if key == "description" else KEYWORDS}
        parts.append(QualityPart(key, label, round(weight * shares[key], 1), weight))
    stars = max(
        (five_stars(facts.licence_open, format_by_id(f)) for f in facts.format_ids), default=0
    )
    return Quality(score=round(sum(p.points for p in parts)), stars=stars, parts=parts)


def _open_format(format_id: str) -> bool:
    fmt = format_by_id(format_id)
    return bool(fmt and fmt.is_open and fmt.machine_readable)


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _on_time(facts: QualityFacts) -> float:
    if not facts.frequency_set or facts.last_update is None:
        return 0.0
    if facts.frequency_days is None:
        return 1.0  # irregular or continuous: no date to miss
    age = (facts.now - facts.last_update).days
    if age <= facts.frequency_days:
        return 1.0
    return 0.5 if age <= 2 * facts.frequency_days else 0.0


def dataset_quality(dataset: Dataset) -> Quality:
    return assess(dataset_facts(dataset))


def dataset_facts(dataset: Dataset) -> QualityFacts:
    run = services.latest_check(services.current_version(dataset))
    report = run.report if run and run.status == CheckRun.Status.DONE else None
    by_type = ((report or {}).get("validation") or {}).get("errorsByType") or {}
    files = dataset.distributions.filter(url="")
    last = dataset.versions.order_by("-uploaded_at").values_list("uploaded_at", flat=True).first()
    return QualityFacts(
        licence_open=bool(dataset.licence and dataset.licence.is_open),
        format_ids=[f for f in files.values_list("format_id", flat=True) if f],
        has_schema=TableSchema.objects.filter(dataset=dataset).exists(),
        schema_matches=report is not None and not any(t in HEADER_TYPES for t in by_type),
        data_score=(report.get("quality") or {}).get("score") if report else None,
        descriptions={lang: dataset.description.get(lang) or "" for lang in LANGS},
        keywords={
            lang: dataset.keyword_list(lang) if dataset.keywords.get(lang) else [] for lang in LANGS
        },
        titles={lang: dataset.title.get(lang) or "" for lang in LANGS},
        frequency_days=dataset.frequency.days if dataset.frequency else None,
        frequency_set=dataset.frequency_id is not None,
        last_update=last,
        now=timezone.now(),
    )
