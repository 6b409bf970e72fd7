"""What each publication target holds, as Ghia last left it and as the verifier last saw it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ghia.catalog.models import Dataset, Municipality


class TargetKind(models.TextChoices):
    SITE = "site", _("website")
    CKAN = "ckan", _("CKAN portal")
    BUNDLE = "bundle", _("portal bundle")


class Publication(models.Model):
    """One dataset on one target: the remote identifier, what was sent (checksum of the
    metadata, sha256 of every file), when, and the last verification."""

    class State(models.TextChoices):
        NONE = "", pgettext_lazy("publication state", "not published")
        CREATING = "creating", pgettext_lazy("publication state", "being created")
        PUBLISHED = "published", pgettext_lazy("publication state", "published")
        WITHDRAWN = "withdrawn", pgettext_lazy("publication state", "withdrawn")
        FAILED = "failed", pgettext_lazy("publication state", "failed")

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="publications")
    kind = models.CharField(_("target"), max_length=20, choices=TargetKind.choices)
    target = models.CharField(_("target address"), max_length=300)
    remote_id = models.CharField(_("remote identifier"), max_length=200, blank=True)
    remote_url = models.CharField(_("remote address"), max_length=500, blank=True)
    checksum = models.CharField(_("metadata checksum"), max_length=64, blank=True)
    # {distribution id: {"remote_id": ..., "sha256": ..., "checksum": ...}}
    files = models.JSONField(default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.NONE, blank=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    message = models.TextField(_("last error"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    verified_ok = models.BooleanField(_("agrees with the catalogue"), null=True)
    problems = models.JSONField(_("disagreements"), default=list, blank=True)

    class Meta:
        ordering = ["dataset", "kind", "target"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "target"], name="publication_unique")
        ]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return f"{self.dataset} → {self.target}"


class RemoteOrganization(models.Model):
    """The organization that holds a municipality's datasets on a portal."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="remote_organizations"
    )
    target = models.CharField(max_length=300)
    remote_id = models.CharField(max_length=200)
    name = models.CharField(max_length=100)
    checksum = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "target"], name="remote_organization_unique"
            )
        ]


class Job(models.Model):
    """Publishing, withdrawing or verifying started from the workspace, run by a worker."""

    class Action(models.TextChoices):
        PUBLISH = "publish", _("publish")
        WITHDRAW = "withdraw", _("withdraw")
        VERIFY = "verify", _("verify")

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("job status", "queued")
        RUNNING = "running", pgettext_lazy("job status", "running")
        DONE = "done", pgettext_lazy("job status", "done")
        FAILED = "failed", pgettext_lazy("job status", "failed")

    action = models.CharField(max_length=20, choices=Action.choices)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="publishing_jobs"
    )
    dataset = models.ForeignKey(
        Dataset, on_delete=models.CASCADE, null=True, blank=True, related_name="publishing_jobs"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    log = models.TextField(blank=True)
    ok = models.BooleanField(null=True)
    report = models.JSONField(default=dict, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return (
            int(100 * self.done / self.total) if self.total else (100 if not self.is_running else 0)
        )
