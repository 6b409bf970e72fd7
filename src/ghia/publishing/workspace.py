"""Publishing in the staff workspace: each target's state per dataset, publish, withdraw and
verify (run as background jobs), and the URI policy. Views stay thin: the rules are in
the catalogue's workflow and permissions and in ghia.publishing.jobs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ghia.catalog import permissions, workflow
from ghia.catalog.models import Dataset, Municipality, Status
from ghia.publishing import configured, jobs
from ghia.publishing.models import Job, Publication
from ghia.publishing.uris import UriPolicy
from ghia.web.workspace import staff_required

SHOWN_STATUSES = (Status.IN_REVIEW, Status.PUBLISHED, Status.WITHDRAWN)


def _municipality(request, slug: str | None = None) -> Municipality:
    mine = permissions.staff_municipalities(request.user)
    found = mine.filter(slug=slug).first() if slug else mine.first()
    if found is None:
        raise Http404
    return found


def _coordinates(user, municipality: Municipality) -> bool:
    return permissions.is_admin(
        user
    ) or municipality.pk in permissions.coordinated_municipality_ids(user)


def _dataset(request, pk) -> Dataset:
    dataset = get_object_or_404(Dataset.objects.select_related("municipality", "service"), pk=pk)
    if dataset.municipality_id not in permissions.member_municipality_ids(
        request.user
    ) and not permissions.is_admin(request.user):
        raise Http404
    return dataset


def _states(datasets, keys: list[str]) -> list[tuple[Dataset, list[Publication | None]]]:
    found = {}
    for publication in Publication.objects.filter(dataset__in=datasets, target__in=keys):
        found[(publication.dataset_id, publication.target)] = publication
    return [(dataset, [found.get((dataset.pk, key)) for key in keys]) for dataset in datasets]


@staff_required
def overview(request, municipality: str | None = None):
    municipality = _municipality(request, municipality or request.GET.get("municipality"))
    targets = configured.targets(municipality)
    keys = [t.key for t in targets]
    datasets = list(
        Dataset.objects.filter(municipality=municipality, status__in=SHOWN_STATUSES)
        .select_related("service").order_by("status", "slug")
    )  # fmt: skip
    return render(request, "publishing/workspace/overview.html", {
        "municipality": municipality,
        "municipalities": permissions.staff_municipalities(request.user),
        "targets": targets,
        "rows": _states(datasets, keys),
        "jobs": Job.objects.filter(municipality=municipality).select_related("dataset", "created_by")[:10],
        "can_publish": _coordinates(request.user, municipality),
        "bundle_ready": configured.bundle_path(municipality).exists(),
    })  # fmt: skip


@staff_required
def dataset_detail(request, pk):
    dataset = _dataset(request, pk)
    targets = configured.targets(dataset.municipality)
    (row,) = _states([dataset], [t.key for t in targets])
    return render(request, "publishing/workspace/dataset.html", {
        "dataset": dataset,
        "targets": list(zip(targets, row[1], strict=True)),
        "policy": UriPolicy.for_municipality(dataset.municipality),
        "jobs": Job.objects.filter(dataset=dataset)[:5],
        "can_publish": permissions.can_publish(request.user, dataset),
        "blockers": workflow.publication_blockers(dataset) if dataset.status == Status.IN_REVIEW else [],
    })  # fmt: skip


def _transition_and_sync(request, pk, to_status: str, action: str):
    dataset = _dataset(request, pk)
    if not permissions.can_publish(request.user, dataset):
        raise PermissionDenied
    try:
        workflow.transition(request.user, dataset, to_status, request.POST.get("note", "")[:500])
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("publishing:dataset", pk=dataset.pk)
    job = jobs.start(action, request.user, dataset.municipality, dataset)
    return redirect("publishing:job", pk=job.pk)


@staff_required
@require_POST
def publish(request, pk):
    return _transition_and_sync(request, pk, Status.PUBLISHED, Job.Action.PUBLISH)


@staff_required
@require_POST
def withdraw(request, pk):
    return _transition_and_sync(request, pk, Status.WITHDRAWN, Job.Action.WITHDRAW)


@staff_required
@require_POST
def municipality_job(request, municipality: str, action: str):
    """Bring every target up to date with the catalogue, or verify them all."""
    municipality = _municipality(request, municipality)
    if action not in (Job.Action.PUBLISH, Job.Action.VERIFY):
        raise Http404
    if not _coordinates(request.user, municipality):
        raise PermissionDenied
    job = jobs.start(action, request.user, municipality)
    return redirect("publishing:job", pk=job.pk)


@staff_required
def job_detail(request, pk):
    job = get_object_or_404(
        Job.objects.select_related("municipality", "dataset", "created_by"), pk=pk
    )
    _municipality(request, job.municipality.slug)
    return render(
        request, "publishing/workspace/job.html", {"job": job, "report": job.report or None}
    )


@staff_required
def bundle(request, municipality: str):
    municipality = _municipality(request, municipality)
    path = configured.bundle_path(municipality)
    if not path.exists():
        raise Http404
    return FileResponse(
        open(path, "rb"), as_attachment=True, filename=path.name, content_type="application/zip"
    )


@staff_required
def uri_policy(request):
    policies = [
        (m, UriPolicy.for_municipality(m), _example_slug(m))
        for m in permissions.staff_municipalities(request.user)
    ]
    return render(request, "publishing/workspace/uris.html", {"policies": policies})


def _example_slug(municipality: Municipality) -> str:
    found = (
        Dataset.objects.filter(municipality=municipality, status=Status.PUBLISHED)
        .values_list("slug", flat=True)
        .first()
    )
    return found or "budget-2024"
