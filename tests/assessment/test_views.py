"""The workspace pages: who sees what, and that the forms do their work without JavaScript."""

import pytest
from django.urls import reverse

from ghia.assessment import services
from ghia.assessment.models import FocusGroup


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def url(name, assessment, *args):
    return reverse(f"assessment:{name}", args=[assessment.pk, *args])


def test_the_coordinator_sees_everything(world, assessment, client_for):
    client = client_for(world.coordinator)
    page = client.get(url("dashboard", assessment), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    html = page.content.decode()
    assert "ხელმძღვანელობის მხარდაჭერა" in html  # dimension titles from the instrument
    assert html.count('src="data:image/svg+xml;base64,') == 3  # the charts, drawn on the server
    for name, args in [("readiness", ["policy"]), ("maturity", []), ("surveys", []), ("survey", ["transport"]),
                       ("sessions", []), ("session_new", []), ("conclusions", []), ("entry_new", ["finance"])]:  # fmt: skip
        assert client.get(url(name, assessment, *args)).status_code == 200, name


def test_a_service_sees_only_its_own_part_of_the_survey(
    world, assessment, client_for, make_dataset
):
    make_dataset("ბიუჯეტი", "Budget")
    make_dataset("მარშრუტები", "Bus routes", service=world.transport)
    client = client_for(world.editor)  # edits the finance service only
    listing = client.get(url("surveys", assessment)).content.decode()
    assert "საფინანსო სამსახური" in listing and "ტრანსპორტის სამსახური" not in listing
    own = client.get(url("survey", assessment, "finance")).content.decode()
    assert "ბიუჯეტი" in own and "მარშრუტები" not in own
    assert client.get(url("survey", assessment, "transport")).status_code == 404
    assert client.get(url("entry_new", assessment, "transport")).status_code == 404
    assert client.post(url("survey_submit", assessment, "transport")).status_code == 404
    for name, args in [
        ("dashboard", []),
        ("readiness", ["policy"]),
        ("sessions", []),
        ("report", ["pdf"]),
    ]:
        assert client.get(url(name, assessment, *args)).status_code == 403, name
    index = client.get(reverse("assessment:index")).content.decode()
    assert url("survey", assessment, "finance") in index


def test_outsiders_see_nothing(world, assessment, client, client_for):
    assert client.get(url("dashboard", assessment)).status_code == 302  # to the login page
    outsider = client_for(world.outsider)
    assert outsider.get(reverse("assessment:index")).status_code == 403
    assert outsider.get(url("dashboard", assessment)).status_code == 404
    other = client_for(world.other_coordinator)  # Akhaltsikhe's coordinator
    assert other.get(url("dashboard", assessment)).status_code == 404
    assert other.get(url("survey", assessment, "finance")).status_code == 404
    assert other.post(reverse("assessment:start", args=["kutaisi"])).status_code == 403


def test_a_viewer_reads_the_dashboard_but_changes_nothing(world, assessment, client_for):
    client = client_for(world.viewer)
    assert client.get(url("dashboard", assessment)).status_code == 200
    assert client.get(url("readiness", assessment, "policy")).status_code == 403
    assert client.get(url("surveys", assessment)).status_code == 404


def test_the_entry_form_writes_the_catalogue(world, assessment, client_for):
    client = client_for(world.editor)
    response = client.post(url("entry_new", assessment, "finance"), {
        "title_ka": "ხელშეკრულებები", "title_en": "Contracts", "kind": "procurement", "exists": "on",
        "digital": "on", "current_format": "CSV", "access_level": "public", "value": "3", "demand": "3",
        "effort": "1",
    })  # fmt: skip
    assert response.status_code == 302
    (dataset,) = world.finance.datasets.all()
    assert dataset.title == {"ka": "ხელშეკრულებები", "en": "Contracts"} and dataset.priority == 1
    # A restricted dataset without its legal reason is sent back with an error.
    response = client.post(url("entry", assessment, "finance", dataset.pk), {
        "title_ka": "ხელშეკრულებები", "title_en": "Contracts", "kind": "procurement", "access_level": "restricted",
    })  # fmt: skip
    assert response.status_code == 200 and "access_reason" in response.context["form"].errors


def test_readiness_form_saves_answers_and_wants_a_reason_for_an_override(
    world, assessment, client_for
):
    client = client_for(world.coordinator)
    data = {"leadership__visible_support": "3", "leadership__mandate": "2", "leadership__mandate__note": "ბრძანება №12",
            "evidence": ["leadership.mayor_statement"], "override-rating": "RED"}  # fmt: skip
    response = client.post(url("readiness", assessment, "leadership"), data)
    assert response.status_code == 200 and "reason" in response.context["override_form"].errors
    assert not assessment.answers.exists()
    data |= {"override-reason_ka": "მერმა პოზიცია შეცვალა", "override-reason_en": ""}
    assert client.post(url("readiness", assessment, "leadership"), data).status_code == 302
    assert dict(assessment.answers.values_list("question", "value")) == {
        "leadership.visible_support": 3, "leadership.mandate": 2, "leadership.plans": None, "leadership.council": None,
    }  # fmt: skip
    assert assessment.answers.get(question="leadership.mandate").note == "ბრძანება №12"
    assert assessment.overrides.get().rating == "RED"
    assert list(assessment.evidence.values_list("code", flat=True)) == [
        "leadership.mayor_statement"
    ]


def test_a_session_with_head_counts_and_findings(world, assessment, client_for):
    client = client_for(world.coordinator)
    data = {
        "kind": "focus_group", "title_ka": "მედია", "title_en": "Media", "held_on": "2024-09-04",
        "place": "ქუთაისი", "stakeholder_group": "media", "questions": "რა გჭირდებათ?", "notes": "",
        "p-TOTAL_FORMS": "2", "p-INITIAL_FORMS": "0",
        "p-0-group": "media", "p-0-women": "3", "p-0-men": "1", "p-0-other": "0",
        "p-1-group": "staff", "p-1-women": "0", "p-1-men": "0", "p-1-other": "0",
        "f-TOTAL_FORMS": "3", "f-INITIAL_FORMS": "0",
        "f-0-dimension": "demand", "f-0-direction": "+", "f-0-text_ka": "ითხოვენ ბიუჯეტს", "f-0-text_en": "",
        "f-1-dimension": "leadership", "f-1-direction": "+", "f-1-text_ka": "", "f-1-text_en": "",
        "f-2-dimension": "leadership", "f-2-direction": "+", "f-2-text_ka": "", "f-2-text_en": "",
    }  # fmt: skip
    assert (
        client.post(reverse("assessment:session_new", args=[assessment.pk]), data).status_code
        == 302
    )
    session = FocusGroup.objects.get()
    assert [(p.group, p.women, p.men) for p in session.participants.all()] == [("media", 3, 1)]
    assert [(f.dimension, f.text["ka"]) for f in session.findings.all()] == [
        ("demand", "ითხოვენ ბიუჯეტს")
    ]


def test_the_report_downloads_in_both_languages(world, assessment, client_for):
    services.set_conclusions(world.coordinator, assessment, {"ka": "დასკვნა", "en": "Conclusion"})
    client = client_for(world.viewer)
    pdf = client.get(url("report", assessment, "pdf") + "?lang=ka")
    assert (
        pdf.status_code == 200
        and pdf["Content-Type"] == "application/pdf"
        and pdf.content.startswith(b"%PDF")
    )
    assert (
        'filename="situational-analysis-kutaisi-' in pdf["Content-Disposition"]
        and "-ka.pdf" in pdf["Content-Disposition"]
    )
    html = client.get(url("report", assessment, "html") + "?lang=en").content.decode()
    assert '<html lang="en">' in html and "Conclusion" in html
    assert client.get(url("report", assessment, "exe")).status_code == 404
