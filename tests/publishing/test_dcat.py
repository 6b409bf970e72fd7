"""DCAT-AP 3.0.1: the demo catalogue validates against the official SHACL shapes."""

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF, SH

from ghia.publishing import dcat, records

SHAPES = Path(__file__).parents[1] / "data" / "dcat-ap-3.0.1"
# The MDR vocabulary shapes (written for DCAT-AP 2.1) want checksum algorithms under
# https://spdx.org, while DCAT-AP 3.0.1 itself names spdx:checksumAlgorithm_sha256
# (http://spdx.org/rdf/terms#...): that one constraint contradicts the profile.
KNOWN_CONFLICT = (
    "http://spdx.org/rdf/terms#algorithm http://spdx.org/rdf/terms#checksumAlgorithm_sha256"
)

# Recommended properties Ghia cannot know: the period a dataset without dates covers, and
# the coordinates of a place named only by text.
UNKNOWABLE = {str(DCTERMS.temporal), str(DCAT.bbox), str(DCAT.centroid)}

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shapes():
    return {name: Graph().parse(SHAPES / name) for name in (
        "shapes.ttl", "range.ttl", "dcat-ap-SHACL.ttl", "mdr-vocabularies.shape.ttl", "shapes_recommended.ttl",
    )}  # fmt: skip


def results(graph: Graph, shapes: Graph, severity=SH.Violation) -> list[str]:
    _conforms, report, _text = validate(graph, shacl_graph=shapes, allow_warnings=True)
    found = []
    top = report.value(predicate=RDF.type, object=SH.ValidationReport, any=False)
    for result in report.objects(top, SH.result):  # not the nested details
        if report.value(result, SH.resultSeverity) == severity:
            found.append(
                f"{report.value(result, SH.focusNode)} {report.value(result, SH.resultPath)} {report.value(result, SH.value)}"
            )
    return found


@pytest.fixture
def demo(db):
    from ghia.catalog.demo import load_demo

    load_demo()
    return records.records()


def kutaisi_graph(found) -> Graph:
    kutaisi = [r for r in found if r.municipality == "kutaisi"]
    return dcat.catalog_graph(
        dcat.municipal_catalog(kutaisi[0].publisher), kutaisi, dcat.Links("https://ghia.example")
    )


def test_the_demo_catalogue_has_no_violations(demo, shapes):
    assert len(demo) >= 15
    for graph in (
        kutaisi_graph(demo),
        dcat.instance_graph(
            dcat.instance_catalog("https://ghia.example"), demo, dcat.Links("https://ghia.example")
        ),
    ):
        for name in ("shapes.ttl", "range.ttl", "dcat-ap-SHACL.ttl"):
            assert results(graph, shapes[name]) == [], name
        mdr = results(graph, shapes["mdr-vocabularies.shape.ttl"])
        assert mdr and all(KNOWN_CONFLICT in item for item in mdr), mdr
        warned = {
            w.split(" ")[1] for w in results(graph, shapes["shapes_recommended.ttl"], SH.Warning)
        }
        assert warned <= UNKNOWABLE, warned


@pytest.mark.parametrize("prop", [DCTERMS.title, DCTERMS.description])
def test_removing_a_mandatory_property_of_a_dataset_fails(demo, shapes, prop):
    graph = kutaisi_graph(demo)
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    graph.remove((dataset, prop, None))
    for name in ("shapes.ttl", "dcat-ap-SHACL.ttl"):
        assert any(
            str(dataset) in item and str(prop) in item for item in results(graph, shapes[name])
        ), name


def test_removing_the_access_url_of_a_distribution_fails(demo, shapes):
    graph = kutaisi_graph(demo)
    distribution = next(graph.subjects(RDF.type, DCAT.Distribution))
    graph.remove((distribution, DCAT.accessURL, None))
    assert any(str(DCAT.accessURL) in item for item in results(graph, shapes["shapes.ttl"]))


