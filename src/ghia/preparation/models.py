"""What data preparation keeps: the checks of each version, each dataset's Table Schema, and
the coordinators' decisions about personal data. Rules live in services.py and gate.py."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ghia.catalog.models import Dataset, DataVersion


class CheckRun(models.Model):
    """One run of the tabular engine's check over one version's file.

    A file that cannot be read as a table ends ``failed`` with the engine's message code
    and params, so the page tells why in the reader's language; ``report`` is the engine's
    JSON report of a file that could be read. A workbook is checked one sheet at a time.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    version = models.ForeignKey(DataVersion, on_delete=models.CASCADE, related_name="checks")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress, %"), default=0)
    rows_done = models.PositiveBigIntegerField(_("rows checked"), default=0)
    # The sheet of a workbook: the one asked for while the run waits (blank: the engine
    # chooses), the one read once it is done; blank for a file that is not a workbook.
    sheet = models.CharField(_("sheet"), max_length=255, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    # The Table Schema the table was validated against (given, or inferred by this run).
    schema = models.JSONField(null=True, blank=True)
    schema_inferred = models.BooleanField(default=False)
    report = models.JSONField(null=True, blank=True)
    # The first rows as read, so the report page can show them without rereading the file.
    preview = models.JSONField(null=True, blank=True)
    error_code = models.CharField(max_length=60, blank=True)
    error_params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        get_latest_by = ["created", "id"]
        verbose_name = _("check")
        verbose_name_plural = _("checks")

    def __str__(self) -> str:
        return f"{self.version} · {self.get_status_display()}"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def findings(self) -> list[dict]:
        """The personal-data findings of the report (company codes and the like excluded)."""
        found = ((self.report or {}).get("personalData") or {}).get("findings") or []
        return [f for f in found if f.get("personal", True)]

    @property
    def has_personal_data(self) -> bool:
        return bool(self.findings)


class TableSchema(models.Model):
    """The Table Schema of a dataset: inferred from its newest checked version until a
    person edits it; from then on every check validates against the edited one."""

    dataset = models.OneToOneField(Dataset, on_delete=models.CASCADE, related_name="table_schema")
    descriptor = models.JSONField(_("Table Schema"))
    inferred_from = models.ForeignKey(
        DataVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    edited = models.BooleanField(_("edited by a person"), default=False)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Table Schema")
        verbose_name_plural = _("Table Schemas")

    def __str__(self) -> str:
        return f"{self.dataset} · {len(self.fields)}"

    @property
    def fields(self) -> list[dict]:
        return list(self.descriptor.get("fields") or [])


class PersonalDataDecision(models.Model):
    """A coordinator's decision about the personal data found in one version."""

    class Decision(models.TextChoices):
        REMOVE = "remove", _("remove the personal data")
        MASK = "mask", _("mask the personal data")
        AGGREGATE = "aggregate", _("publish only aggregates")
        PUBLISH = "publish", _("publish on a stated legal basis")

    version = models.ForeignKey(
        DataVersion, on_delete=models.CASCADE, related_name="personal_data_decisions"
    )
    check_run = models.ForeignKey(
        CheckRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        get_latest_by = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decision="publish") | ~models.Q(legal_basis=""),
                name="decision_publish_needs_basis",
            )
        ]
        verbose_name = _("personal-data decision")
        verbose_name_plural = _("personal-data decisions")

    def __str__(self) -> str:
        return f"{self.version} · {self.get_decision_display()}"
