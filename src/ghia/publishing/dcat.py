"""DCAT-AP 3.0.1 descriptions of the catalogue, built with rdflib from dataset records.

A graph is made of three parts, which the website also builds and caches separately:

- ``describe_dataset``: the triples of one dataset and its distributions;
- ``describe_terms``: the things datasets point at (publisher, licence documents, EU
  themes, frequencies, file types, media types, languages), each typed and labelled
  so that the graph validates against the DCAT-AP SHACL shapes without other files;
- ``describe_catalog``: the catalogue of a municipality, or of the whole instance.

Text is language-tagged ``@ka`` and ``@en``; an empty language is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from ghia.publishing import rdfwriters, records
from ghia.publishing.records import LANGS, DatasetRecord, DistributionRecord, Publisher, text

SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
PUBLISHER_TYPES = "http://purl.org/adms/publishertype/"
PUBLIC_ACCESS = URIRef(EU + "access-right/PUBLIC")
STABLE = URIRef(EU + "planned-availability/STABLE")
METADATA_LICENCE = URIRef(EU + "licence/CC0")  # the catalogue's own metadata is public domain
LICENCE_TYPES = "http://purl.org/adms/licencetype/"
# ADMS licence types of the licences Ghia offers (the "other" entries have none).
LICENCE_TYPE_CODES = {
    "CC-BY-4.0": ("Attribution",), "ODC-By-1.0": ("Attribution",),
    "CC-BY-SA-4.0": ("Attribution", "ShareAlike"), "ODbL-1.0": ("Attribution", "ShareAlike"),
    "CC0-1.0": ("PublicDomain",), "PDDL-1.0": ("PublicDomain",),
}  # fmt: skip
LANGUAGES = {"ka": (URIRef(EU + "language/KAT"), {"ka": "ქართული", "en": "Georgian"}),
             "en": (URIRef(EU + "language/ENG"), {"ka": "ინგლისური", "en": "English"})}  # fmt: skip
SCHEMES = {
    "data-theme": {"ka": "მონაცემთა თემები", "en": "Data theme"},
    "frequency": {"ka": "სიხშირე", "en": "Frequency"},
    "file-type": {"ka": "ფაილის ტიპი", "en": "File type"},
    "language": {"ka": "ენა", "en": "Language"},
    "access-right": {"ka": "წვდომის უფლება", "en": "Access right"},
    "planned-availability": {"ka": "დაგეგმილი ხელმისაწვდომობა", "en": "Planned availability"},
}
PREFIXES = {
    "dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "vcard": VCARD, "spdx": SPDX, "skos": SKOS,
    "locn": LOCN, "adms": ADMS, "dcatap": DCATAP, "xsd": XSD, "rdfs": RDFS, "rdf": RDF,
}  # fmt: skip

CATALOG_TITLE = {"ka": "ღია მონაცემები: {ka}", "en": "Open data: {en}"}
CATALOG_DESCRIPTION = {
    "ka": "მერიის მიერ გამოქვეყნებული ღია მონაცემების კატალოგი: {ka}.",
    "en": "The catalogue of open data published by the mayor's office: {en}.",
}


@dataclass(frozen=True)
class Links:
    """Where a representation offers the files: Ghia's own address, or the website's."""

    files_root: str

    def download(self, distribution: DistributionRecord) -> str:
        if distribution.external_url:
            return distribution.external_url
        return f"{self.files_root.rstrip('/')}/{distribution.file_path}"


@dataclass(frozen=True)
class CatalogInfo:
    uri: str
    title: dict
    description: dict
    publisher: Publisher
    homepage: str
    parts: tuple[str, ...] = ()  # sub-catalogues (the instance catalogue lists the municipalities')


def municipal_catalog(publisher: Publisher) -> CatalogInfo:
    return CatalogInfo(
        uri=publisher.policy.catalog(),
        title=_fill(CATALOG_TITLE, publisher.name),
        description=_fill(CATALOG_DESCRIPTION, publisher.name),
        publisher=publisher,
        homepage=publisher.homepage,
    )


def _fill(template: dict, name: dict) -> dict:
    return {
        lang: template[lang].format(ka=name["ka"] or name["en"], en=name["en"] or name["ka"])
        for lang in LANGS
    }


def new_graph() -> Graph:
    """An rdflib graph, for reading, querying and validating; ``rdfwriters.Triples`` when
    the triples are only to be written."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _texts(graph: Graph, subject, predicate, value: dict) -> None:
    for lang in LANGS:
        if value.get(lang):
            graph.add((subject, predicate, Literal(value[lang], lang=lang)))


