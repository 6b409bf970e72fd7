"""Persistent URIs: the policy every published identifier of a municipality follows.

The pattern is the one of the EU ISA "10 rules" and the UK URI patterns::

    {base}/id/{type}/{reference}    identifies the thing; answers 303 See Other to
    {base}/doc/{type}/{reference}   the document about it (HTML, Turtle, RDF/XML, JSON-LD)
    {base}/def/{concept}            vocabularies the municipality defines

``base`` is the municipality's ``base_uri`` (for example https://data.kutaisi.gov.ge). The
reference re-uses an identifier that already exists and never changes with the file: the
dataset's slug (old slugs keep resolving after a rename), the UUID of a distribution. No
version numbers, query strings, file extensions or department names appear in an
identifier. Documents are also offered with an explicit extension
(``/doc/dataset/{slug}.ttl``) so that each representation can be linked.

One Ghia instance serves several municipalities on one host, so on the instance itself the
municipality is part of the path (``/id/dataset/{municipality}/{slug}``); when a
municipality's domain points at the instance, ``{base}/id/dataset/{slug}`` resolves by host
name. The static website built by ``ghia publish site`` is meant to be served at ``base``
and carries redirect pages for the same paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

# Representations of a document: extension -> (media type, rdflib format or None for HTML).
REPRESENTATIONS: dict[str, tuple[str, str | None]] = {
    "html": ("text/html", None),
    "ttl": ("text/turtle", "turtle"),
    "rdf": ("application/rdf+xml", "xml"),
    "jsonld": ("application/ld+json", "json-ld"),
}


@dataclass(frozen=True)
class UriPolicy:
    base: str

    @classmethod
    def for_municipality(cls, municipality) -> UriPolicy:
        return cls(municipality.base_uri.rstrip("/"))

    @property
    def host(self) -> str:
        return urlsplit(self.base).netloc.lower()

    def identifier(self, kind: str, reference: str = "") -> str:
        return f"{self.base}/id/{kind}" + (f"/{reference}" if reference else "")

    def document(self, kind: str, reference: str = "", extension: str = "") -> str:
        path = f"{self.base}/doc/{kind}" + (f"/{reference}" if reference else "")
        return f"{path}.{extension}" if extension else path

    def definition(self, concept: str) -> str:
        return f"{self.base}/def/{concept}"

    # The identifiers Ghia mints.
    def catalog(self) -> str:
        return self.identifier("catalog")

    def dataset(self, slug: str) -> str:
        return self.identifier("dataset", slug)

    def dataset_document(self, slug: str, extension: str = "") -> str:
        return self.document("dataset", slug, extension)

    def distribution(self, distribution_id) -> str:
        return self.identifier("distribution", str(distribution_id))

    def organization(self, slug: str) -> str:
        return self.identifier("organization", slug)

    def table_schema(self, slug: str) -> str:
        return self.document("dataset", f"{slug}/schema.json")
