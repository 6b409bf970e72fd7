"""What people do in a situational analysis. Views, commands and the demo call these
functions; they check permissions, keep the inventory survey and the catalogue as one,
and write the audit log."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ghia.assessment import permissions
from ghia.assessment.models import (
    Answer,
    Assessment,
    EvidenceItem,
    Finding,
    FocusGroup,
    InventoryEntry,
    InventorySurvey,
    Participation,
    RatingOverride,
)
from ghia.assessment.priority import publication_priority
from ghia.catalog import services as catalog
from ghia.catalog.audit import record
from ghia.catalog.bilingual import Bilingual
from ghia.catalog.models import AccessLevel, Dataset, Municipality

# Inventory facts the catalogue keeps on the dataset itself; the survey writes them there.
CATALOGUE_FIELDS = (
    "title", "exists", "digital", "current_format", "source_system", "frequency",
    "personal_data", "access_level", "access_reason",
)  # fmt: skip
ENTRY_FIELDS = ("kind", "owner", "years_of_history", "value", "demand", "effort", "notes")


def start_assessment(user, municipality: Municipality) -> Assessment:
    """A new assessment, with an inventory questionnaire sent to every service."""
    permissions.require(permissions.can_manage(user, municipality.id))
    with transaction.atomic():
        assessment = Assessment.objects.create(municipality=municipality, created_by=user)
        for service in municipality.services.all():
            InventorySurvey.objects.create(assessment=assessment, service=service)
        record(user, "create", assessment, summary=f"instrument v{assessment.instrument_version}")
    return assessment


def record_answers(
    user, assessment: Assessment, answers: dict[str, tuple[int | None, str]]
) -> None:
    """Answers to readiness (0–3) or maturity (1–5) questions: code -> (value, note)."""
    permissions.require(permissions.can_manage(user, assessment.municipality_id))
    instrument = assessment.instrument
    scales = {code: set(instrument.scale) for code in instrument.questions}
    scales |= {code: set(instrument.maturity_levels) for code in instrument.maturity_questions}
    with transaction.atomic():
        for code, (value, note) in answers.items():
            if code not in scales or (value is not None and value not in scales[code]):
                raise ValueError(
                    f"{code}={value!r} is not an answer of instrument v{instrument.version}"
                )
            Answer.objects.update_or_create(
                assessment=assessment,
                question=code,
                defaults={"value": value, "note": note.strip()},
            )
        assessment.save(update_fields=["modified"])


def tick_evidence(user, assessment: Assessment, dimension: str, codes: set[str]) -> None:
    """Set which of the instrument's evidence items of a dimension were observed."""
    permissions.require(permissions.can_manage(user, assessment.municipality_id))
    specs = {e.code: e for e in assessment.instrument.dimension(dimension).evidence}
    if unknown := codes - set(specs):
        raise ValueError(f"not evidence of {dimension}: {sorted(unknown)}")
    with transaction.atomic():
        assessment.evidence.filter(dimension=dimension).exclude(code="").exclude(
            code__in=codes
        ).delete()
        for code in codes:
            EvidenceItem.objects.get_or_create(
                assessment=assessment, code=code,
                defaults={"dimension": dimension, "direction": specs[code].direction, "significant": specs[code].significant},
            )  # fmt: skip


def add_evidence(
    user,
    assessment: Assessment,
    *,
    dimension: str,
    direction: str,
    text,
    significant=False,
    source="",
):
    """Evidence of the consultant's own, beyond the instrument's list."""
    permissions.require(permissions.can_manage(user, assessment.municipality_id))
    assessment.instrument.dimension(dimension)  # KeyError for an unknown dimension
    text = Bilingual(text)
    if not any(text.values()):
        raise ValueError("evidence needs a text")
    return EvidenceItem.objects.create(
        assessment=assessment, dimension=dimension, direction=direction, text=text,
        significant=significant and direction == "-", source=source,
    )  # fmt: skip


def remove_evidence(user, item: EvidenceItem) -> None:
    permissions.require(permissions.can_manage(user, item.assessment.municipality_id))
    item.delete()


def override_rating(
    user, assessment: Assessment, dimension: str, rating: str | None, reason=None
) -> None:
    """Replace the rubric's rating of a dimension, with a written reason; None removes it."""
    permissions.require(permissions.can_manage(user, assessment.municipality_id))
    assessment.instrument.dimension(dimension)
    with transaction.atomic():
        if rating is None:
            assessment.overrides.filter(dimension=dimension).delete()
            record(user, "update", assessment, summary=f"rating of {dimension}: rubric")
            return
        reason = Bilingual(reason)
        if not any(v.strip() for v in reason.values()):
            raise ValueError("an overridden rating needs a written reason")
        RatingOverride.objects.update_or_create(
            assessment=assessment,
            dimension=dimension,
            defaults={"rating": rating, "reason": reason, "by": user},
        )
        record(user, "update", assessment, summary=f"rating of {dimension}: {rating}")


