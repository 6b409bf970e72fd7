"""Ghia's RDF writers say exactly what rdflib's parsers read back, whatever the text holds."""

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, XSD

from ghia.publishing import rdfwriters

EX = Namespace("https://data.example.ge/id/")
PREFIXES = {"dct": DCTERMS, "rdf": RDF, "xsd": XSD}
TEXTS = [
    "ქუთაისის ბიუჯეტი", 'quotes " and \'', 'ends with a quote"', "back\\slash", "new\nline and \t tab",
    "<b>tags</b> & ampersands", "   spaces   ", "", "emoji 🙂", '"""triple"""',
]  # fmt: skip


def graph() -> Graph:
    g = Graph()
    node = BNode()
    for i, text in enumerate(TEXTS):
        subject = EX[f"dataset-{i}"]
        g.add((subject, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")))
        g.add((subject, DCTERMS.title, Literal(text, lang="ka")))
        g.add((subject, DCTERMS.description, Literal(text)))
        g.add((subject, DCTERMS.identifier, Literal(text, datatype=XSD.string)))
        g.add((subject, DCTERMS.relation, node))
        g.add(
            (
                subject,
                URIRef("http://example.org/no-prefix#x"),
                URIRef("https://example.org/ქუთაისი/a%20b?c=1&d=2"),
            )
        )
    g.add((node, DCTERMS.modified, Literal("2024-01-15T09:30:00+04:00", datatype=XSD.dateTime)))
    g.add((node, DCTERMS.extent, Literal("12", datatype=XSD.nonNegativeInteger)))
    return g


@pytest.mark.parametrize(
    "writer, fmt",
    [(rdfwriters.turtle, "turtle"), (rdfwriters.jsonld, "json-ld"), (rdfwriters.rdfxml, "xml")],
)
def test_writers_round_trip(writer, fmt):
    original = graph()
    if fmt == "xml":  # RDF/XML needs a prefixed name for every property
        original.remove((None, URIRef("http://example.org/no-prefix#x"), None))
    written = writer(original, PREFIXES)
    assert isomorphic(Graph().parse(data=written, format=fmt), original)


def test_the_order_of_the_triples_does_not_change_the_bytes():
    triples = [t for t in graph() if not isinstance(t[0], BNode) and not isinstance(t[2], BNode)]
    assert rdfwriters.turtle(triples, PREFIXES) == rdfwriters.turtle(
        list(reversed(triples)), PREFIXES
    )
    assert rdfwriters.jsonld(triples, PREFIXES) == rdfwriters.jsonld(
        list(reversed(triples)), PREFIXES
    )


def test_pieces_join_into_one_document():
    first, second = rdfwriters.Triples(), rdfwriters.Triples()
    first.add((EX["a"], DCTERMS.title, Literal("ა", lang="ka")))
    second.add((EX["b"], DCTERMS.title, Literal("ბ", lang="ka")))
    turtle = (
        rdfwriters.turtle_prefixes(PREFIXES)
        + rdfwriters.turtle_body(first, PREFIXES)
        + rdfwriters.turtle_body(second, PREFIXES)
    )
    assert len(Graph().parse(data=turtle, format="turtle")) == 2
    lines = ",\n".join(
        rdfwriters.jsonld_lines(rdfwriters.jsonld_nodes(t, PREFIXES)) for t in (first, second)
    )
    assert (
        len(
            Graph().parse(
                data=rdfwriters.jsonld_document(lines.encode(), PREFIXES), format="json-ld"
            )
        )
        == 2
    )
    body = (
        rdfwriters.rdfxml_body(first, PREFIXES) + rdfwriters.rdfxml_body(second, PREFIXES)
    ).encode()
    assert len(Graph().parse(data=rdfwriters.rdfxml_document(body, PREFIXES), format="xml")) == 2


def test_characters_turtle_forbids_in_iris_are_escaped():
    triples = [(URIRef("https://example.org/a b"), DCTERMS.title, Literal("x"))]
    written = rdfwriters.turtle(triples, PREFIXES).decode()
    assert "<https://example.org/a\\u0020b>" in written
    (subject,) = set(Graph().parse(data=written, format="turtle").subjects())
    assert str(subject) == "https://example.org/a b"
