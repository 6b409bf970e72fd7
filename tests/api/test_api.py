import pytest

from ghia.catalog.models import Status

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_the_endpoints(client, world):
    doc = client.get("/api/openapi.json").json()
    assert doc["info"]["title"] == "Ghia API"
    assert {"/api/datasets", "/api/datasets/{dataset_id}", "/api/municipalities", "/api/themes", "/api/licences"} <= set(doc["paths"])
    assert all(set(ops) == {"get"} for ops in doc["paths"].values())  # read-only


def test_dataset_list_and_detail(client, world, make_dataset):
    dataset = make_dataset("საბავშვო ბაღები", "Kindergartens", status=Status.PUBLISHED, theme_id="EDUC")
    make_dataset("ბიუჯეტი", "Budget", status=Status.PUBLISHED)
    listing = client.get("/api/datasets", {"q": "ბაღ"}).json()
    assert listing["count"] == 1
    item = listing["items"][0]
    assert item["title"] == {"ka": "საბავშვო ბაღები", "en": "Kindergartens"}
    assert item["municipality"] == "kutaisi" and item["theme"] == "EDUC" and item["licence"] == "CC-BY-4.0"
    assert item["url"].endswith(f"/datasets/kutaisi/{dataset.slug}/")
    detail = client.get(f"/api/datasets/{dataset.pk}").json()
    version = dataset.versions.get()
    assert detail["versions"][0]["sha256"] == version.sha256
    assert detail["distributions"][0]["download_url"].endswith(f"/files/{version.pk}/data.csv")
    assert client.get("/api/datasets", {"theme": "EDUC"}).json()["count"] == 1
    assert client.get("/api/datasets", {"municipality": "akhaltsikhe"}).json()["count"] == 0


def test_unknown_or_malformed_ids(client, world):
    assert client.get("/api/datasets/00000000-0000-0000-0000-000000000000").status_code == 404
    assert client.get("/api/datasets/not-a-uuid").status_code in (404, 422)


def test_registries(client, world):
    licences = {item["id"]: item for item in client.get("/api/licences").json()}
    assert licences["CC-BY-4.0"]["is_open"] and not licences["other-closed"]["is_open"]
    themes = client.get("/api/themes").json()
    assert len(themes) == 13 and all(t["label"]["ka"] and t["label"]["en"] for t in themes)
    assert {f["id"] for f in client.get("/api/formats").json()} >= {"CSV", "XLSX", "JSON"}
