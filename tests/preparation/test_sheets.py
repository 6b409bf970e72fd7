"""Choosing the sheet of a workbook: the check, the report page, cleaning and who may."""

import importlib
import io

import openpyxl
import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.urls import reverse

from ghia.catalog.models import DataVersion
from ghia.preparation import services
from ghia.preparation.models import CheckRun

pytestmark = pytest.mark.django_db

SCHOOLS, GARDENS = "Schools", "საბავშვო ბაღები"
GARDEN_LABELS = ["ბაღი", "რაიონი", "ბავშვები"]


def _workbook() -> bytes:
    """Schools on the first sheet; kindergartens, with other columns, on the second."""
    book = openpyxl.Workbook()
    schools = book.active
    schools.title = SCHOOLS
    schools.append(["school", "pupils"])
    for i in range(1, 13):
        schools.append([f"School {i}", 100 + i])
    gardens = book.create_sheet(GARDENS)
    gardens.append(GARDEN_LABELS)
    for i in range(1, 13):
        gardens.append([f"Kindergarten {i}", "  Rioni ", 20 + i])  # spaces for a repair
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def workbook(make_dataset, upload):
    """A Kutaisi finance version holding the two-sheet workbook, checked on arrival."""
    return upload(make_dataset(file=False), "schools.xlsx", _workbook())


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as the person logged in, in ``lang``; the checks it starts run at once."""

    def send(name, version, data, lang="ka", **extra):
        url = reverse(f"preparation:{name}", args=[version.pk]) + f"?lang={lang}"
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return send


def _page(client, run, lang="ka") -> str:
    url = reverse("preparation:report", args=[run.pk]) + f"?lang={lang}"
    return client.get(url).content.decode()


def _text(version) -> str:
    with default_storage.open(version.storage_name, "rb") as f:
        return f.read().decode("utf-8")


def _newest_cleaned(dataset) -> DataVersion:
    return (
        dataset.versions.filter(source=DataVersion.Source.CLEAN, format_id="CSV")
        .order_by("-number")
        .first()
    )


def test_the_first_sheet_is_checked_and_the_report_offers_both(client, world, workbook):
    run = services.latest_check(workbook)
    assert run.status == CheckRun.Status.DONE and run.sheet == SCHOOLS
    assert services.sheets_of(workbook) == [SCHOOLS, GARDENS]
    client.force_login(world.editor)
    page = _page(client, run)
    assert f'<strong class="sheet current" aria-current="true">{SCHOOLS}</strong>' in page
    assert f'<button type="submit" name="sheet" value="{GARDENS}"' in page
    assert f'<button type="submit" name="sheet" value="{SCHOOLS}"' not in page  # the one shown
    assert "School 7" in page and "Kindergarten 7" not in page


def test_a_table_with_no_sheets_offers_none(client, world, make_dataset, upload):
    version = upload(make_dataset(file=False), "t.csv", b"a,b\n1,2\n")
    assert services.sheets_of(version) == [] and services.latest_check(version).sheet == ""
    client.force_login(world.editor)
    assert 'name="sheet"' not in _page(client, services.latest_check(version))


def test_choosing_a_sheet_checks_it_in_the_background(
    client, world, workbook, django_capture_on_commit_callbacks
):
    client.force_login(world.editor)
    url = reverse("preparation:version_check", args=[workbook.pk])
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(url, {"sheet": GARDENS})
    run = services.latest_check(workbook)
    assert response.status_code == 302
    assert response["Location"] == reverse("preparation:report", args=[run.pk])
    assert run.status == CheckRun.Status.QUEUED and run.sheet == GARDENS
    assert run.requested_by == world.editor and len(queued) == 1
    page = _page(client, run, "en")
    assert '<meta http-equiv="refresh" content="2">' in page and "waiting for the worker" in page
    assert f'aria-current="true">{GARDENS}</strong>' in page
    queued[0]()  # the worker's turn: the same task as every check
    run.refresh_from_db()
    assert run.status == CheckRun.Status.DONE and run.sheet == GARDENS
    assert run.report["source"]["sheet"] == GARDENS
    assert run.preview["labels"] == GARDEN_LABELS and run.report["table"]["rows"] == 12
    page = _page(client, run)
    assert "Kindergarten 7" in page and "School 7" not in page
    assert f'aria-current="true">{GARDENS}</strong>' in page
    assert f'<button type="submit" name="sheet" value="{SCHOOLS}"' in page
    assert '<option value="რაიონი">' in page  # repairs are offered on its columns
    # The first report is still of the first sheet, and links to the newer check.
    first = workbook.checks.get(sheet=SCHOOLS)
    older = _page(client, first)
    assert "School 7" in older and reverse("preparation:report", args=[run.pk]) in older


def test_checking_again_stays_on_the_chosen_sheet(client, world, workbook, post):
    client.force_login(world.editor)
    post("version_check", workbook, {"sheet": GARDENS})
    post("version_check", workbook, {})  # "Check again" names no sheet
    runs = list(workbook.checks.order_by("created", "id"))
    assert [r.sheet for r in runs] == [SCHOOLS, GARDENS, GARDENS]
    assert runs[-1].report["source"]["sheet"] == GARDENS
    # "Check again" on the first report checks the sheet that report is of.
    hidden = f'<input type="hidden" name="sheet" value="{SCHOOLS}">'
    assert hidden in _page(client, runs[0]) and hidden not in _page(client, runs[-1])
    post("version_check", workbook, {"sheet": SCHOOLS})
    assert services.latest_check(workbook).report["source"]["sheet"] == SCHOOLS


def test_cleaning_reads_the_sheet_the_check_read(client, world, workbook, post):
    client.force_login(world.editor)
    post("version_check", workbook, {"sheet": GARDENS})
    response = post("apply_step", workbook, {"step": '{"step": "trim"}'})
    cleaned = _newest_cleaned(workbook.dataset)
    assert response["Location"] == reverse("preparation:version_check", args=[cleaned.pk])
    text = _text(cleaned)
    assert text.splitlines()[0] == ",".join(GARDEN_LABELS)
    assert "Kindergarten 7,Rioni,27" in text and "School" not in text
    assert cleaned.provenance["original"]["sheet"] == GARDENS and GARDENS in cleaned.note
    run = services.latest_check(cleaned)
    assert run.status == CheckRun.Status.DONE and run.report["table"]["rows"] == 12
    assert run.preview["labels"] == GARDEN_LABELS
    assert services.sheets_of(cleaned) == []  # a CSV: nothing to choose
    # Checking the upload's first sheet again does not move the cleaned version's table:
    # a further step is applied to the sheet it was cleaned from.
    post("version_check", workbook, {"sheet": SCHOOLS})
    post("apply_step", cleaned, {"action": "drop_blank_rows", "field": ""})
    newest = _newest_cleaned(workbook.dataset)
    assert newest.provenance["steps"] == [{"step": "trim"}, {"step": "drop_blank_rows"}]
    assert newest.provenance["original"]["sheet"] == GARDENS
    assert "Kindergarten 7,Rioni,27" in _text(newest)
    # Cleaning the upload now reads the first sheet, the one its newest check read.
    post("apply_step", workbook, {"step": '{"step": "trim"}'})
    assert "School 7,107" in _text(_newest_cleaned(workbook.dataset))


def test_a_sheet_the_workbook_does_not_have_is_told(client, world, workbook, post):
    client.force_login(world.editor)
    response = post("version_check", workbook, {"sheet": "Sheet9"}, lang="en", follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "Traceback" not in page
    assert f"The workbook has no sheet “Sheet9”; its sheets are: {SCHOOLS}, {GARDENS}." in page
    response = post("version_check", workbook, {"sheet": ""}, follow=True)
    assert "სამუშაო წიგნში ფურცელი „“ არ არის" in response.content.decode()
    assert workbook.checks.count() == 1


def test_a_file_without_sheets_cannot_be_checked_on_one(client, world, make_dataset, upload, post):
    version = upload(make_dataset(file=False), "t.csv", b"a,b\n1,2\n")
    client.force_login(world.editor)
    page = post("version_check", version, {"sheet": "Sheet1"}, lang="en", follow=True)
    assert "There is no sheet to choose: the file is not a workbook" in page.content.decode()
    assert version.checks.count() == 1


@pytest.mark.parametrize(
    "person, status", [("viewer", 403), ("editor_transport", 403), ("other_coordinator", 404)]
)
def test_only_an_editor_of_the_dataset_chooses_a_sheet(
    client, world, workbook, post, person, status
):
    client.force_login(getattr(world, person))
    assert post("version_check", workbook, {"sheet": GARDENS}).status_code == status
    assert list(workbook.checks.values_list("sheet", flat=True)) == [SCHOOLS]


def test_a_viewer_sees_the_sheets_without_buttons(client, world, workbook):
    client.force_login(world.viewer)
    page = _page(client, services.latest_check(workbook))
    assert f'<span class="sheet">{GARDENS}</span>' in page and 'name="sheet"' not in page


def test_checks_made_before_sheets_were_recorded_learn_theirs(workbook):
    CheckRun.objects.filter(pk=services.latest_check(workbook).pk).update(sheet="")
    migration = importlib.import_module("ghia.preparation.migrations.0002_checkrun_sheet")
    migration.record_sheets_read(apps, None)
    assert services.latest_check(workbook).sheet == SCHOOLS
