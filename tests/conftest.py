"""Shared fixtures: two municipalities, one person for each role, and a dataset factory."""

import io
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.harness.fixtures import ckan_server, postgres_cluster  # noqa: F401  (fixtures for other tests)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins
    # Background tasks (file checks, publishing) run at once instead of waiting for a worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def world(db):
    """Kutaisi and Akhaltsikhe with two services each and a person in every role."""
    from ghia.catalog.models import Municipality, Role, Service
    from ghia.catalog.services import grant_role

    User = get_user_model()
    ns = type("World", (), {})()
    ns.kutaisi = Municipality.objects.create(
        slug="kutaisi", name={"ka": "ქუთაისი", "en": "Kutaisi"}, base_uri="https://data.kutaisi.gov.ge"
    )
    ns.akhaltsikhe = Municipality.objects.create(
        slug="akhaltsikhe", name={"ka": "ახალციხე", "en": "Akhaltsikhe"}, base_uri="https://data.akhaltsikhe.gov.ge"
    )
    ns.finance = Service.objects.create(municipality=ns.kutaisi, code="finance", name={"ka": "საფინანსო სამსახური", "en": "Finance service"})
    ns.transport = Service.objects.create(municipality=ns.kutaisi, code="transport", name={"ka": "ტრანსპორტის სამსახური", "en": "Transport service"})
    ns.a_finance = Service.objects.create(municipality=ns.akhaltsikhe, code="finance", name={"ka": "ფინანსური სამსახური", "en": "Finance service"})

    def person(username, role, municipality=None, services=()):
        user = User.objects.create_user(username, password="pw-" + username)
        grant_role(user, role, municipality, services)
        return user

    ns.admin = person("admin", Role.ADMINISTRATOR)
    ns.coordinator = person("k-coordinator", Role.COORDINATOR, ns.kutaisi)
    ns.editor = person("k-editor", Role.EDITOR, ns.kutaisi, [ns.finance])
    ns.editor_transport = person("k-editor-transport", Role.EDITOR, ns.kutaisi, [ns.transport])
    ns.viewer = person("k-viewer", Role.VIEWER, ns.kutaisi)
    ns.other_coordinator = person("a-coordinator", Role.COORDINATOR, ns.akhaltsikhe)
    ns.outsider = User.objects.create_user("outsider", password="pw-outsider")
    return ns


@pytest.fixture
def make_dataset(world):
    """Create a dataset through the services, optionally with a file and in a given status."""
    from ghia.catalog import services, workflow
    from ghia.catalog.models import Status

    path = {
        Status.PLANNED: [],
        Status.IN_PREPARATION: [Status.IN_PREPARATION],
        Status.IN_REVIEW: [Status.IN_PREPARATION, Status.IN_REVIEW],
        Status.PUBLISHED: [Status.IN_PREPARATION, Status.IN_REVIEW, Status.PUBLISHED],
        Status.WITHDRAWN: [Status.IN_PREPARATION, Status.IN_REVIEW, Status.PUBLISHED, Status.WITHDRAWN],
    }

    def make(title_ka="ბიუჯეტი 2024", title_en="Budget 2024", service=None, status=Status.PLANNED, file=True, **fields):
        service = service or world.finance
        actor = world.admin
        dataset = services.create_dataset(actor, service=service, title={"ka": title_ka, "en": title_en}, **fields)
        if file:
            services.add_version(actor, dataset, io.BytesIO(f"a,b\n1,{title_en}\n".encode()), "data.csv")
        for step in path[status]:
            workflow.transition(actor, dataset, step)
        dataset.refresh_from_db()
        return dataset

    return make
