"""Data preparation in the staff workspace. Thin: the rules are in services and gate.

Only staff of the dataset's municipality (or administrators) see these pages, others get
404 as for the dataset itself; changing anything needs the catalogue's edit permission,
deciding about personal data the coordinator's.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ghia.catalog import permissions
from ghia.catalog.models import Dataset, DataVersion
from ghia.preparation import engine, gate, quality, report, services
from ghia.preparation.forms import (
    ColumnStepForm,
    DecisionForm,
    SchemaFormSet,
    StepForm,
    UndoForm,
    schema_initial,
)
from ghia.preparation.models import CheckRun, TableSchema
from ghia.web.workspace import staff_required


def _lang() -> str:
    return "ka" if (get_language() or "ka").startswith("ka") else "en"


def _visible(request, dataset: Dataset) -> Dataset:
    if dataset.municipality_id not in permissions.member_municipality_ids(
        request.user
    ) and not permissions.is_admin(request.user):
        raise Http404
    return dataset


def _dataset(request, pk) -> Dataset:
    return _visible(
        request, get_object_or_404(Dataset.objects.select_related("municipality", "service"), pk=pk)
    )


def _version(request, pk) -> DataVersion:
    version = get_object_or_404(
        DataVersion.objects.select_related("dataset__municipality", "dataset__service"), pk=pk
    )
    _visible(request, version.dataset)
    return version


def _require_edit(request, dataset: Dataset) -> None:
    if not permissions.can_edit(request.user, dataset):
        raise PermissionDenied


@staff_required
def dataset_overview(request, pk):
    """The dataset's preparation: quality, schema and every version with its check."""
    dataset = _dataset(request, pk)
    versions = []
    for version in dataset.versions.select_related("derived_from"):
        if services.is_export(version):
            continue
        versions.append(
            {
                "version": version,
                "check": services.latest_check(version),
                "steps": report.applied_steps(services.steps_of(version), _lang()),
            }
        )
    return render(request, "preparation/dataset.html", {
        "dataset": dataset, "versions": versions, "quality": quality.dataset_quality(dataset),
        "schema": TableSchema.objects.filter(dataset=dataset).first(), "can_edit": permissions.can_edit(request.user, dataset),
        "blockers": gate.personal_data_decided(dataset),
    })  # fmt: skip


@staff_required
def check_report(request, pk):
    run = get_object_or_404(
        CheckRun.objects.select_related(
            "version__dataset__municipality", "version__dataset__service", "version__derived_from"
        ),
        pk=pk,
    )
    version = run.version
    dataset = _visible(request, version.dataset)
    lang = _lang()
    can_edit = permissions.can_edit(request.user, dataset)
    applied = services.steps_of(version)
    header, rows = report.preview(run, lang)
    types = report.error_types(run, lang)
    latest = services.latest_check(version)
    context = {
        "run": run, "version": version, "dataset": dataset, "is_latest": latest is None or latest.pk == run.pk, "latest": latest,
        "can_edit": can_edit, "can_decide": permissions.can_publish(request.user, dataset),
        "notes": report.notes(run, lang), "error_types": types, "chart_height": report.chart_height(types),
        "header": header, "rows": rows, "findings": report.findings(run, lang),
        "repairs": report.repairs(run, applied, lang) if can_edit else [],
        "applied": list(enumerate(report.applied_steps(applied, lang))),
        "read_error": report.read_error(run, lang), "crashed": run.error_code == services.CHECK_CRASHED,
        "decision": services.latest_decision(version), "decision_form": DecisionForm(),
        "column_form": ColumnStepForm(fields=(run.preview or {}).get("fields") or []),
        "validation": (run.report or {}).get("validation") or {}, "original": services.original_of(version),
        "sheets": services.sheets_of(version),
    }  # fmt: skip
    return render(request, "preparation/report.html", context)