def _datetime(iso: str) -> Literal:
    # Whole seconds with the time zone: what xsd:dateTime readers expect.
    return Literal(
        datetime.fromisoformat(iso).replace(microsecond=0).isoformat(), datatype=XSD.dateTime
    )


def _description(record: DatasetRecord) -> dict:
    # DCAT-AP requires a description; a dataset without one is described by its title.
    return record.description if any(record.description.values()) else record.title


def describe_dataset(graph: Graph, record: DatasetRecord, links: Links) -> URIRef:
    dataset = URIRef(record.uri)
    add = graph.add
    add((dataset, RDF.type, DCAT.Dataset))
    add((dataset, DCTERMS.identifier, Literal(record.id)))
    _texts(graph, dataset, DCTERMS.title, record.title)
    _texts(graph, dataset, DCTERMS.description, _description(record))
    for lang in LANGS:
        for keyword in record.keywords[lang]:
            add((dataset, DCAT.keyword, Literal(keyword, lang=lang)))
    add((dataset, DCTERMS.publisher, URIRef(record.publisher.uri)))
    add((dataset, DCAT.landingPage, URIRef(record.document)))
    add((URIRef(record.document), RDF.type, FOAF.Document))
    add((dataset, DCTERMS.accessRights, PUBLIC_ACCESS))
    for lang in LANGS:
        add((dataset, DCTERMS.language, LANGUAGES[lang][0]))
    if record.theme:
        add((dataset, DCAT.theme, URIRef(record.theme.uri)))
    if record.frequency:
        add((dataset, DCTERMS.accrualPeriodicity, URIRef(record.frequency.uri)))
    if record.issued:
        add((dataset, DCTERMS.issued, _datetime(record.issued)))
    add((dataset, DCTERMS.modified, _datetime(record.modified)))
    if record.temporal_start or record.temporal_end:
        period = BNode()
        add((dataset, DCTERMS.temporal, period))
        add((period, RDF.type, DCTERMS.PeriodOfTime))
        if record.temporal_start:
            add((period, DCAT.startDate, Literal(record.temporal_start, datatype=XSD.date)))
        if record.temporal_end:
            add((period, DCAT.endDate, Literal(record.temporal_end, datatype=XSD.date)))
    # Without a stated coverage, a municipality's data covers the municipality.
    _place(
        graph, dataset, record.spatial if any(record.spatial.values()) else record.publisher.name
    )
    _contact_point(graph, dataset, record)
    for distribution in record.distributions:
        add((dataset, DCAT.distribution, _distribution(graph, record, distribution, links)))
    return dataset


def _place(graph: Graph, subject, name: dict) -> None:
    place = BNode()
    graph.add((subject, DCTERMS.spatial, place))
    graph.add((place, RDF.type, DCTERMS.Location))
    _texts(graph, place, LOCN.geographicName, name)


def _contact_point(graph: Graph, dataset: URIRef, record: DatasetRecord) -> None:
    email = record.contact_email or record.publisher.email
    if not (email or record.contact_name):
        return
    contact = BNode()
    graph.add((dataset, DCAT.contactPoint, contact))
    graph.add((contact, RDF.type, VCARD.Kind))
    if record.contact_name:
        graph.add((contact, VCARD.fn, Literal(record.contact_name)))
    else:
        _texts(graph, contact, VCARD.fn, record.service)
    if email:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{email}")))


