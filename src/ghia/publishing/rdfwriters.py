"""Turtle, RDF/XML and JSON-LD writers for Ghia's own graphs.

rdflib builds, parses and validates the graphs; these write them. rdflib's serializers
take 1 to 2 ms for a dataset's fifty triples, which for a website of 10,000 datasets is
most of the build; these take a tenth of that. They handle what Ghia's descriptions
contain: IRIs, blank nodes, plain, language-tagged and typed literals. Subjects come out
sorted, so the same graph always gives the same bytes. The tests check every output
against rdflib's parsers.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

Triple = tuple


def _grouped(triples: Iterable[Triple]) -> list[tuple[object, dict]]:
    subjects: dict = {}
    for s, p, o in triples:
        subjects.setdefault(s, {}).setdefault(p, []).append(o)
    # IRIs first, then blank nodes; each sorted, objects too, for stable bytes.
    ordered = sorted(subjects.items(), key=lambda item: (isinstance(item[0], BNode), str(item[0])))
    return [
        (s, {p: sorted(objects, key=_sort_key) for p, objects in sorted(predicates.items())})
        for s, predicates in ordered
    ]


def _sort_key(term) -> tuple:
    if isinstance(term, Literal):
        return (2, str(term), term.language or "", str(term.datatype or ""))
    return (0 if isinstance(term, URIRef) else 1, str(term), "", "")


class Triples(list):
    """Triples collected without an rdflib graph's indexes: what the writers need, faster."""

    def add(self, triple: Triple) -> None:
        self.append(triple)


@functools.cache
def _names_for(prefixes: tuple[tuple[str, str], ...]) -> _Names:
    return _Names(dict(prefixes))


def _names(prefixes: dict[str, str]) -> _Names:
    """One namer per set of prefixes, which remembers every IRI it has split."""
    return _names_for(tuple(sorted((p, str(ns)) for p, ns in prefixes.items())))


