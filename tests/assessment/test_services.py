"""The survey writes the catalogue; priorities, overrides, sessions and permissions."""

import pytest
from django.core.exceptions import PermissionDenied

from ghia.assessment import services
from ghia.assessment.analysis import analyse
from ghia.assessment.models import InventorySurvey
from ghia.catalog import services as catalog
from ghia.catalog.models import AccessLevel, AuditEntry, Dataset, Frequency, Priority


def test_starting_sends_a_questionnaire_to_every_service(world, assessment):
    assert assessment.instrument_version == "1"
    assert {s.service.code for s in assessment.surveys.all()} == {"finance", "transport"}
    assert set(assessment.surveys.values_list("status", flat=True)) == {InventorySurvey.Status.SENT}
    assert AuditEntry.objects.filter(object_type="assessment.assessment", action="create").exists()


def test_only_a_coordinator_or_administrator_starts_an_assessment(world):
    for user in (world.editor, world.viewer, world.other_coordinator, world.outsider):
        with pytest.raises(PermissionDenied):
            services.start_assessment(user, world.kutaisi)
    assert services.start_assessment(world.admin, world.kutaisi).pk


def test_the_survey_creates_the_catalogue_entry(world, surveys):
    entry = services.save_inventory_entry(
        world.editor, surveys["finance"], title={"ka": "შესყიდვები", "en": "Procurement"}, exists=True,
        digital=True, current_format="XLSX", frequency=Frequency.objects.get(code="QUARTERLY"),
        personal_data=False, kind="procurement", value=3, demand=3, effort=1, years_of_history=6,
    )  # fmt: skip
    dataset = Dataset.objects.get(pk=entry.dataset_id)
    assert dataset.service == world.finance and dataset.municipality == world.kutaisi
    assert (dataset.current_format, dataset.frequency_id) == ("XLSX", "QUARTERLY")
    assert dataset.priority == Priority.HIGH  # 2×3 + 2×3 + 3 = 15
    assert entry.kind == "procurement" and entry.years_of_history == 6
    surveys["finance"].refresh_from_db()
    assert surveys["finance"].status == InventorySurvey.Status.IN_PROGRESS


def test_survey_and_catalogue_never_diverge(world, surveys, make_dataset):
    dataset = make_dataset("ბიუჯეტი", "Budget")
    services.save_inventory_entry(
        world.editor, surveys["finance"], dataset, digital=False, value=1, demand=2, effort=3
    )
    dataset.refresh_from_db()
    assert dataset.digital is False and dataset.priority == Priority.LOW  # 2 + 4 + 1 = 7
    # … a later change in the catalogue is what the survey shows, since it keeps no copy.
    catalog.update_dataset(world.editor, dataset, current_format="CSV", personal_data=True)
    row = next(
        r for r in analyse(surveys["finance"].assessment).inventory if r.dataset.pk == dataset.pk
    )
    assert row.dataset.current_format == "CSV"
    assert row.priority.reasons[-1].key == "personal"


def test_restricted_data_is_low_priority_and_needs_its_legal_reason(world, surveys, make_dataset):
    dataset = make_dataset("ორთოფოტო", "Orthophoto")
    services.save_inventory_entry(
        world.coordinator, surveys["finance"], dataset, value=3, demand=3, effort=1,
        access_level=AccessLevel.RESTRICTED, access_reason={"ka": "სახელმწიფო საიდუმლოება", "en": "state secret"},
    )  # fmt: skip
    dataset.refresh_from_db()
    assert dataset.access_level == AccessLevel.RESTRICTED and dataset.priority == Priority.LOW


def test_an_editor_fills_only_the_questionnaire_of_their_service(world, surveys, make_dataset):
    with pytest.raises(PermissionDenied):
        services.save_inventory_entry(
            world.editor, surveys["transport"], title={"ka": "x", "en": "x"}, kind="other"
        )
    with pytest.raises(PermissionDenied):
        services.submit_survey(world.editor, surveys["transport"])
    with pytest.raises(PermissionDenied):
        services.save_inventory_entry(
            world.viewer, surveys["finance"], title={"ka": "x", "en": "x"}, kind="other"
        )
    other = make_dataset("ტრანსპორტი", "Transport", service=world.transport)
    with pytest.raises(ValueError, match="another service"):
        services.save_inventory_entry(world.coordinator, surveys["finance"], other, value=1)
    assert (
        services.submit_survey(world.editor, surveys["finance"]).status
        == InventorySurvey.Status.SUBMITTED
    )


def test_unknown_codes_are_refused(world, assessment, surveys):
    with pytest.raises(ValueError):
        services.record_answers(
            world.coordinator, assessment, {"leadership.visible_support": (7, "")}
        )
    with pytest.raises(ValueError):
        services.record_answers(world.coordinator, assessment, {"no.such": (1, "")})
    with pytest.raises(ValueError):
        services.save_inventory_entry(
            world.coordinator, surveys["finance"], title={"ka": "x", "en": "x"}, kind="spaceships"
        )


def test_answers_evidence_and_an_override_with_its_reason(world, assessment):
    answers = {
        q: (3, "")
        for q in (
            "leadership.visible_support",
            "leadership.mandate",
            "leadership.plans",
            "leadership.council",
        )
    }
    services.record_answers(world.coordinator, assessment, answers)
    services.tick_evidence(
        world.coordinator, assessment, "leadership", {"leadership.mayor_statement"}
    )
    (leadership, *_) = analyse(assessment).dimensions
    assert leadership.rating == "GREEN" and leadership.override is None
    with pytest.raises(ValueError, match="reason"):
        services.override_rating(
            world.coordinator, assessment, "leadership", "YELLOW", {"ka": " ", "en": ""}
        )
    services.override_rating(
        world.coordinator, assessment, "leadership", "YELLOW", {"ka": "მერი იცვლება", "en": ""}
    )
    (leadership, *_) = analyse(assessment).dimensions
    assert (leadership.rating, leadership.proposed.rating) == ("YELLOW", "GREEN")
    services.override_rating(world.coordinator, assessment, "leadership", None)
    assert analyse(assessment).dimensions[0].rating == "GREEN"
    # Unticking removes an instrument item again.
    services.tick_evidence(world.coordinator, assessment, "leadership", set())
    assert not assessment.evidence.exists()


def test_focus_group_findings_count_as_evidence(world, assessment):
    import datetime as dt

    session = services.save_session(
        world.coordinator, assessment, kind="focus_group", title={"ka": "ჟურნალისტები", "en": "Journalists"},
        held_on=dt.date(2024, 9, 4), place="ქუთაისი", stakeholder_group="media", questions="რა გჭირდებათ?",
        participants=[("media", 3, 2, 0), ("civil_society", 0, 0, 0)],
        findings=[("demand", "+", {"ka": "ბიუჯეტს ითხოვენ", "en": "They ask for the budget"})],
    )  # fmt: skip
    assert [(p.group, p.total) for p in session.participants.all()] == [
        ("media", 5)
    ]  # empty rows dropped
    demand = next(d for d in analyse(assessment).dimensions if d.dimension.code == "demand")
    assert [(e.source, e.text["en"]) for e in demand.evidence] == [
        ("focus_group", "They ask for the budget")
    ]
    with pytest.raises(ValueError):
        services.save_session(
            world.coordinator, assessment, session, participants=[("aliens", 1, 0, 0)], findings=[]
        )
    with pytest.raises(PermissionDenied):
        services.save_session(world.editor, assessment, session, participants=[], findings=[])