def _distribution(
    graph: Graph, record: DatasetRecord, item: DistributionRecord, links: Links
) -> URIRef:
    distribution = URIRef(record.publisher.policy.distribution(item.id))
    add = graph.add
    add((distribution, RDF.type, DCAT.Distribution))
    title = item.title if any(item.title.values()) else {"ka": item.filename, "en": item.filename}
    _texts(graph, distribution, DCTERMS.title, title)
    _texts(graph, distribution, DCTERMS.description, _distribution_description(item))
    if item.issued:
        add((distribution, DCTERMS.issued, _datetime(item.issued)))
    add((distribution, DCATAP.availability, STABLE))
    url = URIRef(links.download(item))
    add((distribution, DCAT.accessURL, url if item.external_url else URIRef(record.document)))
    if not item.external_url:
        add((distribution, DCAT.downloadURL, url))
    add((distribution, DCTERMS.license, URIRef(licence_uri(record))))
    if item.media_type:
        add((distribution, DCAT.mediaType, URIRef(IANA + item.media_type)))
    if item.format:
        add((distribution, DCTERMS.format, URIRef(item.format.uri)))
    if item.size is not None:
        add((distribution, DCAT.byteSize, Literal(item.size, datatype=XSD.nonNegativeInteger)))
    if item.sha256:
        checksum = BNode()
        add((distribution, SPDX.checksum, checksum))
        add((checksum, RDF.type, SPDX.Checksum))
        add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        add((checksum, SPDX.checksumValue, Literal(item.sha256, datatype=XSD.hexBinary)))
    if item in record.schema_tables:
        add(
            (
                distribution,
                DCTERMS.conformsTo,
                URIRef(record.publisher.policy.table_schema(record.slug)),
            )
        )
    return distribution


def _distribution_description(item: DistributionRecord) -> dict:
    if item.external_url:
        return {
            "ka": f"მონაცემები სხვა საიტზე: {item.external_url}",
            "en": f"Data held elsewhere: {item.external_url}",
        }
    kind = item.format.code if item.format else item.media_type
    version = item.version_number or 1
    return {
        "ka": f"ფაილი {item.filename} ({kind}), ვერსია {version}",
        "en": f"File {item.filename} ({kind}), version {version}",
    }


def licence_uri(record: DatasetRecord) -> str:
    # A licence with no URI of its own (the "other" entries) is named under the municipality's /def/.
    return (
        record.licence.uri
        or record.licence.url
        or record.publisher.policy.definition(f"licence/{record.licence.id}")
    )


def _concept(graph: Graph, uri: str, label: dict, scheme: str, *types) -> None:
    node = URIRef(uri)
    graph.add((node, RDF.type, SKOS.Concept))
    for kind in types:
        graph.add((node, RDF.type, kind))
    _texts(graph, node, SKOS.prefLabel, label)
    graph.add((node, SKOS.inScheme, URIRef(EU + scheme)))


def _scheme(graph: Graph, uri: str, title: dict) -> None:
    graph.add((URIRef(uri), RDF.type, SKOS.ConceptScheme))
    _texts(graph, URIRef(uri), DCTERMS.title, title)


def describe_publisher(graph: Graph, publisher: Publisher) -> None:
    agent = URIRef(publisher.uri)
    graph.add((agent, RDF.type, FOAF.Agent))
    _texts(graph, agent, FOAF.name, publisher.name)
    local_authority = URIRef(PUBLISHER_TYPES + "LocalAuthority")
    graph.add((agent, DCTERMS.type, local_authority))
    graph.add((local_authority, RDF.type, SKOS.Concept))
    graph.add((local_authority, SKOS.prefLabel, Literal("Local Authority", lang="en")))
    graph.add((local_authority, SKOS.prefLabel, Literal("ადგილობრივი ხელისუფლება", lang="ka")))
    graph.add((local_authority, SKOS.inScheme, URIRef(PUBLISHER_TYPES + "1.0")))
    _scheme(graph, PUBLISHER_TYPES + "1.0", {"ka": "გამომქვეყნებლის ტიპი", "en": "Publisher type"})
    if publisher.homepage:
        graph.add((agent, FOAF.homepage, URIRef(publisher.homepage)))
        graph.add((URIRef(publisher.homepage), RDF.type, FOAF.Document))
    if publisher.email:
        graph.add((agent, FOAF.mbox, URIRef(f"mailto:{publisher.email}")))


