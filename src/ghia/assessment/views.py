"""The situational-analysis workspace: server-rendered pages that work without JavaScript.
Views check who may see what and hand work to ``services``; the figures come from
``analysis``; documents from ``ghia.documents.situational``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ghia.assessment import permissions, services
from ghia.assessment.analysis import analyse
from ghia.assessment.forms import (
    ConclusionsForm,
    EvidenceForm,
    FindingFormSet,
    InventoryEntryForm,
    MaturityForm,
    OverrideForm,
    ParticipationFormSet,
    ReadinessForm,
    SessionForm,
)
from ghia.assessment.models import Assessment, InventorySurvey
from ghia.catalog import permissions as catalog_permissions
from ghia.catalog.models import Dataset, Municipality, Status
from ghia.documents import situational
from ghia.documents.html import chart_data_uri


def _assessment(request, pk: int, manage: bool = False) -> Assessment:
    assessment = get_object_or_404(Assessment.objects.select_related("municipality"), pk=pk)
    allowed = permissions.can_manage if manage else permissions.can_view
    if not allowed(request.user, assessment.municipality_id):
        # Someone with a part in the assessment learns it is not theirs to open; others not
        # even that it exists.
        involved = permissions.can_view(request.user, assessment.municipality_id)
        permissions.require(
            not (involved or permissions.survey_services(request.user, assessment).exists())
        )
        raise Http404
    return assessment


def _survey(request, assessment: Assessment, service_code: str) -> InventorySurvey:
    survey = get_object_or_404(
        InventorySurvey.objects.select_related("service", "assessment"),
        assessment=assessment,
        service__code=service_code,
    )
    if not permissions.can_fill(request.user, survey):
        raise Http404  # another service's questionnaire is not even shown to exist
    return survey


def _page(request, template: str, assessment: Assessment, context: dict):
    """Render an assessment page; the navigation shows what the user may open."""
    context |= {
        "assessment": assessment,
        "can_manage": permissions.can_manage(request.user, assessment.municipality_id),
        "can_view": permissions.can_view(request.user, assessment.municipality_id),
    }
    return render(request, template, context)


def _lang(request) -> str:
    lang = request.GET.get("lang") or (get_language() or "ka")[:2]
    return lang if lang in ("ka", "en") else "ka"


@login_required
def index(request):
    user = request.user
    visible = [
        m
        for m in catalog_permissions.staff_municipalities(user)
        if permissions.can_view(user, m.id)
    ]
    assessments = Assessment.objects.filter(municipality__in=visible).select_related("municipality")
    surveys = InventorySurvey.objects.filter(
        service_id__in=catalog_permissions.edited_service_ids(user)
    ).select_related("assessment__municipality", "service")
    if not (visible or surveys):
        permissions.require(False)
    return render(
        request,
        "assessment/index.html",
        {
            "municipalities": [(m, permissions.can_manage(user, m.id)) for m in visible],
            "assessments": assessments,
            "surveys": surveys,
        },
    )


@login_required
@require_POST
def start(request, municipality):
    municipality = get_object_or_404(Municipality, slug=municipality)
    assessment = services.start_assessment(request.user, municipality)
    messages.success(
        request, _("The assessment was started and the inventory questionnaires were sent.")
    )
    return redirect("assessment:dashboard", pk=assessment.pk)


@login_required
def dashboard(request, pk):
    assessment = _assessment(request, pk)
    analysis = analyse(assessment)
    lang = _lang(request)
    charts = {
        "ratings": chart_data_uri(situational.rating_chart(analysis, lang)),
        "inventory": chart_data_uri(situational.inventory_chart(analysis, lang)),
        "openness": chart_data_uri(situational.openness_chart(analysis, lang)),
    }
    return _page(
        request, "assessment/dashboard.html", assessment, {"analysis": analysis, "charts": charts}
    )


@login_required
def readiness(request, pk, dimension):
    assessment = _assessment(request, pk, manage=True)
    instrument = assessment.instrument
    try:
        spec = instrument.dimension(dimension)
    except KeyError:
        raise Http404 from None
    analysis = analyse(assessment)
    result = next(d for d in analysis.dimensions if d.dimension.code == dimension)
    override = result.override
    data = request.POST if request.method == "POST" else None
    form = ReadinessForm(
        data, instrument=instrument, dimension=spec, answers=analysis.answers, notes=analysis.notes,
        ticked=analysis.evidence_codes,
    )  # fmt: skip
    override_form = OverrideForm(
        data, prefix="override",
        initial={"rating": override.rating, "reason": override.reason} if override else None,
    )  # fmt: skip
    if data is not None and form.is_valid() and override_form.is_valid():
        services.record_answers(request.user, assessment, form.answers())
        services.tick_evidence(
            request.user, assessment, dimension, set(form.cleaned_data["evidence"])
        )
        rating = override_form.cleaned_data["rating"] or None
        if rating or override:
            services.override_rating(
                request.user, assessment, dimension, rating, override_form.cleaned_data["reason"]
            )
        messages.success(request, _("Saved."))
        return redirect("assessment:readiness", pk=pk, dimension=dimension)
    own = assessment.evidence.filter(dimension=dimension, code="")
    return _page(
        request,
        "assessment/readiness.html",
        assessment,
        {
            "dimension": spec, "result": result, "form": form,
            "override_form": override_form, "evidence_form": EvidenceForm(prefix="evidence"), "own_evidence": own,
            "dimensions": instrument.dimensions, "ratings": instrument.ratings,
        },
    )  # fmt: skip


@login_required
@require_POST
def evidence_add(request, pk, dimension):
    assessment = _assessment(request, pk, manage=True)
    form = EvidenceForm(request.POST, prefix="evidence")
    if form.is_valid():
        services.add_evidence(request.user, assessment, dimension=dimension, **form.cleaned_data)
        messages.success(request, _("The evidence was added."))
    else:
        messages.error(request, _("The evidence needs a direction and a text."))
    return redirect("assessment:readiness", pk=pk, dimension=dimension)


@login_required
@require_POST
def evidence_delete(request, pk, item):
    assessment = _assessment(request, pk, manage=True)
    evidence = get_object_or_404(assessment.evidence, pk=item, code="")
    services.remove_evidence(request.user, evidence)
    return redirect("assessment:readiness", pk=pk, dimension=evidence.dimension)


@login_required
def maturity(request, pk):
    assessment = _assessment(request, pk, manage=True)
    instrument = assessment.instrument
    answers = {a.question: a.value for a in assessment.answers.all()}
    form = MaturityForm(request.POST or None, instrument=instrument, answers=answers)
    if request.method == "POST" and form.is_valid():
        services.record_answers(request.user, assessment, form.answers())
        messages.success(request, _("Saved."))
        return redirect("assessment:maturity", pk=pk)
    themes = [
        (theme, [(activity, [form[q.code.replace(".", "__")] for q in activity.questions]) for activity in theme.activities])
        for theme in instrument.maturity_themes
    ]  # fmt: skip
    return _page(request, "assessment/maturity.html", assessment, {"form": form, "themes": themes})


@login_required
def conclusions(request, pk):
    assessment = _assessment(request, pk, manage=True)
    form = ConclusionsForm(request.POST or None, initial={"conclusions": assessment.conclusions})
    if request.method == "POST" and form.is_valid():
        services.set_conclusions(request.user, assessment, form.cleaned_data["conclusions"])
        messages.success(request, _("Saved."))
        return redirect("assessment:dashboard", pk=pk)
    return _page(request, "assessment/conclusions.html", assessment, {"form": form})


@login_required
def surveys(request, pk):
    assessment = get_object_or_404(Assessment.objects.select_related("municipality"), pk=pk)
    visible = permissions.survey_services(request.user, assessment)
    if not visible.exists():
        raise Http404
    rows = assessment.surveys.filter(service__in=visible).select_related("service")
    analysis = analyse(assessment)
    counts = {}
    for row in analysis.inventory:
        total, assessed = counts.get(row.dataset.service_id, (0, 0))
        counts[row.dataset.service_id] = (total + 1, assessed + (row.priority is not None))
    return _page(
        request, "assessment/surveys.html", assessment,
        {"rows": [(s, *counts.get(s.service_id, (0, 0))) for s in rows]},
    )  # fmt: skip


@login_required
def survey(request, pk, service):
    assessment = get_object_or_404(Assessment.objects.select_related("municipality"), pk=pk)
    survey = _survey(request, assessment, service)
    analysis = analyse(assessment)
    rows = [r for r in analysis.inventory if r.dataset.service_id == survey.service_id]
    return _page(
        request, "assessment/survey.html", assessment,
        {"survey": survey, "rows": rows, "kinds": assessment.instrument.kinds},
    )  # fmt: skip


@login_required
def entry(request, pk, service, dataset=None):
    assessment = get_object_or_404(Assessment.objects.select_related("municipality"), pk=pk)
    survey = _survey(request, assessment, service)
    instance = None
    if dataset is not None:
        instance = get_object_or_404(
            Dataset.objects.exclude(status=Status.WITHDRAWN), pk=dataset, service=survey.service
        )
    current = survey.entries.filter(dataset=instance).first() if instance else None
    form = InventoryEntryForm(
        request.POST or None,
        instrument=assessment.instrument,
        initial=InventoryEntryForm.initial_for(instance, current),
    )
    if request.method == "POST" and form.is_valid():
        saved = services.save_inventory_entry(request.user, survey, instance, **form.cleaned_data)
        priority = services.entry_priority(saved, saved.dataset, assessment.instrument)
        messages.success(
            request,
            _("Saved. Priority for publication: %(level)s.")
            % {"level": saved.dataset.get_priority_display()},
        )
        for reason in priority.reasons:
            messages.info(
                request, reason.text.get((get_language() or "ka")[:2]) or reason.text["ka"]
            )
        return redirect("assessment:survey", pk=pk, service=service)
    return _page(
        request,
        "assessment/entry.html",
        assessment,
        {"survey": survey, "dataset": instance, "form": form},
    )


@login_required
@require_POST
def survey_submit(request, pk, service):
    assessment = get_object_or_404(Assessment, pk=pk)
    survey = _survey(request, assessment, service)
    services.submit_survey(request.user, survey)
    messages.success(request, _("The questionnaire was submitted to the coordinator."))
    return redirect("assessment:survey", pk=pk, service=service)


@login_required
def sessions(request, pk):
    assessment = _assessment(request, pk, manage=True)
    rows = assessment.sessions.prefetch_related("participants", "findings")
    return _page(request, "assessment/sessions.html", assessment, {"sessions": rows})


@login_required
def session(request, pk, session=None):
    assessment = _assessment(request, pk, manage=True)
    instrument = assessment.instrument
    instance = get_object_or_404(assessment.sessions, pk=session) if session else None
    data = request.POST if request.method == "POST" else None
    form = SessionForm(data, instance=instance, instrument=instrument)
    participants = ParticipationFormSet(
        data, prefix="p", form_kwargs={"instrument": instrument},
        initial=[{"group": p.group, "women": p.women, "men": p.men, "other": p.other}
                 for p in (instance.participants.all() if instance else [])],
    )  # fmt: skip
    findings = FindingFormSet(
        data, prefix="f", form_kwargs={"instrument": instrument},
        initial=[{"dimension": f.dimension, "direction": f.direction, "text": f.text}
                 for f in (instance.findings.all() if instance else [])],
    )  # fmt: skip
    if data is not None and form.is_valid() and participants.is_valid() and findings.is_valid():
        fields = {name: form.cleaned_data[name] for name in SessionForm.Meta.fields}
        saved = services.save_session(
            request.user, assessment, instance,
            participants=[(f["group"], f["women"], f["men"], f["other"]) for f in participants.cleaned_data if f],
            findings=[(f["dimension"], f["direction"], f["text"]) for f in findings.cleaned_data
                      if f and any(f["text"].values())],
            **fields,
        )  # fmt: skip
        messages.success(request, _("Saved."))
        return redirect("assessment:session", pk=pk, session=saved.pk)
    return _page(
        request, "assessment/session.html", assessment,
        {"session": instance, "form": form, "participants": participants, "findings": findings},
    )  # fmt: skip


@login_required
def report(request, pk, fmt):
    assessment = _assessment(request, pk)
    if fmt not in situational.FORMATS:
        raise Http404
    lang = _lang(request)
    media_type, extension = situational.FORMATS[fmt]
    data = situational.render(analyse(assessment), lang, fmt)
    name = (
        f"situational-analysis-{assessment.municipality.slug}-{assessment.started:%Y-%m-%d}-{lang}"
    )
    name += "-slides" if fmt.startswith("slides") else ""
    response = HttpResponse(data, content_type=media_type)
    disposition = "inline" if extension == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.{extension}"'
    return response
