"""The real CKAN 2.12 of the test harness, driven through its action API with ckanapi."""

import hashlib
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
from ckanapi import NotAuthorized, NotFound, RemoteCKAN, SearchQueryError

pytestmark = pytest.mark.ckan

UPLOAD_MB = 11  # over CKAN's default 10 MB limit, which the harness raises


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def sysadmin(ckan_server):
    with RemoteCKAN(ckan_server.url, apikey=ckan_server.api_token) as remote:
        yield remote


@pytest.fixture
def anonymous(ckan_server):
    with RemoteCKAN(ckan_server.url) as remote:
        yield remote


def test_dataset_lifecycle_with_bilingual_extras_and_a_large_upload(
    ckan_server, sysadmin, anonymous, tmp_path
):
    org = sysadmin.action.organization_create(name=unique("kutaisi"), title="ქუთაისის მერია")
    extras = [
        {"key": "title_ka", "value": "ქალაქის ბიუჯეტი"},
        {"key": "title_en", "value": "City budget"},
    ]
    dataset = sysadmin.action.package_create(
        name=unique("budget"), title="City budget", owner_org=org["id"], extras=extras
    )
    data = tmp_path / "budget.csv"
    data.write_bytes(b"year,amount\n" + b"2024,1000\n" * (UPLOAD_MB * 1024 * 1024 // 10))
    with open(data, "rb") as upload:
        resource = sysadmin.action.resource_create(
            package_id=dataset["id"], name="Budget", format="CSV", upload=upload
        )

    assert resource["url_type"] == "upload"
    assert resource["url"].startswith(f"{ckan_server.url}/dataset/{dataset['id']}/resource/")
    with urllib.request.urlopen(resource["url"]) as response:
        downloaded = hashlib.sha256(response.read()).hexdigest()
    assert downloaded == hashlib.sha256(data.read_bytes()).hexdigest()

    sysadmin.action.package_patch(id=dataset["id"], notes="ბიუჯეტის შესრულება")
    shown = anonymous.action.package_show(id=dataset["name"])
    assert shown["notes"] == "ბიუჯეტის შესრულება"
    assert {e["key"]: e["value"] for e in shown["extras"]} == {
        "title_ka": "ქალაქის ბიუჯეტი",
        "title_en": "City budget",
    }
    assert [r["id"] for r in shown["resources"]] == [resource["id"]]
    assert shown["resources"][0]["size"] == data.stat().st_size

    sysadmin.action.package_delete(id=dataset["id"])
    assert sysadmin.action.package_show(id=dataset["id"])["state"] == "deleted"
    with pytest.raises(NotAuthorized):
        anonymous.action.package_show(id=dataset["id"])


def test_package_search_by_organization_respects_privacy(sysadmin, anonymous):
    kutaisi = sysadmin.action.organization_create(name=unique("kutaisi"))
    akhaltsikhe = sysadmin.action.organization_create(name=unique("akhaltsikhe"))
    public = sysadmin.action.package_create(name=unique("roads"), owner_org=kutaisi["id"])
    private = sysadmin.action.package_create(
        name=unique("staff"), owner_org=kutaisi["id"], private=True
    )
    sysadmin.action.package_create(name=unique("schools"), owner_org=akhaltsikhe["id"])

    def names(remote, **search):
        return {d["name"] for d in remote.action.package_search(**search)["results"]}

    by_org = f'owner_org:"{kutaisi["id"]}"'
    assert names(anonymous, fq=by_org) == {public["name"]}
    assert names(sysadmin, fq=by_org, include_private=True) == {public["name"], private["name"]}
    assert names(anonymous, fq=f"organization:{akhaltsikhe['name']}", q="schools") != set()
    assert names(anonymous, q=public["name"]) == {public["name"]}
    assert sysadmin.action.organization_show(id=kutaisi["id"])["package_count"] == 2
    with pytest.raises(SearchQueryError):
        anonymous.action.package_search(fq="metadata_modified:[NOW-1DAY TO NOW]")


def test_an_organization_admin_creates_datasets_in_their_organization_only(ckan_server, sysadmin):
    editor = sysadmin.action.user_create(
        name=unique("editor"), email=f"{unique('editor')}@ghia.test", password=uuid.uuid4().hex
    )
    own = sysadmin.action.organization_create(name=unique("own"))
    other = sysadmin.action.organization_create(name=unique("other"))
    sysadmin.action.organization_member_create(id=own["id"], username=editor["name"], role="admin")
    token = sysadmin.action.api_token_create(user=editor["name"], name="tests")["token"]

    with RemoteCKAN(ckan_server.url, apikey=token) as remote:
        created = remote.action.package_create(name=unique("parks"), owner_org=own["id"])
        assert created["organization"]["name"] == own["name"]
        with pytest.raises(NotAuthorized):
            remote.action.package_create(name=unique("parks"), owner_org=other["id"])
        with pytest.raises(NotFound):
            remote.action.package_show(id=unique("missing"))


def test_install_command_is_quick_once_installed(ckan_server):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "tests.harness.ckan", "install"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 5