def test_dataset_description(catalogue):
    record = records.record(catalogue.budget)
    graph = dcat.dataset_graph(record, dcat.Links("https://ghia.example"))
    dataset = URIRef(record.uri)
    assert set(graph.objects(dataset, DCTERMS.title)) == {
        Literal("ბიუჯეტის შესრულება", lang="ka"),
        Literal("Budget execution", lang="en"),
    }
    assert Literal("ფინანსები", lang="ka") in set(graph.objects(dataset, DCAT.keyword))
    assert graph.value(dataset, DCAT.theme) == URIRef(
        "http://publications.europa.eu/resource/authority/data-theme/GOVE"
    )
    assert graph.value(dataset, DCTERMS.accrualPeriodicity) == URIRef(
        "http://publications.europa.eu/resource/authority/frequency/ANNUAL"
    )
    period = graph.value(dataset, DCTERMS.temporal)
    assert str(graph.value(period, DCAT.startDate)) == "2020-01-01"
    publisher = graph.value(dataset, DCTERMS.publisher)
    assert publisher == URIRef("https://data.kutaisi.gov.ge/id/organization/kutaisi")
    contact = graph.value(dataset, DCAT.contactPoint)
    assert (
        str(graph.value(contact, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")))
        == "mailto:finance@kutaisi.gov.ge"
    )
    distribution = graph.value(dataset, DCAT.distribution)
    version = catalogue.budget.current_version
    assert graph.value(distribution, DCAT.downloadURL) == URIRef(
        f"https://ghia.example/files/{version.id}/budget.csv"
    )
    assert graph.value(distribution, DCAT.mediaType) == URIRef(
        "http://www.iana.org/assignments/media-types/text/csv"
    )
    assert graph.value(distribution, DCTERMS.format) == URIRef(
        "http://publications.europa.eu/resource/authority/file-type/CSV"
    )
    assert graph.value(distribution, DCTERMS.license) == URIRef(
        "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
    )
    checksum = graph.value(distribution, URIRef("http://spdx.org/rdf/terms#checksum"))
    assert (
        str(graph.value(checksum, URIRef("http://spdx.org/rdf/terms#checksumValue")))
        == version.sha256
    )
    assert graph.value(distribution, DCTERMS.conformsTo) is None


def test_table_schema_is_conformed_to(catalogue, client):
    record = records.record(catalogue.buses)
    graph = dcat.dataset_graph(record, dcat.Links("https://ghia.example"))
    distribution = graph.value(URIRef(record.uri), DCAT.distribution)
    schema = graph.value(distribution, DCTERMS.conformsTo)
    assert (schema, RDF.type, DCTERMS.Standard) in graph
    assert (
        str(schema) == f"https://data.kutaisi.gov.ge/doc/dataset/{catalogue.buses.slug}/schema.json"
    )
    local = f"/doc/dataset/kutaisi/{catalogue.buses.slug}/schema.json"
    assert client.get(local).json()["fields"][0] == {"name": "a", "type": "integer"}
    assert (
        client.get(f"/doc/dataset/kutaisi/{catalogue.budget.slug}/schema.json").status_code == 404
    )


def test_the_three_serialisations_say_the_same(catalogue):
    graph = kutaisi_graph(records.records())
    for fmt in ("turtle", "xml", "json-ld"):
        assert isomorphic(Graph().parse(data=dcat.serialize(graph, fmt), format=fmt), graph), fmt


def test_cli_writes_the_catalogue(catalogue, tmp_path, capsys):
    from ghia.cli import main

    out = tmp_path / "kutaisi.rdf"
    assert (
        main(["catalog", "dcat", "--municipality", "kutaisi", "--format", "xml", "-o", str(out)])
        == 0
    )
    graph = Graph().parse(out, format="xml")
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 2
    assert main(["catalog", "dcat", "--format", "json-ld"]) == 0
    instance = Graph().parse(data=capsys.readouterr().out, format="json-ld")
    assert len(set(instance.subjects(RDF.type, DCAT.Dataset))) == 3
    with pytest.raises(SystemExit) as exit_:
        main(["catalog", "dcat", "--municipality", "nowhere", "--lang", "en"])
    assert exit_.value.code == 2
    assert "Unknown municipality" in capsys.readouterr().err
