"""What a situational analysis records. The catalogue keeps the facts about datasets
(exists, digital, format, frequency, personal data, access, priority); an inventory entry
adds only what the assessment asks beyond them, so survey and catalogue cannot disagree.
Rules live in services.py and analysis.py."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ghia.assessment.instrument import CURRENT_VERSION, RATINGS, load
from ghia.catalog.bilingual import BilingualField
from ghia.catalog.models import Dataset, Municipality, Service


class Direction(models.TextChoices):
    FOR = "+", _("for readiness (+)")
    AGAINST = "-", _("against readiness (−)")


class Assessment(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="assessments"
    )
    instrument_version = models.CharField(
        _("instrument version"), max_length=10, default=CURRENT_VERSION, editable=False
    )
    started = models.DateField(_("started"), default=timezone.localdate)
    conclusions = BilingualField(_("conclusions and priorities"), textarea=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started", "-id"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.municipality} · {self.started:%Y-%m-%d}"

    @property
    def instrument(self):
        return load(self.instrument_version)


class Answer(models.Model):
    """An answer to a readiness question (0–3) or a maturity question (level 1–5)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=80)
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.TextField(_("note or source"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="answer_unique")
        ]


class EvidenceItem(models.Model):
    """An item of evidence the consultant records: one of the instrument's (``code``) or
    their own (``text``)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    dimension = models.CharField(_("dimension"), max_length=40)
    code = models.CharField(max_length=80, blank=True)
    direction = models.CharField(_("direction"), max_length=1, choices=Direction.choices)
    significant = models.BooleanField(_("a significant obstacle on its own"), default=False)
    text = BilingualField(_("evidence"), textarea=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["dimension", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "code"],
                condition=~models.Q(code=""),
                name="evidence_code_unique",
            )
        ]


class RatingOverride(models.Model):
    """The consultant's rating where it differs from the rubric's, with the reason."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="overrides")
    dimension = models.CharField(max_length=40)
    rating = models.CharField(_("rating"), max_length=10, choices=[(r, r) for r in RATINGS])
    reason = BilingualField(_("reason"), textarea=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "dimension"], name="override_unique")
        ]


class InventorySurvey(models.Model):
    """The inventory questionnaire of one service of the mayor's office."""

    class Status(models.TextChoices):
        SENT = "sent", _("sent")
        IN_PROGRESS = "in_progress", _("in progress")
        SUBMITTED = "submitted", _("submitted")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="surveys")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="inventory_surveys")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SENT
    )
    sent_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["assessment", "service__code"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "service"], name="survey_unique")
        ]

    def __str__(self) -> str:
        return str(self.service)


class InventoryEntry(models.Model):
    """A service's answers about one dataset, beyond what the catalogue holds."""

    survey = models.ForeignKey(InventorySurvey, on_delete=models.CASCADE, related_name="entries")
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="inventory_entries")
    # Codes of the assessment's instrument (kinds, groups, dimensions): the forms offer them,
    # so a new edition of the instrument needs no migration.
    kind = models.CharField(_("kind of data"), max_length=40, default="other")
    owner = models.CharField(_("owner (unit or position)"), max_length=200, blank=True)
    years_of_history = models.PositiveSmallIntegerField(
        _("years of history"), null=True, blank=True
    )
    value = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)
    demand = models.PositiveSmallIntegerField(_("demand"), null=True, blank=True)
    effort = models.PositiveSmallIntegerField(_("effort to publish"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["survey", "dataset__slug"]
        constraints = [models.UniqueConstraint(fields=["survey", "dataset"], name="entry_unique")]


class FocusGroup(models.Model):
    """A focus group or interview. Participants are counted, never named."""

    class Kind(models.TextChoices):
        FOCUS_GROUP = "focus_group", _("focus group")
        INTERVIEW = "interview", _("interview")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.FOCUS_GROUP
    )
    title = BilingualField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    stakeholder_group = models.CharField(_("stakeholder group"), max_length=40)
    questions = models.TextField(
        _("questions asked"), blank=True, help_text=_("One question per line")
    )
    notes = models.TextField(_("notes (internal, not published)"), blank=True)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("focus group or interview")

    def __str__(self) -> str:
        return str(self.title)

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]


class Participation(models.Model):
    session = models.ForeignKey(FocusGroup, on_delete=models.CASCADE, related_name="participants")
    group = models.CharField(_("group"), max_length=40)
    women = models.PositiveSmallIntegerField(_("women"), default=0)
    men = models.PositiveSmallIntegerField(_("men"), default=0)
    other = models.PositiveSmallIntegerField(_("other or not stated"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "group"], name="participation_unique")
        ]

    @property
    def total(self) -> int:
        return self.women + self.men + self.other


class Finding(models.Model):
    session = models.ForeignKey(FocusGroup, on_delete=models.CASCADE, related_name="findings")
    dimension = models.CharField(_("dimension"), max_length=40)
    direction = models.CharField(_("direction"), max_length=1, choices=Direction.choices)
    text = BilingualField(_("finding"), textarea=True)

    class Meta:
        ordering = ["session", "dimension", "id"]
