"""CKAN sync against a real CKAN 2.12: ids stored, uploads only when sha256 changes, zero
write calls when nothing changed, withdrawals, resumption without duplicates, retries."""

import hashlib
import io
import json
import urllib.request
import uuid

import pytest
import requests
from ckanapi import NotAuthorized, NotFound, RemoteCKAN

from ghia.catalog import services, workflow
from ghia.catalog.models import Status
from ghia.publishing.models import Publication, RemoteOrganization
from ghia.publishing.targets.ckan import CkanClient, CkanTarget

pytestmark = [pytest.mark.ckan, pytest.mark.django_db]


@pytest.fixture
def kutaisi(catalogue):
    """Kutaisi under a slug of its own: the portal lives for the whole session."""
    municipality = catalogue.world.kutaisi
    municipality.slug = f"kutaisi-{uuid.uuid4().hex[:8]}"
    municipality.save()
    return municipality


@pytest.fixture
def sysadmin(ckan_server):
    return RemoteCKAN(ckan_server.url, apikey=ckan_server.api_token)


@pytest.fixture
def anonymous(ckan_server):
    return RemoteCKAN(ckan_server.url)


def target(ckan_server, remote=None, **options) -> CkanTarget:
    options.setdefault("sleep", lambda seconds: None)
    client = CkanClient(ckan_server.url, ckan_server.api_token, remote=remote, **options)
    return CkanTarget(ckan_server.url, client=client)


def org_packages(sysadmin, municipality) -> list[dict]:
    org = RemoteOrganization.objects.get(municipality=municipality)
    return sysadmin.action.package_search(
        fq=f'owner_org:"{org.remote_id}"', include_private=True, rows=100
    )["results"]