def describe_licence(graph: Graph, uri: str, title: dict, type_codes: Sequence[str]) -> None:
    node = URIRef(uri)
    graph.add((node, RDF.type, DCTERMS.LicenseDocument))
    _texts(graph, node, RDFS.label, title)
    for code in type_codes:
        kind = URIRef(LICENCE_TYPES + code)
        graph.add((node, DCTERMS.type, kind))
        graph.add((kind, RDF.type, SKOS.Concept))
        graph.add((kind, SKOS.prefLabel, Literal(code, lang="en")))
        graph.add((kind, SKOS.inScheme, URIRef(LICENCE_TYPES + "1.0")))
    if type_codes:
        _scheme(graph, LICENCE_TYPES + "1.0", {"ka": "ლიცენზიის ტიპი", "en": "Licence type"})


def describe_terms(graph: Graph, records: Iterable[DatasetRecord]) -> None:
    """Type and label everything the datasets point at, once each."""
    seen: set = set()

    def first(key) -> bool:
        if key in seen:
            return False
        seen.add(key)
        return True

    for code, title in SCHEMES.items():
        _scheme(graph, EU + code, title)
    for uri, label in LANGUAGES.values():
        _concept(graph, uri, label, "language", DCTERMS.LinguisticSystem)
    _concept(
        graph,
        PUBLIC_ACCESS,
        {"ka": "საჯარო", "en": "public"},
        "access-right",
        DCTERMS.RightsStatement,
    )
    _concept(graph, STABLE, {"ka": "მდგრადი", "en": "stable"}, "planned-availability")
    graph.add((SPDX.checksumAlgorithm_sha256, RDF.type, SPDX.ChecksumAlgorithm))
    for record in records:
        if first(record.publisher.uri):
            describe_publisher(graph, record.publisher)
        if record.theme and first(record.theme.uri):
            _concept(graph, record.theme.uri, record.theme.label, "data-theme")
        if record.frequency and first(record.frequency.uri):
            _concept(
                graph, record.frequency.uri, record.frequency.label, "frequency", DCTERMS.Frequency
            )
        licence = licence_uri(record)
        if first(licence):
            describe_licence(
                graph, licence, record.licence.title, LICENCE_TYPE_CODES.get(record.licence.id, ())
            )
        for item in record.distributions:
            if item.format and first(item.format.uri):
                _concept(
                    graph,
                    item.format.uri,
                    item.format.label,
                    "file-type",
                    DCTERMS.MediaTypeOrExtent,
                )
            if item.media_type and first(item.media_type):
                graph.add((URIRef(IANA + item.media_type), RDF.type, DCTERMS.MediaType))
        if record.table_schema:
            schema = URIRef(record.publisher.policy.table_schema(record.slug))
            graph.add((schema, RDF.type, DCTERMS.Standard))
            graph.add((schema, RDFS.label, Literal("Table Schema", lang="en")))


