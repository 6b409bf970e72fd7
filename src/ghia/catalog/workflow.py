"""The dataset workflow: planned → in preparation → in review → published → withdrawn.

Editors move their datasets forward to review; only a coordinator publishes, sends back,
withdraws or republishes. Publishing also needs the dataset to pass every publication check;
other parts of Ghia (the personal-data scan, for one) add their checks with
``publication_check``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ghia.catalog import permissions
from ghia.catalog.audit import record
from ghia.catalog.models import AccessLevel, Dataset, Status, StatusChange

EDIT, PUBLISH = "edit", "publish"

# from status -> {to status: who may do it}
TRANSITIONS: dict[str, dict[str, str]] = {
    Status.PLANNED: {Status.IN_PREPARATION: EDIT},
    Status.IN_PREPARATION: {Status.IN_REVIEW: EDIT, Status.PLANNED: EDIT},
    Status.IN_REVIEW: {Status.PUBLISHED: PUBLISH, Status.IN_PREPARATION: EDIT},
    Status.PUBLISHED: {Status.WITHDRAWN: PUBLISH},
    Status.WITHDRAWN: {Status.PUBLISHED: PUBLISH, Status.IN_PREPARATION: PUBLISH},
}

_checks: list[Callable[[Dataset], list[str]]] = []


class WorkflowError(Exception):
    """A transition that is not allowed; the message is translated for the user."""


def publication_check(func: Callable[[Dataset], list[str]]):
    """Register a check returning the reasons (translated) that block publication."""
    _checks.append(func)
    return func


@publication_check
def _metadata_complete(dataset: Dataset) -> list[str]:
    reasons = []
    if dataset.access_level != AccessLevel.PUBLIC:
        reasons.append(_("Only datasets with public access can be published."))
    if not dataset.title.get("ka") or not dataset.title.get("en"):
        reasons.append(_("The title is needed in Georgian and in English."))
    if not dataset.distributions.exists():
        reasons.append(_("Upload a file or add a link before publishing."))
    return reasons


def publication_blockers(dataset: Dataset) -> list[str]:
    return [reason for check in _checks for reason in check(dataset)]


def allowed_transitions(user, dataset: Dataset) -> list[str]:
    allowed = []
    for to_status, who in TRANSITIONS.get(dataset.status, {}).items():
        if who == PUBLISH and permissions.can_publish(user, dataset):
            allowed.append(to_status)
        elif who == EDIT and permissions.can_edit(user, dataset):
            allowed.append(to_status)
    return allowed


def transition(user, dataset: Dataset, to_status: str, note: str = "") -> Dataset:
    if to_status not in TRANSITIONS.get(dataset.status, {}):
        raise WorkflowError(
            _("A dataset cannot go from “%(from)s” to “%(to)s”.")
            % {"from": Status(dataset.status).label, "to": Status(to_status).label if to_status in Status.values else to_status}
        )
    if to_status not in allowed_transitions(user, dataset):
        raise WorkflowError(_("You are not allowed to make this change."))
    if to_status == Status.PUBLISHED and (blockers := publication_blockers(dataset)):
        raise WorkflowError(" ".join(blockers))
    with transaction.atomic():
        from_status = dataset.status
        dataset.status = to_status
        if to_status == Status.PUBLISHED:
            dataset.published_at = timezone.now()
        dataset.save(update_fields=["status", "published_at", "modified"])
        StatusChange.objects.create(dataset=dataset, from_status=from_status, to_status=to_status, by=user, note=note)
        record(user, "transition", dataset, changes={"status": [from_status, to_status]}, summary=note)
    return dataset