def sha256_of(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return hashlib.sha256(response.read()).hexdigest()


def test_publish_then_nothing_changed_makes_zero_write_calls(
    ckan_server, kutaisi, catalogue, anonymous
):
    first = target(ckan_server)
    plan = first.publish(kutaisi)
    assert plan.counts() == {"create": 3, "upload": 2}  # organization, 2 packages, 2 files
    assert not plan.failed

    publication = Publication.objects.get(dataset=catalogue.budget, target=first.key)
    package = anonymous.action.package_show(id=publication.remote_id)
    assert package["name"] == f"{kutaisi.slug}-{catalogue.budget.slug}"
    assert package["title"] == "ბიუჯეტის შესრულება"
    assert package["notes"] == "ქალაქის ბიუჯეტის შესრულება წლების მიხედვით."
    assert package["license_id"] == "cc-by"
    assert package["organization"]["title"] == "ქუთაისი"
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert extras["ghia_id"] == str(catalogue.budget.id)
    assert json.loads(extras["title_translated"]) == {
        "ka": "ბიუჯეტის შესრულება",
        "en": "Budget execution",
    }
    assert json.loads(extras["tags_translated"]) == {
        "ka": ["ბიუჯეტი", "ფინანსები"],
        "en": ["budget", "finance"],
    }
    assert {t["name"] for t in package["tags"]} == {"ბიუჯეტი", "ფინანსები"}
    (resource,) = package["resources"]
    assert resource["hash"] == catalogue.budget.current_version.sha256
    assert resource["format"] == "CSV"
    assert resource["url"].endswith("/budget.csv")
    assert sha256_of(resource["url"]) == catalogue.budget.current_version.sha256
    assert (
        publication.files[str(catalogue.budget.distributions.get().id)]["remote_id"]
        == resource["id"]
    )
    assert publication.state == Publication.State.PUBLISHED and publication.published_at

    second = target(ckan_server)
    assert not second.plan(kutaisi)
    assert not second.publish(kutaisi)
    assert second.client.writes == 0
    assert sum(second.client.calls.values()) == 0


def test_only_a_changed_file_is_uploaded(ckan_server, kutaisi, catalogue, anonymous):
    target(ckan_server).publish(kutaisi)
    services.add_version(
        catalogue.world.admin,
        catalogue.budget,
        io.BytesIO(b"year,amount\n2024,95000\n"),
        "budget.csv",
    )
    again = target(ckan_server)
    plan = again.publish(kutaisi)
    assert [(a.verb, a.what) for a in plan.actions] == [("upload", "resource")]
    assert again.client.writes == 1
    publication = Publication.objects.get(dataset=catalogue.budget, target=again.key)
    (resource,) = anonymous.action.package_show(id=publication.remote_id)["resources"]
    assert sha256_of(resource["url"]) == catalogue.budget.current_version.sha256


def test_metadata_change_patches_and_rename_keeps_the_package(
    ckan_server, kutaisi, catalogue, anonymous
):
    first = target(ckan_server)
    first.publish(kutaisi)
    remote_id = Publication.objects.get(dataset=catalogue.budget, target=first.key).remote_id
    dataset = services.update_dataset(
        catalogue.world.admin,
        catalogue.budget,
        title={"ka": "ბიუჯეტი წლების მიხედვით", "en": "Budget by year"},
    )
    again = target(ckan_server)
    assert [(a.verb, a.what) for a in again.publish(kutaisi).actions] == [("update", "package")]
    package = anonymous.action.package_show(id=remote_id)
    assert package["name"] == f"{kutaisi.slug}-{dataset.slug}"
    assert package["title"] == "ბიუჯეტი წლების მიხედვით"
    assert (
        len(org_packages(RemoteCKAN(ckan_server.url, apikey=ckan_server.api_token), kutaisi)) == 2
    )


def test_withdrawn_dataset_is_removed_and_can_come_back(
    ckan_server, kutaisi, catalogue, anonymous, sysadmin
):
    first = target(ckan_server)
    first.publish(kutaisi)
    publication = Publication.objects.get(dataset=catalogue.budget, target=first.key)
    workflow.transition(catalogue.world.admin, catalogue.budget, Status.WITHDRAWN)
    plan = target(ckan_server).publish(kutaisi)
    assert [(a.verb, a.what) for a in plan.actions] == [("delete", "package")]
    with pytest.raises((NotAuthorized, NotFound)):
        anonymous.action.package_show(id=publication.remote_id)
    publication.refresh_from_db()
    assert publication.state == Publication.State.WITHDRAWN

    workflow.transition(catalogue.world.admin, catalogue.budget, Status.PUBLISHED)
    target(ckan_server).publish(kutaisi)
    assert anonymous.action.package_show(id=publication.remote_id)["state"] == "active"
    assert len(org_packages(sysadmin, kutaisi)) == 2


class Crash(BaseException):
    """The process dies: nothing after the call runs."""


class CrashAfter:
    """A ckanapi client that lets one call reach CKAN and then dies before its answer is used."""

    def __init__(self, remote, action: str):
        self.remote, self.action, self.crashed = remote, action, False

    def call_action(self, action, data=None, **kwargs):
        result = self.remote.call_action(action, data, **kwargs)
        if action == self.action and not self.crashed:
            self.crashed = True
            raise Crash(action)
        return result


@pytest.mark.parametrize("action", ["package_create", "resource_create", "organization_create"])
def test_an_interrupted_sync_resumes_without_duplicates(
    ckan_server, kutaisi, catalogue, sysadmin, action
):
    crashing = CrashAfter(RemoteCKAN(ckan_server.url, apikey=ckan_server.api_token), action)
    with pytest.raises(Crash):
        target(ckan_server, remote=crashing).publish(kutaisi)
    resumed = target(ckan_server)
    assert not resumed.publish(kutaisi).failed
    packages = org_packages(sysadmin, kutaisi)
    assert len(packages) == 2
    assert all(len(p["resources"]) == 1 for p in packages)
    stored = set(Publication.objects.filter(target=resumed.key).values_list("remote_id", flat=True))
    assert stored == {p["id"] for p in packages}
    assert not target(ckan_server).plan(kutaisi)


class Flaky:
    """Network errors on the first attempts of every action; a lost answer for creates."""

    def __init__(self, remote, failures: int = 2):
        self.remote, self.failures, self.seen = remote, failures, {}

    def call_action(self, action, data=None, **kwargs):
        self.seen[action] = self.seen.get(action, 0) + 1
        if self.seen[action] <= self.failures:
            if action.endswith("_create"):
                self.remote.call_action(action, data, **kwargs)  # done, but the answer is lost
            raise requests.ConnectionError("connection reset")
        return self.remote.call_action(action, data, **kwargs)


def test_network_errors_are_retried_with_backoff_without_duplicates(
    ckan_server, kutaisi, catalogue, sysadmin
):
    waits = []
    flaky = Flaky(RemoteCKAN(ckan_server.url, apikey=ckan_server.api_token))
    plan = target(ckan_server, remote=flaky, sleep=waits.append, backoff=0.5).publish(kutaisi)
    assert not plan.failed
    assert waits[:2] == [0.5, 1.0]
    assert len(org_packages(sysadmin, kutaisi)) == 2
    assert all(len(p["resources"]) == 1 for p in org_packages(sysadmin, kutaisi))


def test_giving_up_after_the_retries(ckan_server, kutaisi, catalogue):
    flaky = Flaky(RemoteCKAN(ckan_server.url, apikey=ckan_server.api_token), failures=100)
    with pytest.raises(requests.ConnectionError):
        target(ckan_server, remote=flaky, retries=2).publish(kutaisi)


def test_a_name_taken_by_someone_else_fails_that_dataset_only(
    ckan_server, kutaisi, catalogue, sysadmin
):
    org = sysadmin.action.organization_create(name=kutaisi.slug)
    sysadmin.action.package_create(
        name=f"{kutaisi.slug}-{catalogue.budget.slug}", owner_org=org["id"]
    )
    plan = target(ckan_server).publish(kutaisi)
    assert list(plan.failed) == [catalogue.budget.slug]
    budget = Publication.objects.get(dataset=catalogue.budget)
    assert budget.state == Publication.State.FAILED and "ValidationError" in budget.message
    assert Publication.objects.get(dataset=catalogue.buses).state == Publication.State.PUBLISHED


def test_cli_dry_run_prints_the_plan_and_writes_nothing(
    ckan_server, kutaisi, catalogue, capsys, monkeypatch, anonymous, tmp_path
):
    from ghia.cli import main

    def publish(*options: str) -> int:
        return main(
            ["publish", "ckan", "--url", ckan_server.url, "--municipality", kutaisi.slug,
             *options, "--lang", "en"]
        )  # fmt: skip

    monkeypatch.delenv("GHIA_CKAN_TOKEN", raising=False)
    code = publish("--dry-run")
    out = capsys.readouterr().out
    assert code == 0
    assert f"create organization {kutaisi.slug}" in out
    assert f"create package {catalogue.budget.slug}" in out
    assert f"upload resource {catalogue.budget.slug}/budget.csv" in out
    assert "Write calls to the portal: 0" in out
    with pytest.raises((NotFound, NotAuthorized)):
        anonymous.action.organization_show(id=kutaisi.slug)

    assert publish() == 2
    token = tmp_path / "token"
    token.write_text(ckan_server.api_token + "\n")
    assert publish("--token-file", str(token)) == 0
    assert "Write calls to the portal: 5" in capsys.readouterr().out
    monkeypatch.setenv("GHIA_CKAN_TOKEN", ckan_server.api_token)
    assert publish() == 0
    assert "Write calls to the portal: 0" in capsys.readouterr().out
