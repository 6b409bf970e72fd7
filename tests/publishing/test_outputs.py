"""schema.org JSON-LD, data.json (Project Open Data 1.1) and the Data Package."""

import json

import pytest
from frictionless import Package

from ghia.publishing import datajson, records, schemaorg
from ghia.publishing.datapackage import datapackage

pytestmark = pytest.mark.django_db


def test_schema_org_dataset(catalogue):
    record = records.record(catalogue.budget)
    document = schemaorg.dataset(record, "https://ghia.example")
    assert document["@type"] == "Dataset"
    assert document["@id"] == record.uri
    assert document["identifier"] == str(catalogue.budget.id)
    assert {"@language": "ka", "@value": "ბიუჯეტის შესრულება"} in document["name"]
    assert {"@language": "en", "@value": "Budget execution"} in document["name"]
    assert (
        document["license"] == "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
    )
    download = document["distribution"][0]
    assert download["sha256"] == catalogue.budget.current_version.sha256
    assert download["contentUrl"].startswith("https://ghia.example/files/")
    assert document["temporalCoverage"] == "2020-01-01/2023-12-31"


def test_schema_org_script_cannot_be_closed_by_data(catalogue):
    record = records.record(catalogue.budget)
    document = schemaorg.dataset(record, "https://ghia.example")
    document["name"][0]["@value"] = "</script><script>alert(1)</script>"
    script = schemaorg.script(document)
    assert script.count("</script>") == 1
    body = script.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert json.loads(body)["name"][0]["@value"] == "</script><script>alert(1)</script>"


def test_schema_org_template(catalogue, rf):
    from django.template.loader import render_to_string

    request = rf.get("/")
    html = render_to_string(
        "publishing/_schema_org.html", {"dataset": catalogue.budget, "request": request}
    )
    assert html.strip().startswith('<script type="application/ld+json">')
    assert "http://testserver/files/" in html


def test_data_json(catalogue, client):
    document = client.get("/data.json").json()
    assert document["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    by_title = {d["title"]: d for d in document["dataset"]}
    assert set(by_title) == {"ბიუჯეტის შესრულება", "ავტობუსების მარშრუტები", "სკოლები"}
    budget = by_title["ბიუჯეტის შესრულება"]
    for required in (
        "title",
        "description",
        "keyword",
        "modified",
        "publisher",
        "contactPoint",
        "identifier",
        "accessLevel",
    ):
        assert budget[required], required
    assert budget["accrualPeriodicity"] == "R/P1Y"
    assert budget["temporal"] == "2020-01-01/2023-12-31"
    assert budget["contactPoint"]["hasEmail"] == "mailto:finance@kutaisi.gov.ge"
    assert budget["distribution"][0]["downloadURL"].startswith("http://testserver/files/")
    kutaisi = client.get("/doc/catalog/kutaisi/data.json").json()
    assert len(kutaisi["dataset"]) == 2
    buses = datajson.dataset(records.record(catalogue.buses), "https://x")
    assert buses["distribution"][0]["describedBy"].endswith(".json")


def test_data_package_is_valid(catalogue, client):
    descriptor = client.get(f"/doc/dataset/kutaisi/{catalogue.budget.slug}/datapackage.json").json()
    assert Package.validate_descriptor(descriptor).valid
    resource = descriptor["resources"][0]
    assert resource["hash"] == f"sha256:{catalogue.budget.current_version.sha256}"
    assert descriptor["title_translated"] == {"ka": "ბიუჯეტის შესრულება", "en": "Budget execution"}
    tabular = datapackage(records.record(catalogue.buses), "https://x")
    assert tabular["profile"] == "tabular-data-package"
    assert tabular["resources"][0]["schema"]["fields"][1] == {"name": "b", "type": "string"}
    assert Package.validate_descriptor(tabular).valid
    old_slug = catalogue.buses.old_slugs.get().slug
    moved = client.get(f"/doc/dataset/kutaisi/{old_slug}/datapackage.json")
    assert moved.status_code == 301
    assert (
        client.get(f"/doc/dataset/kutaisi/{catalogue.old.slug}/datapackage.json").status_code == 410
    )