class _Names:
    """Prefixed names for IRIs in the given namespaces (remembered: properties repeat)."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = sorted(
            ((str(ns), p) for p, ns in prefixes.items()), key=lambda item: -len(item[0])
        )
        self.known: dict[str, tuple[str, str]] = {}

    def split(self, iri: str) -> tuple[str, str] | None:
        # Only names are remembered: they are few (the vocabularies' terms), IRIs are many.
        found = self.known.get(iri)
        if found is None:
            found = self._split(iri)
            if found is not None:
                self.known[iri] = found
        return found

    def _split(self, iri: str) -> tuple[str, str] | None:
        for namespace, prefix in self.prefixes:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if (
                    local
                    and all(c.isascii() and (c.isalnum() or c in "_-") for c in local)
                    and local[0].isalpha()
                ):
                    return prefix, local
        return None


# --- Turtle ----------------------------------------------------------------------------


_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _iri(value: str) -> str:
    """An IRI between < >: characters Turtle does not allow there are written as \\uXXXX."""
    return "<" + _IRI_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", value) + ">"


def _turtle_term(term, names: _Names) -> str:
    if isinstance(term, URIRef):
        if term == RDF.type:
            return "a"
        name = names.split(str(term))
        return f"{name[0]}:{name[1]}" if name else _iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    text = json.dumps(str(term), ensure_ascii=False)
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype:
        return f"{text}^^{_turtle_term(URIRef(term.datatype), names)}"
    return text


def turtle_prefixes(prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items())) + "\n"


def turtle_body(triples: Iterable[Triple], prefixes: dict[str, str]) -> str:
    """The statements, to follow ``turtle_prefixes``; bodies of several graphs may be joined."""
    names = _names(prefixes)
    blocks = []
    for subject, predicates in _grouped(triples):
        parts = [
            f"    {_turtle_term(p, names)} "
            + ",\n        ".join(_turtle_term(o, names) for o in objects)
            for p, objects in predicates.items()
        ]
        blocks.append(f"{_turtle_term(subject, names)}\n" + " ;\n".join(parts) + " .\n\n")
    return "".join(blocks)


def turtle(triples: Iterable[Triple], prefixes: dict[str, str]) -> bytes:
    return (turtle_prefixes(prefixes) + turtle_body(triples, prefixes)).encode()


# --- RDF/XML ----------------------------------------------------------------------------


def rdfxml_body(triples: Iterable[Triple], prefixes: dict[str, str]) -> str:
    """The rdf:Description elements, to be placed in an rdf:RDF element declaring ``prefixes``."""
    names = _names(prefixes)
    out = []
    for subject, predicates in _grouped(triples):
        about = (
            f"rdf:nodeID={quoteattr(str(subject))}"
            if isinstance(subject, BNode)
            else f"rdf:about={quoteattr(str(subject))}"
        )
        out.append(f"  <rdf:Description {about}>")
        for predicate, objects in predicates.items():
            name = names.split(str(predicate))
            if name is None:
                raise ValueError(f"no prefix for the property {predicate}")
            tag = f"{name[0]}:{name[1]}"
            for obj in objects:
                if isinstance(obj, URIRef):
                    out.append(f"    <{tag} rdf:resource={quoteattr(str(obj))}/>")
                elif isinstance(obj, BNode):
                    out.append(f"    <{tag} rdf:nodeID={quoteattr(str(obj))}/>")
                else:
                    attrs = f" xml:lang={quoteattr(obj.language)}" if obj.language else ""
                    attrs += f" rdf:datatype={quoteattr(str(obj.datatype))}" if obj.datatype else ""
                    out.append(f"    <{tag}{attrs}>{escape(str(obj))}</{tag}>")
        out.append("  </rdf:Description>")
    return "\n".join(out) + "\n"


def rdfxml_document(body: bytes, prefixes: dict[str, str]) -> bytes:
    """The document around ``body`` (UTF-8): bodies of several graphs may be joined."""
    declarations = "".join(
        f"\n    xmlns:{p}={quoteattr(str(ns))}"
        for p, ns in sorted({**prefixes, "rdf": str(RDF)}.items())
    )
    head = f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{declarations}>\n'
    return head.encode() + body + b"</rdf:RDF>\n"


def rdfxml(triples: Iterable[Triple], prefixes: dict[str, str]) -> bytes:
    return rdfxml_document(rdfxml_body(triples, prefixes).encode(), prefixes)


# --- JSON-LD ------------------------------------------------------------------------------


def _jsonld_id(term, names: _Names) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    name = names.split(str(term))
    return f"{name[0]}:{name[1]}" if name else str(term)


def jsonld_nodes(triples: Iterable[Triple], prefixes: dict[str, str]) -> list[dict]:
    """Flattened node objects, with compact IRIs that ``prefixes`` (the @context) expands."""
    names = _names(prefixes)
    nodes = []
    for subject, predicates in _grouped(triples):
        node = {"@id": _jsonld_id(subject, names)}
        for predicate, objects in predicates.items():
            if predicate == RDF.type:
                node["@type"] = [_jsonld_id(o, names) for o in objects]
                continue
            values = []
            for obj in objects:
                if isinstance(obj, URIRef | BNode):
                    values.append(
                        {"@id": _jsonld_id(obj, names) if isinstance(obj, BNode) else str(obj)}
                    )
                elif obj.language:
                    values.append({"@value": str(obj), "@language": obj.language})
                elif obj.datatype:
                    values.append(
                        {"@value": str(obj), "@type": _jsonld_id(URIRef(obj.datatype), names)}
                    )
                else:
                    values.append({"@value": str(obj)})
            node[_jsonld_id(predicate, names)] = values
        nodes.append(node)
    return nodes


def jsonld_lines(nodes: list[dict]) -> str:
    """Node objects one per line, to be joined with ",\\n" into a document's @graph."""
    return ",\n".join(json.dumps(node, ensure_ascii=False) for node in nodes)


def jsonld_document(lines: bytes, prefixes: dict[str, str]) -> bytes:
    """The document around ``lines`` (UTF-8) of ``jsonld_lines``."""
    context = json.dumps({p: str(ns) for p, ns in sorted(prefixes.items())}, ensure_ascii=False)
    return f'{{"@context": {context},\n"@graph": [\n'.encode() + lines + b"\n]}\n"


def jsonld(triples: Iterable[Triple], prefixes: dict[str, str]) -> bytes:
    return jsonld_document(jsonld_lines(jsonld_nodes(triples, prefixes)).encode(), prefixes)