@staff_required
def version_check(request, pk):
    """GET: the latest check of a version. POST: check it (again), on the sheet of the
    workbook the form names, or else on the sheet checked last."""
    version = _version(request, pk)
    if request.method == "POST":
        try:
            run = services.start_check(request.user, version, sheet=request.POST.get("sheet"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("preparation:version_check", pk=version.pk)
        return redirect("preparation:report", pk=run.pk)
    run = services.latest_check(services.checked_version(version))
    if run is None:
        return render(
            request,
            "preparation/not_checked.html",
            {
                "version": version,
                "dataset": version.dataset,
                "can_edit": permissions.can_edit(request.user, version.dataset),
            },
        )
    return redirect("preparation:report", pk=run.pk)


def _cleaned(request, version: DataVersion, make) -> object:
    """Run a clean and take the reader to the new version's check."""
    try:
        cleaned = make()
    except engine.TableReadError as error:
        messages.error(request, error.text(_lang()))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if cleaned is None:
            messages.info(request, _("This repair is already applied."))
        else:
            messages.success(
                request,
                _("Version %(n)d was made; the original is unchanged.") % {"n": cleaned.number},
            )
            return redirect("preparation:version_check", pk=cleaned.pk)
    return redirect("preparation:version_check", pk=version.pk)


@staff_required
@require_POST
def apply_step(request, pk):
    version = _version(request, pk)
    _require_edit(request, version.dataset)
    if "action" in request.POST:
        run = services.latest_check(services.checked_version(version))
        form = ColumnStepForm(
            request.POST, fields=((run.preview or {}).get("fields") or []) if run else []
        )
        step = form.as_step() if form.is_valid() else None
    else:
        form = StepForm(request.POST)
        step = form.cleaned_data["step"] if form.is_valid() else None
    if step is None:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("preparation:version_check", pk=version.pk)
    return _cleaned(request, version, lambda: services.add_step(request.user, version, step))


@staff_required
@require_POST
def undo_step(request, pk):
    version = _version(request, pk)
    _require_edit(request, version.dataset)
    form = UndoForm(request.POST)
    if not form.is_valid():
        raise Http404
    return _cleaned(
        request,
        version,
        lambda: services.undo_step(request.user, version, form.cleaned_data["index"]),
    )


@staff_required
def schema_edit(request, pk):
    dataset = _dataset(request, pk)
    current = TableSchema.objects.filter(dataset=dataset).first()
    can_edit = permissions.can_edit(request.user, dataset)
    if request.method == "POST":
        _require_edit(request, dataset)
        if "reset" in request.POST:
            services.reset_schema(request.user, dataset)
            messages.success(
                request, _("The schema will be inferred again from the newest version.")
            )
            return redirect("preparation:dataset", pk=dataset.pk)
        formset = SchemaFormSet(request.POST)
        if formset.is_valid() and current:
            try:
                services.save_schema(request.user, dataset, [f.cleaned_data for f in formset.forms])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("The schema was saved; the newest version is being checked against it."),
                )
                return redirect("preparation:dataset", pk=dataset.pk)
    else:
        formset = SchemaFormSet(initial=schema_initial(current.descriptor)) if current else None
    if formset and not can_edit:
        for form in formset:
            for bound in form.fields.values():
                bound.disabled = True
    return render(
        request,
        "preparation/schema.html",
        {"dataset": dataset, "schema": current, "formset": formset, "can_edit": can_edit},
    )


@staff_required
def schema_json(request, pk):
    dataset = _dataset(request, pk)
    descriptor = services.dataset_schema(dataset)
    if descriptor is None:
        raise Http404
    response = JsonResponse(descriptor, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{dataset.slug}.schema.json"'
    return response


@staff_required
@require_POST
def decide(request, pk):
    version = _version(request, pk)
    if not permissions.can_publish(request.user, version.dataset):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if form.is_valid():
        services.record_decision(
            request.user, version, form.cleaned_data["decision"], form.cleaned_data["legal_basis"]
        )
        messages.success(request, _("The decision was recorded."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("preparation:version_check", pk=version.pk)
