"""Everything known about an assessment, put together once: answers, evidence from every
source, the catalogue's measures, ratings (proposed by the rubric, and final after the
consultant's overrides), maturity, the inventory with its priorities, focus groups,
recommendations and progress. The dashboard, the report and the command read this."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ghia.assessment import evidence as catalogue_evidence
from ghia.assessment.instrument import Dimension, Instrument
from ghia.assessment.maturity import MaturityResult, maturity
from ghia.assessment.models import (
    Assessment,
    FocusGroup,
    InventoryEntry,
    InventorySurvey,
    RatingOverride,
)
from ghia.assessment.priority import HIGH, PriorityResult
from ghia.assessment.recommendations import Advice, findings, recommend, text_context
from ghia.assessment.rubric import (
    Evidence,
    Rating,
    evidence_from_instrument,
    evidence_from_measures,
    rate_all,
)
from ghia.assessment.services import entry_priority
from ghia.catalog.models import Dataset, Status


@dataclass
class InventoryRow:
    dataset: Dataset
    entry: InventoryEntry | None
    priority: PriorityResult | None  # None until the service has assessed the dataset


@dataclass
class DimensionResult:
    dimension: Dimension
    proposed: Rating
    override: RatingOverride | None
    evidence: list[Evidence]
    answers: list[tuple]  # (question, value, note)

    @property
    def rating(self) -> str:
        return self.override.rating if self.override else self.proposed.rating


@dataclass
class Progress:
    readiness: tuple[int, int]
    maturity: tuple[int, int]
    surveys: tuple[int, int]  # submitted, all
    datasets: tuple[int, int]  # assessed in the survey, in the inventory
    sessions: int

    @property
    def parts(self) -> list[tuple[str, int, int]]:
        return [
            ("readiness", *self.readiness),
            ("maturity", *self.maturity),
            ("surveys", *self.surveys),
            ("datasets", *self.datasets),
        ]


@dataclass
class Analysis:
    assessment: Assessment
    instrument: Instrument
    answers: dict
    notes: dict
    evidence: list[Evidence]
    evidence_codes: set
    measures: dict
    openness: dict
    dimensions: list[DimensionResult]
    maturity: MaturityResult
    inventory: list[InventoryRow]
    surveys: list[InventorySurvey]
    sessions: list[FocusGroup]
    advice: Advice
    progress: Progress
    kinds: set = field(default_factory=set)

    @property
    def municipality(self):
        return self.assessment.municipality

    @property
    def ratings(self) -> dict[str, str]:
        return {d.dimension.code: d.rating for d in self.dimensions}

    def key_datasets(self, limit: int | None = None) -> list[InventoryRow]:
        """High-priority datasets, best score first."""
        rows = [r for r in self.inventory if r.priority and r.priority.level == HIGH]
        rows.sort(key=lambda r: (-(r.priority.score or 0), r.dataset.slug))
        return rows[:limit] if limit else rows


def _inventory(assessment: Assessment, instrument: Instrument) -> list[InventoryRow]:
    entries = {
        e.dataset_id: e
        for e in InventoryEntry.objects.filter(survey__assessment=assessment).select_related(
            "survey"
        )
    }
    datasets = (
        Dataset.objects.filter(municipality=assessment.municipality)
        .exclude(status=Status.WITHDRAWN)
        .select_related("service", "frequency", "licence")
        .order_by("service__code", "slug")
    )
    rows = []
    for dataset in datasets:
        entry = entries.get(dataset.id)
        rows.append(
            InventoryRow(
                dataset, entry, entry_priority(entry, dataset, instrument) if entry else None
            )
        )
    return rows


def analyse(assessment: Assessment) -> Analysis:
    instrument = assessment.instrument
    municipality = assessment.municipality
    stored = {a.question: a for a in assessment.answers.all()}
    answers = {code: a.value for code, a in stored.items()}
    notes = {code: a.note for code, a in stored.items() if a.note}
    items = list(assessment.evidence.all())
    codes = {i.code for i in items if i.code}
    measures = catalogue_evidence.measures(municipality)
    sessions = list(
        assessment.sessions.prefetch_related("participants", "findings").order_by("held_on", "id")
    )
    evidence = evidence_from_instrument(instrument, sorted(codes))
    evidence += [
        Evidence(i.dimension, i.direction, i.text, i.significant, "consultant")
        for i in items
        if not i.code
    ]
    evidence += [
        Evidence(f.dimension, f.direction, f.text, False, "focus_group")
        for s in sessions
        for f in s.findings.all()
    ]
    evidence += evidence_from_measures(instrument, measures)
    proposed = rate_all(instrument, answers, evidence, measures)
    overrides = {o.dimension: o for o in assessment.overrides.all()}
    dimensions = [
        DimensionResult(
            dimension=d,
            proposed=proposed[d.code],
            override=overrides.get(d.code),
            evidence=[e for e in evidence if e.dimension == d.code],
            answers=[(q, answers.get(q.code), notes.get(q.code, "")) for q in d.questions],
        )
        for d in instrument.dimensions
    ]
    final = {d.dimension.code: dataclasses.replace(d.proposed, rating=d.rating) for d in dimensions}
    level = maturity(instrument, answers)
    inventory = _inventory(assessment, instrument)
    kinds = {r.entry.kind for r in inventory if r.entry}
    facts = findings(
        ratings=final,
        answers=answers,
        evidence_codes=codes,
        measures=measures,
        kinds=kinds,
        maturity=level,
    )
    top = [r.dataset.title for r in sorted(
        (r for r in inventory if r.priority and r.priority.level == HIGH and r.dataset.status != Status.PUBLISHED),
        key=lambda r: (-(r.priority.score or 0), r.dataset.slug),
    )[:5]]  # fmt: skip
    context = text_context(
        instrument, municipality=municipality.name, base_uri=municipality.base_uri, measures=measures,
        ratings=final, top_datasets=top,
    )  # fmt: skip
    surveys = list(assessment.surveys.select_related("service"))
    progress = Progress(
        readiness=(
            sum(answers.get(c) is not None for c in instrument.questions),
            len(instrument.questions),
        ),
        maturity=(level.answered, level.total),
        surveys=(sum(s.status == InventorySurvey.Status.SUBMITTED for s in surveys), len(surveys)),
        datasets=(
            sum(r.priority is not None and r.priority.score is not None for r in inventory),
            len(inventory),
        ),
        sessions=len(sessions),
    )
    return Analysis(
        assessment=assessment, instrument=instrument, answers=answers, notes=notes, evidence=evidence,
        evidence_codes=codes, measures=measures, openness=catalogue_evidence.openness(municipality),
        dimensions=dimensions, maturity=level, inventory=inventory, surveys=surveys, sessions=sessions,
        advice=recommend(instrument, facts, context), progress=progress, kinds=kinds,
    )  # fmt: skip
