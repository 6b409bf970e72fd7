"""Checking, cleaning and the publication gate on the demo's untidy files."""

import hashlib

import polars as pl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse

from ghia.catalog import workflow
from ghia.catalog.models import DataVersion, Status
from ghia.preparation import services
from ghia.preparation.models import CheckRun, PersonalDataDecision

pytestmark = pytest.mark.django_db
SOCIAL = "kutaisi-social-assistance-recipients-2023.xlsx"


def _stored_sha256(version):
    with default_storage.open(version.storage_name, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_akhaltsikhe_budget_in_acadnusx_is_read_as_georgian(client, world, dataset_with, demo):
    dataset = dataset_with("akhaltsikhe-budget-2017.xlsx")
    run = services.latest_check(dataset.current_version)
    assert run.status == CheckRun.Status.DONE
    assert {n["code"] for n in run.report["notes"]} >= {"legacy_font_converted", "sheet_chosen"}
    assert run.report["source"]["sheet"] == demo["akhaltsikhe-budget-2017.xlsx"].facts["sheet"]
    names = [row[1][1] for row in run.preview["rows"]]
    assert "წარმომადგენლობითი და აღმასრულებელი ორგანოები" in names
    client.force_login(world.editor)
    page = client.get(reverse("preparation:report", args=[run.pk])).content.decode()
    assert "ძველ შრიფტში (AcadNusx) გადაყვანილია უნიკოდში" in page
    assert "წარმომადგენლობითი და აღმასრულებელი ორგანოები" in page
    english = client.get(reverse("preparation:report", args=[run.pk]) + "?lang=en").content.decode()
    assert "converted to Unicode" in english


def test_clean_makes_a_new_version_and_leaves_the_original_untouched(
    world, dataset_with, demo, django_capture_on_commit_callbacks
):
    dataset = dataset_with("kutaisi-budget-2022.xlsx")
    original = dataset.current_version
    before = _stored_sha256(original)
    suggested = services.latest_check(original).report["suggestedSteps"]
    with django_capture_on_commit_callbacks(execute=True):
        cleaned = services.clean_version(world.editor, original, suggested)
    assert _stored_sha256(original) == before == original.sha256
    assert cleaned.source == DataVersion.Source.CLEAN and cleaned.derived_from == original
    assert (
        cleaned.provenance["steps"] == suggested and cleaned.filename == "kutaisi-budget-2022.csv"
    )
    assert cleaned.provenance["original"]["sha256"] == original.sha256
    exports = DataVersion.objects.filter(derived_from=cleaned)
    assert sorted(v.format_id for v in exports) == ["JSON", "PARQUET", "XLSX"]
    parquet = exports.get(format_id="PARQUET")
    with default_storage.open(parquet.storage_name) as f:
        table = pl.read_parquet(f)
    assert table.height == services.latest_check(original).report["table"]["rows"] - 3
    # Every file the dataset offers is now the cleaned table: the XLSX too.
    assert {services.checked_version(d.version) for d in dataset.distributions.all()} == {cleaned}
    run = services.latest_check(cleaned)
    assert run.status == CheckRun.Status.DONE and run.report["valid"]
    # The totals row, the blank row and the note under the table are gone, nothing else.
    assert (
        run.report["table"]["rows"] == services.latest_check(original).report["table"]["rows"] - 3
    )
    with default_storage.open(cleaned.storage_name) as f:
        text = f.read().decode("utf-8")
    assert "ჯამი" not in text and "შენიშვნა" not in text
    assert "2918300" in text.replace(".00", "").replace(",", "")


def test_undo_cleans_the_original_again_without_the_step(
    world, dataset_with, django_capture_on_commit_callbacks
):
    dataset = dataset_with("kutaisi-budget-2022.xlsx")
    original = dataset.current_version
    with django_capture_on_commit_callbacks(execute=True):
        first = services.add_step(world.editor, original, {"step": "drop_totals"})
        second = services.add_step(world.editor, first, {"step": "trim"})
        assert services.add_step(world.editor, second, {"step": "trim"}) is None  # already applied
        undone = services.undo_step(world.editor, second, 0)
    assert second.provenance["steps"] == [{"step": "drop_totals"}, {"step": "trim"}]
    assert undone.provenance["steps"] == [{"step": "trim"}] and undone.derived_from == original
    assert (
        services.latest_check(undone).report["table"]["rows"]
        == services.latest_check(original).report["table"]["rows"]
    )
    with pytest.raises(PermissionDenied):
        services.add_step(world.editor_transport, original, {"step": "trim"})


def test_a_step_that_does_not_fit_is_told_not_raised(client, world, dataset_with):
    dataset = dataset_with("kutaisi-budget-2022.xlsx")
    client.force_login(world.editor)
    version = dataset.current_version
    response = client.post(
        reverse("preparation:apply_step", args=[version.pk]),
        {"step": '{"step": "mask", "field": "nope"}'},
        follow=True,
    )
    assert "nope" in response.content.decode() and dataset.versions.count() == 1
    response = client.post(
        reverse("preparation:apply_step", args=[version.pk]),
        {"step": '{"step": "explode"}'},
        follow=True,
    )
    assert "explode" in response.content.decode() and dataset.versions.count() == 1


def _publish(dataset, user):
    workflow.transition(user, dataset, Status.PUBLISHED)


def test_personal_numbers_block_publication_until_the_coordinator_decides(
    world, make_dataset, upload, demo
):
    dataset = make_dataset(status=Status.IN_REVIEW, file=False)
    version = upload(dataset, SOCIAL, demo[SOCIAL].content)
    run = services.latest_check(version)
    kinds = {f["field"]: f["kind"] for f in run.findings}
    assert kinds["პირადი ნომერი"] == "personal_number"
    with pytest.raises(workflow.WorkflowError, match="personal|პერსონალურ"):
        _publish(dataset, world.coordinator)
    with pytest.raises(PermissionDenied):
        services.record_decision(world.editor, version, "publish", "Law on X, art. 5")
    with pytest.raises(ValidationError):
        services.record_decision(world.coordinator, version, "publish", "   ")
    services.record_decision(world.coordinator, version, "mask")
    with pytest.raises(workflow.WorkflowError):
        _publish(dataset, world.coordinator)  # masking is decided, not done
    decision = services.record_decision(
        world.coordinator, version, "publish", "Law on social assistance, art. 12"
    )
    assert decision.check_run == run and decision.by == world.coordinator
    _publish(dataset, world.coordinator)
    dataset.refresh_from_db()
    assert dataset.status == Status.PUBLISHED


def test_a_decision_to_publish_always_has_a_legal_basis(world, make_dataset):
    version = make_dataset().current_version
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonalDataDecision.objects.create(
            version=version, decision="publish", legal_basis="", by=world.coordinator
        )


def test_masking_the_personal_columns_lets_the_cleaned_version_be_published(
    world, make_dataset, upload, demo, django_capture_on_commit_callbacks
):
    dataset = make_dataset(status=Status.IN_REVIEW, file=False)
    version = upload(dataset, SOCIAL, demo[SOCIAL].content)
    masks = [
        s for s in services.latest_check(version).report["suggestedSteps"] if s["step"] == "mask"
    ]
    assert {s["field"] for s in masks} >= {"პირადი ნომერი", "ტელეფონი"}
    services.record_decision(world.coordinator, version, "mask")
    with django_capture_on_commit_callbacks(execute=True):
        cleaned = services.clean_version(
            world.editor, version, [{**s, "method": "redact"} for s in masks]
        )
    assert not services.latest_check(cleaned).has_personal_data
    _publish(dataset, world.coordinator)


def test_a_check_still_running_blocks_publication(world, make_dataset):
    dataset = make_dataset(status=Status.IN_REVIEW)
    CheckRun.objects.create(version=dataset.current_version, status=CheckRun.Status.RUNNING)
    assert any(
        "finished" in r or "დასრულებულა" in r for r in workflow.publication_blockers(dataset)
    )


def test_an_unreadable_file_is_told_on_the_page_and_blocks_publication(
    client, world, make_dataset, upload, demo
):
    dataset = make_dataset(status=Status.IN_REVIEW, file=False)
    broken = demo["kutaisi-budget-2022.xlsx"].content[:3000]
    version = upload(dataset, "budget.xlsx", broken)
    run = services.latest_check(version)
    assert run.status == CheckRun.Status.FAILED and run.error_code == "file_corrupt"
    client.force_login(world.editor)
    response = client.get(reverse("preparation:report", args=[run.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and "Traceback" not in page
    assert "ფაილი დაზიანებულია" in page
    assert (
        "damaged or truncated"
        in client.get(reverse("preparation:report", args=[run.pk]) + "?lang=en").content.decode()
    )
    assert workflow.publication_blockers(dataset)


def test_a_document_is_not_a_table_and_does_not_block(world, make_dataset, upload, demo):
    dataset = make_dataset(status=Status.IN_REVIEW, file=False)
    version = upload(dataset, "decisions.pdf", demo["kutaisi-council-decisions-2023.pdf"].content)
    assert services.latest_check(version).error_code == "file_binary"
    assert workflow.publication_blockers(dataset) == []


def test_a_fault_in_the_check_is_logged_and_told_plainly(
    client, world, make_dataset, upload, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services.engine, "check_file", broken)
    dataset = make_dataset(file=False)
    run = services.latest_check(upload(dataset, "t.csv", b"a,b\n1,2\n"))
    assert run.status == CheckRun.Status.FAILED and run.error_code == services.CHECK_CRASHED
    assert "disk on fire" in caplog.text
    client.force_login(world.editor)
    page = client.get(reverse("preparation:report", args=[run.pk]) + "?lang=en").content.decode()
    assert "internal error" in page and "disk on fire" not in page


def test_progress_is_written_at_most_every_interval(world, make_dataset, monkeypatch):
    run = CheckRun.objects.create(
        version=make_dataset().current_version, status=CheckRun.Status.RUNNING
    )
    clock = iter([0.0, 0.5, 1.0, 2.0, 2.5, 4.0])
    monkeypatch.setattr(services.time, "monotonic", lambda: next(clock))
    writer = services._ProgressWriter(run.pk)  # starts at 0.0
    seen = []
    for done in (10, 20, 30, 40, 50):
        writer(done, 100, done * 7)
        run.refresh_from_db()
        seen.append((run.progress, run.rows_done))
    assert seen == [(0, 0), (0, 0), (30, 210), (30, 210), (50, 350)]


def test_progress_counts_rows_where_the_engine_does(tmp_path):
    calls = []
    sheet = tmp_path / "t.json"
    sheet.write_text('[{"a": 1}, {"a": 2}]')
    services.engine.check_file(sheet, None, lambda *args: calls.append(args))
    assert calls and calls[-1] == (2, 2, 2)
    text = tmp_path / "t.csv"
    text.write_text("a\n1\n2\n")
    calls.clear()
    services.engine.check_file(text, None, lambda *args: calls.append(args))
    assert calls and calls[-1][2] is None


def test_a_run_queued_twice_is_run_once(world, make_dataset, monkeypatch):
    run = CheckRun.objects.create(version=make_dataset().current_version)
    calls = []
    real = services.engine.check_file
    monkeypatch.setattr(
        services.engine, "check_file", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    assert services.run_check(run.pk) == CheckRun.Status.DONE
    assert services.run_check(run.pk) == CheckRun.Status.DONE
    assert len(calls) == 1
