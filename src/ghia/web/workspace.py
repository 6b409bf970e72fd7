"""The staff workspace: inventory, editing, uploads and the workflow. Views stay thin:
the rules are in ghia.catalog."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ghia.catalog import permissions, services, workflow
from ghia.catalog.models import AuditEntry, Dataset, Status
from ghia.web.forms import DatasetForm, TransitionForm, UploadForm


def staff_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.is_staff_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _dataset(request, pk) -> Dataset:
    """A dataset of the user's municipalities; any other is a 404, as if it did not exist."""
    return get_object_or_404(
        permissions.workspace_datasets(request.user).select_related("municipality", "service"), pk=pk
    )


@staff_required
def home(request):
    datasets = permissions.workspace_datasets(request.user).select_related("municipality", "service", "licence")
    filters = {key: request.GET.get(key, "") for key in ("status", "service", "municipality", "q", "mine")}
    if filters["q"]:
        datasets = services.search(datasets, filters["q"][:200])
    if filters["municipality"]:
        datasets = datasets.filter(municipality__slug=filters["municipality"])
    if filters["service"]:
        datasets = datasets.filter(service_id=filters["service"]) if filters["service"].isdigit() else datasets.none()
    if filters["mine"]:
        datasets = datasets.filter(service_id__in=permissions.edited_service_ids(request.user))
    by_status = dict(datasets.values_list("status").annotate(n=Count("id")).order_by())
    if filters["status"]:
        datasets = datasets.filter(status=filters["status"])
    page = Paginator(datasets.order_by("municipality__slug", "status", "slug"), 50).get_page(request.GET.get("page"))
    statuses = [(value, label, by_status.get(value, 0)) for value, label in Status.choices]
    return render(
        request, "web/workspace/home.html",
        {
            "page": page, "filters": filters, "statuses": statuses,
            "municipalities": permissions.staff_municipalities(request.user),
            "services": permissions.editable_services(request.user).select_related("municipality")
            if not permissions.is_admin(request.user) else None,
            "can_create": permissions.editable_services(request.user).exists(),
        },
    )  # fmt: skip


@staff_required
def dataset_new(request):
    if not permissions.editable_services(request.user).exists():
        raise PermissionDenied
    form = DatasetForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        dataset = services.create_dataset(request.user, service=data.pop("service"), title=data.pop("title"), **data)
        messages.success(request, _("The dataset was created."))
        return redirect("workspace:dataset", pk=dataset.pk)
    return render(request, "web/workspace/dataset_form.html", {"form": form})


@staff_required
def dataset_edit(request, pk):
    dataset = _dataset(request, pk)
    if not permissions.can_edit(request.user, dataset):
        raise PermissionDenied
    form = DatasetForm(request.POST or None, instance=Dataset.objects.get(pk=pk), user=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_dataset(request.user, dataset, **form.cleaned_data)
        messages.success(request, _("The changes were saved."))
        return redirect("workspace:dataset", pk=dataset.pk)
    return render(request, "web/workspace/dataset_form.html", {"form": form, "dataset": dataset})


@staff_required
def dataset_detail(request, pk):
    dataset = _dataset(request, pk)
    return render(
        request, "web/workspace/dataset.html",
        {
            "dataset": dataset,
            "versions": dataset.versions.select_related("format", "uploaded_by"),
            "history": dataset.status_changes.select_related("by"),
            "audit": AuditEntry.objects.filter(object_id=str(dataset.pk)).select_related("user")[:20],
            "transitions": [(s, Status(s).label) for s in workflow.allowed_transitions(request.user, dataset)],
            "blockers": workflow.publication_blockers(dataset) if dataset.status == Status.IN_REVIEW else [],
            "can_edit": permissions.can_edit(request.user, dataset),
            "upload_form": UploadForm(),
        },
    )  # fmt: skip


@staff_required
@require_POST
def dataset_upload(request, pk):
    dataset = _dataset(request, pk)
    if not permissions.can_edit(request.user, dataset):
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("workspace:dataset", pk=pk)
    upload = form.cleaned_data["file"]
    try:
        version = services.add_version(request.user, dataset, upload, upload.name, note=form.cleaned_data["note"])
    except services.UploadTooLarge as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Version %(n)d was saved.") % {"n": version.number})
    return redirect("workspace:dataset", pk=pk)


@staff_required
@require_POST
def dataset_transition(request, pk):
    dataset = _dataset(request, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            workflow.transition(request.user, dataset, form.cleaned_data["to"], form.cleaned_data["note"])
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The status is now “%(status)s”.") % {"status": dataset.get_status_display()})
    return redirect("workspace:dataset", pk=pk)