def describe_catalog(
    graph: Graph,
    catalog: CatalogInfo,
    dataset_uris: Iterable[str],
    dates: tuple[str | None, str | None],
) -> None:
    """The catalogue node; ``dates`` are its first issue and last modification."""
    node = URIRef(catalog.uri)
    graph.add((node, RDF.type, DCAT.Catalog))
    _texts(graph, node, DCTERMS.title, catalog.title)
    _texts(graph, node, DCTERMS.description, catalog.description)
    graph.add((node, DCTERMS.publisher, URIRef(catalog.publisher.uri)))
    describe_publisher(graph, catalog.publisher)
    if catalog.homepage:
        graph.add((node, FOAF.homepage, URIRef(catalog.homepage)))
        graph.add((URIRef(catalog.homepage), RDF.type, FOAF.Document))
    graph.add((node, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
    for lang in LANGS:
        graph.add((node, DCTERMS.language, LANGUAGES[lang][0]))
    issued, modified = dates
    if issued:
        graph.add((node, DCTERMS.issued, _datetime(issued)))
    if modified:
        graph.add((node, DCTERMS.modified, _datetime(modified)))
    graph.add((node, DCTERMS.license, METADATA_LICENCE))
    describe_licence(
        graph,
        METADATA_LICENCE,
        {"ka": "Creative Commons CC0 1.0", "en": "Creative Commons CC0 1.0"},
        ("PublicDomain",),
    )
    _place(graph, node, catalog.publisher.name)
    for part in catalog.parts:
        graph.add((node, DCAT.catalog, URIRef(part)))
        graph.add((node, DCTERMS.hasPart, URIRef(part)))
    for uri in dataset_uris:
        graph.add((node, DCAT.dataset, URIRef(uri)))


def catalog_dates(records: Sequence[DatasetRecord]) -> tuple[str | None, str | None]:
    issued = [r.issued for r in records if r.issued]
    return min(issued, default=None), max((r.modified for r in records), default=None)


def dataset_graph(record: DatasetRecord, links: Links) -> Graph:
    """One dataset with everything it points at: the document at /doc/dataset/..."""
    graph = new_graph()
    describe_dataset(graph, record, links)
    describe_terms(graph, [record])
    return graph


def catalog_graph(catalog: CatalogInfo, records: Sequence[DatasetRecord], links: Links) -> Graph:
    graph = new_graph()
    describe_catalog(graph, catalog, [r.uri for r in records], catalog_dates(records))
    describe_terms(graph, records)
    for record in records:
        describe_dataset(graph, record, links)
    return graph


def instance_graph(instance: CatalogInfo, records: Sequence[DatasetRecord], links: Links) -> Graph:
    """Every municipality's catalogue, and the instance's catalogue of them."""
    by_publisher: dict[str, list[DatasetRecord]] = {}
    for record in records:
        by_publisher.setdefault(record.publisher.slug, []).append(record)
    parts = {slug: municipal_catalog(group[0].publisher) for slug, group in by_publisher.items()}
    instance = CatalogInfo(**{**instance.__dict__, "parts": tuple(c.uri for c in parts.values())})
    graph = new_graph()
    describe_catalog(graph, instance, [r.uri for r in records], catalog_dates(records))
    for slug, group in by_publisher.items():
        describe_catalog(graph, parts[slug], [r.uri for r in group], catalog_dates(group))
    describe_terms(graph, records)
    for record in records:
        describe_dataset(graph, record, links)
    return graph


WRITERS = {"turtle": rdfwriters.turtle, "xml": rdfwriters.rdfxml, "json-ld": rdfwriters.jsonld}


def serialize(graph, fmt: str) -> bytes:
    """``graph`` (an rdflib Graph or any collection of triples) as turtle, xml or json-ld."""
    return WRITERS[fmt](graph, PREFIXES)


def instance_catalog(base: str) -> CatalogInfo:
    """The catalogue of the whole instance. Its publisher is the instance's operator,
    named by the GHIA_OPERATOR_NAME setting ({"ka": ..., "en": ...})."""
    from django.conf import settings

    base = base.rstrip("/")
    name = text(getattr(settings, "GHIA_OPERATOR_NAME", None) or {"ka": "ღია", "en": "Ghia"})
    operator = Publisher(
        slug="operator",
        name=name,
        uri=f"{base}/id/organization/operator",
        base=base,
        homepage=base + "/",
        email="",
    )
    return CatalogInfo(
        uri=f"{base}/id/catalog",
        title={"ka": "მუნიციპალიტეტების ღია მონაცემები", "en": "Open data of municipalities"},
        description={
            "ka": "ამ სისტემაში გამოქვეყნებული ყველა მუნიციპალიტეტის ღია მონაცემების კატალოგები.",
            "en": "The open-data catalogues of every municipality published on this system.",
        },
        publisher=operator,
        homepage=base + "/",
    )


def catalogue_document(municipality, fmt: str, files_root: str) -> bytes:
    """The DCAT-AP catalogue of a municipality (or, with None, of the whole instance) in
    ``fmt`` (turtle, xml, json-ld), with files offered under ``files_root``."""
    found = records.records(municipality)
    links = Links(files_root)
    if municipality is not None:
        graph = catalog_graph(municipal_catalog(records.publisher(municipality)), found, links)
    else:
        graph = instance_graph(instance_catalog(files_root), found, links)
    return serialize(graph, fmt)
