"""ghia verify: each kind of disagreement between the catalogue, the website and the portal
is found and reported; agreement exits 0."""

import functools
import http.server
import io
import json
import threading
import uuid

import pytest
from ckanapi import RemoteCKAN

from ghia.catalog import workflow
from ghia.catalog.models import Status
from ghia.cli import main
from ghia.publishing.models import Publication
from ghia.publishing.site import build
from ghia.publishing.targets.ckan import CkanClient, CkanTarget

pytestmark = pytest.mark.django_db


def run(capsys, *args) -> tuple[int, dict]:
    code = main(["verify", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def problems(report: dict, dataset) -> list[str]:
    entry = next(d for d in report["datasets"] if d["id"] == str(dataset.id))
    return [p["code"] for target in entry["targets"].values() for p in target["problems"]]


@pytest.fixture
def site(catalogue, tmp_path):
    out = tmp_path / "site"
    build(out, catalogue.world.kutaisi)
    return out


def test_an_agreeing_website(site, catalogue, capsys):
    code, report = run(capsys, "--site", str(site))
    assert code == 0 and report["ok"] and report["version"] == 1
    assert report["summary"]["disagree"] == 0
    assert {d["slug"] for d in report["datasets"]} == {catalogue.budget.slug, catalogue.buses.slug}
    publication = Publication.objects.get(dataset=catalogue.budget, kind="site")
    assert publication.verified_ok is True and publication.verified_at is not None


def test_a_dataset_missing_from_the_website(site, catalogue, capsys):
    (site / f"doc/dataset/{catalogue.buses.slug}/index.html").unlink()
    code, report = run(capsys, "--site", str(site))
    assert code == 1 and not report["ok"]
    assert problems(report, catalogue.buses) == ["missing"]
    assert problems(report, catalogue.budget) == []
    publication = Publication.objects.get(dataset=catalogue.buses, kind="site")
    assert publication.verified_ok is False and publication.problems[0]["code"] == "missing"


def test_a_withdrawn_dataset_still_on_the_website(site, catalogue, capsys):
    workflow.transition(catalogue.world.admin, catalogue.budget, Status.WITHDRAWN)
    code, report = run(capsys, "--site", str(site))
    assert code == 1 and problems(report, catalogue.budget) == ["still_online"]
    build(site, catalogue.world.kutaisi)
    assert run(capsys, "--site", str(site))[0] == 0


def test_a_replaced_file_and_a_broken_link_on_the_website(site, catalogue, capsys):
    version = catalogue.budget.current_version
    data = site / f"files/{version.id}/budget.csv"
    data.unlink()  # a hard link to the stored version: replace it, never write through it
    data.write_bytes(b"year,amount\n2020,1\n")
    (site / f"doc/dataset/{catalogue.budget.slug}/datapackage.json").unlink()
    code, report = run(capsys, "--site", str(site))
    assert code == 1
    assert sorted(problems(report, catalogue.budget)) == ["broken_link", "checksum"]
    checksum = next(
        p
        for d in report["datasets"]
        for t in d["targets"].values()
        for p in t["problems"]
        if p["code"] == "checksum"
    )
    assert checksum["expected"] == version.sha256 and checksum["message"]["en"].startswith(
        "The file differs"
    )


def test_a_title_changed_on_the_website(site, catalogue, capsys):
    page = site / f"doc/dataset/{catalogue.buses.slug}/index.html"
    page.write_text(page.read_text().replace('"Bus routes"', '"Bus lines"'))
    code, report = run(capsys, "--site", str(site))
    assert problems(report, catalogue.buses) == ["title"]


def test_the_human_table(site, catalogue, capsys):
    (site / f"doc/dataset/{catalogue.buses.slug}/index.html").unlink()
    assert main(["verify", "--site", str(site), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"{catalogue.buses.slug}" in out and "✗" in out and "✓" in out
    assert "Not published here" in out
    assert "1 disagree" in out


def test_a_website_over_http(site, catalogue, capsys):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/"
        code, report = run(capsys, "--site", url)
        assert code == 0, report
        (site / f"doc/dataset/{catalogue.buses.slug}/index.html").unlink()
        code, report = run(capsys, "--site", url)
        assert code == 1 and problems(report, catalogue.buses) == ["missing"]
    finally:
        server.shutdown()
        server.server_close()


def test_nothing_to_verify_is_a_usage_error(catalogue, capsys):
    assert main(["verify"]) == 2


def test_a_missing_website_is_reported(catalogue, tmp_path, capsys):
    code, report = run(capsys, "--site", str(tmp_path / "nothing"), "--municipality", "kutaisi")
    assert code == 1 and report["targets"][0]["error"]
    import socket

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    code, report = run(capsys, "--site", f"http://127.0.0.1:{port}/", "--municipality", "kutaisi")
    assert code == 1 and "127.0.0.1" in report["targets"][0]["error"]


@pytest.fixture
def portal(ckan_server, catalogue):
    """Kutaisi published to the real CKAN, under a slug of its own for this test."""
    kutaisi = catalogue.world.kutaisi
    kutaisi.slug = f"kutaisi-{uuid.uuid4().hex[:8]}"
    kutaisi.save()
    client = CkanClient(ckan_server.url, ckan_server.api_token, sleep=lambda s: None)
    assert not CkanTarget(ckan_server.url, client=client).publish(kutaisi).failed
    return RemoteCKAN(ckan_server.url, apikey=ckan_server.api_token)


def remote_id(ckan_server, dataset) -> str:
    return Publication.objects.get(dataset=dataset, target=f"ckan:{ckan_server.url}").remote_id


@pytest.mark.ckan
def test_portal_disagreements(ckan_server, catalogue, portal, capsys):
    args = ("--ckan", ckan_server.url, "--municipality", catalogue.world.kutaisi.slug)
    code, report = run(capsys, *args)
    assert code == 0, report

    # A file replaced on the portal, a licence changed on the portal.
    budget = portal.action.package_show(id=remote_id(ckan_server, catalogue.budget))
    portal.call_action(
        "resource_patch",
        {"id": budget["resources"][0]["id"]},
        files={"upload": ("budget.csv", io.BytesIO(b"year\n1999\n"))},
    )
    portal.action.package_patch(id=remote_id(ckan_server, catalogue.buses), license_id="odc-odbl")
    code, report = run(capsys, *args)
    assert code == 1
    assert problems(report, catalogue.budget) == ["checksum"]
    assert problems(report, catalogue.buses) == ["licence"]
    licence = next(
        p
        for d in report["datasets"]
        for t in d["targets"].values()
        for p in t["problems"]
        if p["code"] == "licence"
    )
    assert (licence["expected"], licence["found"]) == ("CC-BY-4.0", "ODbL-1.0")


@pytest.mark.ckan
def test_portal_presence_and_absence(ckan_server, catalogue, portal, capsys):
    args = ("--ckan", ckan_server.url, "--municipality", catalogue.world.kutaisi.slug)
    portal.action.package_delete(id=remote_id(ckan_server, catalogue.buses))
    workflow.transition(
        catalogue.world.admin, catalogue.budget, Status.WITHDRAWN
    )  # not synchronised yet
    code, report = run(capsys, *args)
    assert code == 1
    assert problems(report, catalogue.buses) == ["missing"]
    assert problems(report, catalogue.budget) == ["still_online"]
    assert Publication.objects.get(dataset=catalogue.budget, kind="ckan").verified_ok is False


@pytest.mark.ckan
def test_site_and_portal_together(ckan_server, catalogue, portal, site, capsys):
    code, report = run(
        capsys,
        "--site",
        str(site),
        "--ckan",
        ckan_server.url,
        "--municipality",
        catalogue.world.kutaisi.slug,
    )
    assert code == 0, report
    assert all(len(d["targets"]) == 2 for d in report["datasets"])
