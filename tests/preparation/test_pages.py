"""The report, schema and overview pages, and the panel for the workspace dataset page."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from ghia.preparation import services
from ghia.preparation.models import CheckRun, TableSchema

pytestmark = pytest.mark.django_db

# Twelve amounts: inferred as integers, so "ათასი" in row 4 is a type error.
AMOUNTS = "id,amount\n1,10\n2,20\n3,ათასი\n" + "".join(f"{i},{i}0\n" for i in range(4, 13))


@pytest.fixture
def amounts(make_dataset, upload):
    dataset = make_dataset(file=False)
    return upload(dataset, "amounts.csv", AMOUNTS.encode())


def test_report_marks_the_bad_cell_and_counts_errors_by_type(client, world, amounts):
    run = services.latest_check(amounts)
    assert run.report["validation"]["errorsByType"] == {"type-error": 1}
    client.force_login(world.viewer)
    page = client.get(reverse("preparation:report", args=[run.pk]) + "?lang=en").content.decode()
    cell = re.search(r'<td class="([^"]*)" title="([^"]*)">ათასი</td>', page)
    assert cell and "bad-type-error" in cell.group(1) and "type" in cell.group(2)
    assert '<rect x="0" y="0" width="320"' in page  # the one bar is the longest
    assert "Repairs" not in page  # a viewer is offered no repairs


def test_a_running_check_refreshes_its_page(client, world, amounts):
    run = CheckRun.objects.create(version=amounts, status=CheckRun.Status.RUNNING, progress=40)
    client.force_login(world.editor)
    page = client.get(reverse("preparation:report", args=[run.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page and 'value="40"' in page
    done = CheckRun.objects.get(version=amounts, status=CheckRun.Status.DONE)
    assert (
        "refresh" not in client.get(reverse("preparation:report", args=[done.pk])).content.decode()
    )


def test_repairs_are_offered_as_buttons_and_applied(
    client, world, dataset_with, django_capture_on_commit_callbacks
):
    dataset = dataset_with("kutaisi-budget-2022.xlsx")
    version = dataset.current_version
    client.force_login(world.editor)
    page = client.get(
        reverse("preparation:version_check", args=[version.pk]), follow=True
    ).content.decode()
    assert "ჯამის სტრიქონების ამოღება" in page  # drop totals, in Georgian
    payload = re.search(r'name="step" value="([^"]*drop_totals[^"]*)"', page).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("preparation:apply_step", args=[version.pk]),
            {"step": payload.replace("&quot;", '"')},
        )
    cleaned = dataset.versions.get(number=2)
    assert cleaned.provenance["steps"] == [{"step": "drop_totals"}]
    assert response.status_code == 302
    page = client.get(response["Location"], follow=True).content.decode()
    assert (
        "ჯამის სტრიქონების ამოღება" in page.split('name="index"')[1]
    )  # now among the applied steps, with its undo
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("preparation:apply_step", args=[cleaned.pk]),
            {"action": "drop_column", "field": "შესრულება %"},
        )
    latest = (
        dataset.versions.filter(source="clean", provenance__has_key="steps")
        .order_by("-number")
        .first()
    )
    assert latest.provenance["steps"] == [
        {"step": "drop_totals"},
        {"step": "drop_column", "field": "შესრულება %"},
    ]


def test_schema_edit_is_kept_and_used_by_the_next_check(
    client, world, amounts, django_capture_on_commit_callbacks
):
    dataset = amounts.dataset
    client.force_login(world.editor)
    formset = client.get(reverse("preparation:schema", args=[dataset.pk])).context["formset"]
    data = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2"}
    for i, form in enumerate(formset):
        data |= {f"form-{i}-{k}": v for k, v in form.initial.items() if v not in (False, None)}
    data["form-1-type"] = "string"  # "ათასი" is then a value like any other
    data["form-1-name"] = "თანხა"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("preparation:schema", args=[dataset.pk]), data)
    assert response.status_code == 302
    schema = TableSchema.objects.get(dataset=dataset)
    assert schema.edited and schema.edited_by == world.editor
    assert [f["name"] for f in schema.descriptor["fields"]] == ["id", "თანხა"]
    run = services.latest_check(amounts)
    assert run.status == "done" and not run.schema_inferred and run.schema == schema.descriptor
    # The file still says "amount": the label is marked on the report.
    assert run.report["validation"]["errorsByType"] == {"incorrect-label": 1}
    page = client.get(reverse("preparation:report", args=[run.pk])).content.decode()
    assert re.search(r'<th class="bad bad-incorrect-label" title="[^"]+">amount</th>', page)
    assert (
        client.get(reverse("preparation:schema_json", args=[dataset.pk])).json()
        == schema.descriptor
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("preparation:schema", args=[dataset.pk]), {"reset": "1"})
    schema.refresh_from_db()
    assert not schema.edited and schema.descriptor["fields"][1]["name"] == "amount"


def test_the_schema_form_is_read_only_for_a_viewer(client, world, amounts):
    client.force_login(world.viewer)
    page = client.get(reverse("preparation:schema", args=[amounts.dataset.pk])).content.decode()
    assert "disabled" in page and 'type="submit"' not in page.split("<main>")[1].split("</main>")[
        0
    ].replace('class="link"', "")


def test_overview_and_panel_show_status_quality_and_stars(client, world, amounts):
    dataset = amounts.dataset
    client.force_login(world.viewer)
    page = client.get(
        reverse("preparation:dataset", args=[dataset.pk]) + "?lang=en"
    ).content.decode()
    assert "amounts.csv" in page and "inferred from version 1" in page and "★★★☆☆" in page
    html = Template('{% include "preparation/_dataset_panel.html" %}').render(
        Context({"dataset": dataset})
    )
    run = services.latest_check(amounts)
    assert reverse("preparation:report", args=[run.pk]) in html and "★★★☆☆" in html
    assert reverse("preparation:dataset", args=[dataset.pk]) in html


def test_legacy_text_in_a_csv_is_proposed_with_its_confidence(client, world, dataset_with):
    dataset = dataset_with("akhaltsikhe-street-lighting.csv")
    client.force_login(world.editor)
    client.cookies["ghia_lang"] = "en"
    page = client.get(
        reverse("preparation:version_check", args=[dataset.current_version.pk]), follow=True
    ).content.decode()
    offered = re.findall(
        r"convert legacy-font \(AcadNusx\) text to Unicode</button><span class=\"meta\">confidence (\d+)%",
        page,
    )
    assert offered and all(50 <= int(c) <= 100 for c in offered)


def test_the_schema_of_a_version_is_the_one_it_was_checked_against(amounts):
    run = services.latest_check(amounts)
    assert (
        services.schema_for_version(amounts)
        == run.schema
        == services.dataset_schema(amounts.dataset)
    )
    assert [f["type"] for f in run.schema["fields"]] == ["integer", "integer"]


def test_a_version_never_checked_offers_the_check(
    client, world, make_dataset, django_capture_on_commit_callbacks
):
    version = make_dataset().current_version  # stored without running the upload hook's commit
    url = reverse("preparation:version_check", args=[version.pk])
    client.force_login(world.editor)
    assert f'action="{url}"' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    run = services.latest_check(version)
    assert response["Location"] == reverse("preparation:report", args=[run.pk])
    assert run.status == "done"
