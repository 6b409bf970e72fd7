"""Publishing from the workspace: the coordinator publishes, withdraws and verifies; the
work runs as a background job whose progress and result the pages show."""

import uuid

import pytest

from ghia.catalog.models import Status
from ghia.publishing.models import Job, Publication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def targets(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.GHIA_SITE_ROOT = tmp_path / "sites"
    settings.GHIA_BUNDLE_ROOT = tmp_path / "bundles"
    settings.GHIA_CKAN_URL = ""
    return tmp_path


@pytest.fixture
def coordinator(client, catalogue):
    client.force_login(catalogue.world.coordinator)
    return client


def post(client, url, capture, **data):
    with capture(execute=True):
        return client.post(url, data)


def test_overview_shows_each_target_state(coordinator, catalogue, targets):
    page = coordinator.get("/workspace/publishing/")
    assert page.status_code == 200
    text = page.content.decode()
    assert catalogue.budget.slug in str(page.context["rows"]) or "ბიუჯეტის შესრულება" in text
    assert f"site:{targets / 'sites' / 'kutaisi'}" in text
    assert catalogue.draft.title["ka"] in text  # in review: ready to publish


def test_coordinator_publishes_and_the_job_updates_every_target(
    coordinator, catalogue, targets, django_capture_on_commit_callbacks
):
    response = post(
        coordinator,
        f"/workspace/publishing/datasets/{catalogue.draft.pk}/publish/",
        django_capture_on_commit_callbacks,
    )
    job = Job.objects.get()
    assert response["Location"] == f"/workspace/publishing/jobs/{job.pk}/"
    job.refresh_from_db()
    assert (job.status, job.ok, job.percent) == (Job.Status.DONE, True, 100)
    catalogue.draft.refresh_from_db()
    assert catalogue.draft.status == Status.PUBLISHED
    assert (targets / f"sites/kutaisi/doc/dataset/{catalogue.draft.slug}/index.html").exists()
    assert (targets / "bundles/kutaisi.zip").exists()
    kinds = set(
        Publication.objects.filter(dataset=catalogue.draft, state="published").values_list(
            "kind", flat=True
        )
    )
    assert kinds == {"site", "bundle"}
    page = coordinator.get(f"/workspace/publishing/jobs/{job.pk}/").content.decode()
    assert 'http-equiv="refresh"' not in page and 'value="100"' in page
    detail = coordinator.get(
        f"/workspace/publishing/datasets/{catalogue.draft.pk}/"
    ).content.decode()
    assert f"doc/dataset/{catalogue.draft.slug}" in detail


def test_verify_then_withdraw(coordinator, catalogue, targets, django_capture_on_commit_callbacks):
    post(coordinator, "/workspace/publishing/kutaisi/publish/", django_capture_on_commit_callbacks)
    post(coordinator, "/workspace/publishing/kutaisi/verify/", django_capture_on_commit_callbacks)
    job = Job.objects.filter(action="verify").get()
    assert job.ok and job.report["summary"]["disagree"] == 0
    assert Publication.objects.get(dataset=catalogue.budget, kind="site").verified_ok is True
    assert "✓" in coordinator.get(f"/workspace/publishing/jobs/{job.pk}/").content.decode()

    post(
        coordinator,
        f"/workspace/publishing/datasets/{catalogue.budget.pk}/withdraw/",
        django_capture_on_commit_callbacks,
        note="out of date",
    )
    catalogue.budget.refresh_from_db()
    assert catalogue.budget.status == Status.WITHDRAWN
    page = (targets / f"sites/kutaisi/doc/dataset/{catalogue.budget.slug}/index.html").read_text()
    assert "data-ghia-withdrawn" in page


def test_a_failed_verification_shows_what_disagrees(
    coordinator, catalogue, targets, django_capture_on_commit_callbacks
):
    post(coordinator, "/workspace/publishing/kutaisi/publish/", django_capture_on_commit_callbacks)
    (targets / f"sites/kutaisi/doc/dataset/{catalogue.buses.slug}/index.html").unlink()
    post(coordinator, "/workspace/publishing/kutaisi/verify/", django_capture_on_commit_callbacks)
    job = Job.objects.filter(action="verify").get()
    assert job.ok is False
    detail = coordinator.get(
        f"/workspace/publishing/datasets/{catalogue.buses.pk}/"
    ).content.decode()
    assert "✗" in detail
    assert (
        Publication.objects.get(dataset=catalogue.buses, kind="site").problems[0]["code"]
        == "missing"
    )


def test_only_coordinators_publish(client, catalogue, django_capture_on_commit_callbacks):
    for person in (
        catalogue.world.viewer,
        catalogue.world.editor,
        catalogue.world.other_coordinator,
    ):
        client.force_login(person)
        response = post(
            client,
            f"/workspace/publishing/datasets/{catalogue.draft.pk}/publish/",
            django_capture_on_commit_callbacks,
        )
        assert response.status_code in (403, 404), person
        assert post(
            client, "/workspace/publishing/kutaisi/verify/", django_capture_on_commit_callbacks
        ).status_code in (403, 404)
    assert not Job.objects.exists()
    client.force_login(catalogue.world.outsider)
    assert client.get("/workspace/publishing/").status_code == 403
    client.logout()
    assert client.get("/workspace/publishing/").status_code == 302


def test_a_publication_blocked_by_the_workflow_says_why(
    coordinator, catalogue, django_capture_on_commit_callbacks
):
    response = post(
        coordinator,
        f"/workspace/publishing/datasets/{catalogue.buses.pk}/publish/",
        django_capture_on_commit_callbacks,
    )
    assert response["Location"] == f"/workspace/publishing/datasets/{catalogue.buses.pk}/"
    assert not Job.objects.exists()


def test_a_queued_job_refreshes_its_page(coordinator, catalogue):
    job = Job.objects.create(
        action="publish",
        municipality=catalogue.world.kutaisi,
        created_by=catalogue.world.coordinator,
    )
    page = coordinator.get(f"/workspace/publishing/jobs/{job.pk}/").content.decode()
    assert 'http-equiv="refresh"' in page


def test_uri_policy_and_bundle_pages(coordinator, catalogue, django_capture_on_commit_callbacks):
    page = coordinator.get("/workspace/publishing/uris/").content.decode()
    assert "https://data.kutaisi.gov.ge/id/dataset/" in page and "/id/dataset/kutaisi/" in page
    assert coordinator.get("/workspace/publishing/kutaisi/bundle.zip").status_code == 404
    post(coordinator, "/workspace/publishing/kutaisi/publish/", django_capture_on_commit_callbacks)
    bundle = coordinator.get("/workspace/publishing/kutaisi/bundle.zip")
    assert bundle.status_code == 200 and bundle["Content-Type"] == "application/zip"


@pytest.mark.ckan
def test_publishing_from_the_web_reaches_the_portal(
    coordinator, catalogue, ckan_server, settings, django_capture_on_commit_callbacks
):
    from ckanapi import RemoteCKAN

    kutaisi = catalogue.world.kutaisi
    kutaisi.slug = f"kutaisi-{uuid.uuid4().hex[:8]}"
    kutaisi.save()
    settings.GHIA_CKAN_URL = ckan_server.url
    settings.GHIA_CKAN_TOKEN = ckan_server.api_token
    post(
        coordinator,
        f"/workspace/publishing/datasets/{catalogue.draft.pk}/publish/",
        django_capture_on_commit_callbacks,
    )
    assert Job.objects.get().ok
    publication = Publication.objects.get(dataset=catalogue.draft, kind="ckan")
    package = RemoteCKAN(ckan_server.url).action.package_show(id=publication.remote_id)
    assert package["title"] == catalogue.draft.title["ka"]
