"""Persistent URIs: /id/ answers 303 to /doc/, which serves each representation."""

import json

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS

from ghia.publishing import negotiation
from ghia.publishing.uris import UriPolicy

pytestmark = pytest.mark.django_db


def test_policy_follows_the_id_doc_def_pattern():
    policy = UriPolicy("https://data.kutaisi.gov.ge")
    assert policy.dataset("budget") == "https://data.kutaisi.gov.ge/id/dataset/budget"
    assert policy.dataset_document("budget") == "https://data.kutaisi.gov.ge/doc/dataset/budget"
    assert (
        policy.dataset_document("budget", "ttl")
        == "https://data.kutaisi.gov.ge/doc/dataset/budget.ttl"
    )
    assert policy.definition("licence/x") == "https://data.kutaisi.gov.ge/def/licence/x"
    assert policy.catalog() == "https://data.kutaisi.gov.ge/id/catalog"
    assert policy.host == "data.kutaisi.gov.ge"


@pytest.mark.parametrize(
    "accept, chosen",
    [
        (None, "html"),
        ("*/*", "html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
        ("text/turtle", "ttl"),
        ("application/rdf+xml", "rdf"),
        ("application/ld+json", "jsonld"),
        ("application/json", "jsonld"),
        ("text/html;q=0.5, text/turtle", "ttl"),
        ("application/ld+json;q=0.2, application/rdf+xml;q=0.9", "rdf"),
        ("text/*", "html"),
        ("image/png", None),
        ("text/turtle;q=0", None),
    ],
)
def test_negotiation(accept, chosen):
    assert negotiation.choose(accept) == chosen


def test_id_answers_303_to_doc(client, catalogue):
    response = client.get(f"/id/dataset/kutaisi/{catalogue.budget.slug}", HTTP_ACCEPT="text/turtle")
    assert response.status_code == 303
    assert response["Location"] == f"/doc/dataset/kutaisi/{catalogue.budget.slug}"


def test_doc_serves_each_representation_by_accept(client, catalogue):
    url = f"/doc/dataset/kutaisi/{catalogue.budget.slug}"
    uri = URIRef(f"https://data.kutaisi.gov.ge/id/dataset/{catalogue.budget.slug}")
    for accept, fmt in (
        ("text/turtle", "turtle"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
    ):
        response = client.get(url, HTTP_ACCEPT=accept)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(accept)
        assert response["Vary"] == "Accept"
        graph = Graph().parse(data=response.content, format=fmt)
        assert (uri, DCTERMS.identifier, None) in graph
        assert str(graph.value(uri, DCTERMS.identifier)) == str(catalogue.budget.id)
    html = client.get(url, HTTP_ACCEPT="text/html")
    assert html.status_code == 303
    assert html["Location"] == f"/datasets/kutaisi/{catalogue.budget.slug}/"
    assert 'type="text/turtle"' in html["Link"]


def test_doc_by_extension(client, catalogue):
    base = f"/doc/dataset/kutaisi/{catalogue.budget.slug}"
    turtle = client.get(base + ".ttl", HTTP_ACCEPT="text/html")
    assert turtle["Content-Type"].startswith("text/turtle")
    assert "Vary" not in turtle
    data = json.loads(client.get(base + ".jsonld").content)
    assert "@context" in data
    assert client.get(base + ".rdf")["Content-Type"].startswith("application/rdf+xml")
    assert client.get(base + ".html")["Location"] == f"/datasets/kutaisi/{catalogue.budget.slug}/"


def test_not_acceptable(client, catalogue):
    response = client.get(f"/doc/dataset/kutaisi/{catalogue.budget.slug}", HTTP_ACCEPT="image/png")
    assert response.status_code == 406


def test_renamed_dataset_keeps_its_uri_working(client, catalogue):
    old_slug = catalogue.buses.old_slugs.get().slug
    assert old_slug != catalogue.buses.slug
    response = client.get(f"/id/dataset/kutaisi/{old_slug}")
    assert response.status_code == 303
    assert response["Location"] == f"/doc/dataset/kutaisi/{catalogue.buses.slug}"
    moved = client.get(f"/doc/dataset/kutaisi/{old_slug}.ttl")
    assert moved.status_code == 301
    assert moved["Location"] == f"/doc/dataset/kutaisi/{catalogue.buses.slug}.ttl"
    by_uuid = client.get(f"/id/dataset/kutaisi/{catalogue.buses.id}")
    assert by_uuid["Location"] == f"/doc/dataset/kutaisi/{catalogue.buses.slug}"


def test_withdrawn_is_gone_and_unpublished_is_not_found(client, catalogue):
    assert client.get(f"/id/dataset/kutaisi/{catalogue.old.slug}").status_code == 303
    assert client.get(f"/doc/dataset/kutaisi/{catalogue.old.slug}.ttl").status_code == 410
    assert client.get(f"/id/dataset/kutaisi/{catalogue.draft.slug}").status_code == 404
    assert client.get(f"/doc/dataset/kutaisi/{catalogue.draft.slug}.ttl").status_code == 404
    assert client.get("/id/dataset/kutaisi/no-such-thing").status_code == 404
    # The Kutaisi dataset is not Akhaltsikhe's.
    assert client.get(f"/id/dataset/akhaltsikhe/{catalogue.budget.slug}").status_code == 404


def test_staff_see_the_document_of_a_draft(client, catalogue):
    client.force_login(catalogue.world.viewer)
    assert client.get(f"/doc/dataset/kutaisi/{catalogue.draft.slug}.ttl").status_code == 200


def test_municipal_domain_resolves_without_the_municipality_in_the_path(
    client, catalogue, settings
):
    settings.ALLOWED_HOSTS = ["data.kutaisi.gov.ge", "testserver"]
    response = client.get(f"/id/dataset/{catalogue.budget.slug}", HTTP_HOST="data.kutaisi.gov.ge")
    assert response.status_code == 303
    assert response["Location"] == f"/doc/dataset/kutaisi/{catalogue.budget.slug}"
    assert client.get(f"/id/dataset/{catalogue.budget.slug}").status_code == 404
    assert (
        client.get("/id/catalog", HTTP_HOST="data.kutaisi.gov.ge")["Location"]
        == "/doc/catalog/kutaisi"
    )
    assert client.get("/id/catalog")["Location"] == "/doc/catalog"


def test_distribution_uri_resolves_to_its_dataset(client, catalogue):
    distribution = catalogue.budget.distributions.get()
    response = client.get(f"/id/distribution/{distribution.id}")
    assert response.status_code == 303
    assert response["Location"] == f"/doc/dataset/kutaisi/{catalogue.budget.slug}"


def test_catalogue_documents(client, catalogue):
    graph = Graph().parse(data=client.get("/doc/catalog/kutaisi.ttl").content, format="turtle")
    catalog = URIRef("https://data.kutaisi.gov.ge/id/catalog")
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert datasets == {
        URIRef(f"https://data.kutaisi.gov.ge/id/dataset/{catalogue.budget.slug}"),
        URIRef(f"https://data.kutaisi.gov.ge/id/dataset/{catalogue.buses.slug}"),
    }
    negotiated = client.get("/doc/catalog/kutaisi", HTTP_ACCEPT="application/ld+json")
    assert negotiated["Content-Location"].endswith("/doc/catalog/kutaisi.jsonld")
    instance = Graph().parse(data=client.get("/doc/catalog.ttl").content, format="turtle")
    top = URIRef("http://testserver/id/catalog")
    assert set(instance.objects(top, DCAT.catalog)) == {
        catalog,
        URIRef("https://data.akhaltsikhe.gov.ge/id/catalog"),
    }
    assert client.get("/doc/catalog/kutaisi")["Location"] == "/datasets/?municipality=kutaisi"
    assert client.get("/id/catalog/kutaisi")["Location"] == "/doc/catalog/kutaisi"


def test_catalogue_document_follows_changes(client, catalogue):
    from ghia.catalog import workflow

    before = client.get("/doc/catalog/kutaisi.ttl").content.decode()
    assert catalogue.budget.slug in before
    workflow.transition(catalogue.world.admin, catalogue.budget, "withdrawn")
    after = client.get("/doc/catalog/kutaisi.ttl").content.decode()
    assert f"/id/dataset/{catalogue.budget.slug}>" not in after