def entry_priority(entry: InventoryEntry, dataset: Dataset, instrument):
    return publication_priority(
        instrument,
        value=entry.value,
        demand=entry.demand,
        effort=entry.effort,
        exists=dataset.exists,
        personal_data=dataset.personal_data,
        restricted=dataset.access_level != AccessLevel.PUBLIC,
    )


def save_inventory_entry(
    user, survey: InventorySurvey, dataset: Dataset | None = None, **fields
) -> InventoryEntry:
    """Create or update a dataset of the service's inventory from the questionnaire.

    Facts the catalogue keeps (``CATALOGUE_FIELDS``) go to the dataset through the
    catalogue's services; the rest stays on the entry. The computed priority for
    publication is written to the dataset too.
    """
    permissions.require(permissions.can_fill(user, survey))
    unknown = set(fields) - set(CATALOGUE_FIELDS) - set(ENTRY_FIELDS)
    if unknown:
        raise TypeError(f"not an inventory field: {sorted(unknown)}")
    if dataset is not None and dataset.service_id != survey.service_id:
        raise ValueError("the dataset belongs to another service")
    if "kind" in fields and fields["kind"] not in survey.assessment.instrument.kinds:
        raise ValueError(f"unknown kind of data: {fields['kind']}")
    facts = {k: v for k, v in fields.items() if k in CATALOGUE_FIELDS}
    answers = {k: v for k, v in fields.items() if k in ENTRY_FIELDS}
    with transaction.atomic():
        entry = (
            InventoryEntry.objects.filter(survey=survey, dataset=dataset).first()
            if dataset
            else None
        )
        entry = entry or InventoryEntry(survey=survey)
        for name, value in answers.items():
            setattr(entry, name, value)
        if dataset is None:
            title = facts.pop("title")
            dataset = catalog.create_dataset(user, service=survey.service, title=title, **facts)
        elif facts:
            dataset = catalog.update_dataset(user, dataset, **facts)
        level = entry_priority(entry, dataset, survey.assessment.instrument).level
        if dataset.priority != level:
            dataset = catalog.update_dataset(user, dataset, priority=level)
        entry.dataset = dataset
        entry.full_clean()
        entry.save()
        if survey.status == InventorySurvey.Status.SENT:
            survey.status = InventorySurvey.Status.IN_PROGRESS
            survey.save(update_fields=["status"])
    return entry


def submit_survey(user, survey: InventorySurvey) -> InventorySurvey:
    permissions.require(permissions.can_fill(user, survey))
    survey.status = InventorySurvey.Status.SUBMITTED
    survey.submitted_at = timezone.now()
    survey.submitted_by = user
    survey.save(update_fields=["status", "submitted_at", "submitted_by"])
    record(
        user, "update", survey.assessment, summary=f"inventory of {survey.service.code} submitted"
    )
    return survey


def save_session(
    user,
    assessment: Assessment,
    session: FocusGroup | None = None,
    *,
    participants: list[tuple[str, int, int, int]],
    findings: list[tuple[str, str, dict]],
    **fields,
) -> FocusGroup:
    """Create or update a focus group or interview with its head counts by group and gender
    (group, women, men, other) and its findings (dimension, direction, text)."""
    permissions.require(permissions.can_manage(user, assessment.municipality_id))
    instrument = assessment.instrument
    groups = {fields.get("stakeholder_group")} | {p[0] for p in participants}
    if unknown := groups - set(instrument.stakeholder_groups) - {None}:
        raise ValueError(f"unknown stakeholder groups: {sorted(unknown)}")
    dimensions = {d.code for d in instrument.dimensions}
    if unknown := {f[0] for f in findings} - dimensions:
        raise ValueError(f"unknown dimensions: {sorted(unknown)}")
    with transaction.atomic():
        session = session or FocusGroup(assessment=assessment)
        for name, value in fields.items():
            setattr(session, name, value)
        session.full_clean(exclude=["assessment"])
        session.save()
        session.participants.all().delete()
        for group, women, men, other in participants:
            if women + men + other:
                Participation.objects.create(
                    session=session, group=group, women=women, men=men, other=other
                )
        session.findings.all().delete()
        for dimension, direction, text in findings:
            Finding.objects.create(
                session=session, dimension=dimension, direction=direction, text=Bilingual(text)
            )
        record(
            user,
            "update",
            assessment,
            summary=f"session {session.pk}: {session.title.get('ka') or session.title.get('en')}",
        )
    return session


def set_conclusions(user, assessment: Assessment, conclusions) -> None:
    permissions.require(permissions.can_manage(user, assessment.municipality_id))
    assessment.conclusions = Bilingual(conclusions)
    assessment.save(update_fields=["conclusions", "modified"])
