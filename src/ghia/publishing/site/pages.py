"""The pages and files of one dataset on the website, rendered from its record.

Everything here works on records and plain paths, never the database, so that the
builder can run it in worker processes. Links are relative, so the website works from
any folder of any web host, and from the disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from html import escape
from pathlib import Path

from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe
from rdflib import URIRef
from rdflib.namespace import DCAT

from ghia.publishing import datajson, dcat, rdfwriters, schemaorg
from ghia.publishing.datapackage import datapackage
from ghia.publishing.preview import Preview, preview
from ghia.publishing.records import LANGS, DatasetRecord
from ghia.publishing.templatetags.publishing import text_in

REDIRECT = (
    '<!doctype html>\n<html><head><meta charset="utf-8"><meta name="robots" content="noindex">\n'
    '<meta http-equiv="refresh" content="0; url={target}">\n<link rel="canonical" href="{canonical}">\n'
    '<title>→</title></head>\n<body><p><a href="{target}">{target}</a></p></body></html>\n'
)


@dataclass(frozen=True)
class SiteContext:
    """What every page of one build shares."""

    out: Path
    base: str  # the site's address, for canonical links and schema.org
    publisher: object  # records.Publisher
    file_sources: dict  # version id -> path of the stored file
    previews: dict  # sha256 -> preview (a dict) or None, made in earlier builds


def relative_root(path: str) -> str:
    return "../" * path.count("/")


def page_context(context: SiteContext, path: str, lang: str) -> dict:
    """Links of a page at ``path`` (the Georgian path; English pages live under en/)."""
    shown = path if lang == "ka" else f"en/{path}"
    root = relative_root(shown)
    return {
        "lang": lang,
        "other_lang": "en" if lang == "ka" else "ka",
        "root": root,
        "home": root if lang == "ka" else f"{root}en/",
        "switch": f"en/{path}" if lang == "ka" else path,
        "canonical": shown.removesuffix("index.html"),
        "alternates": [
            ("ka", path.removesuffix("index.html")),
            ("en", f"en/{path}".removesuffix("index.html")),
        ],
        "base": context.base,
        "publisher": context.publisher,
    }


def render(template: str, context: dict, lang: str) -> str:
    with translation.override(lang):
        return get_template(template).render(context)


def redirect(context: SiteContext, path: str, target: str) -> str:
    """A page at ``path`` that sends the reader to ``target`` (a path from the site root)."""
    html = REDIRECT.format(
        target=relative_root(path) + target,
        canonical=f"{context.base}/{target.removesuffix('index.html')}",
    )
    write(context.out, path, html)
    return path


def write(out: Path, path: str, data: str | bytes) -> None:
    target = os.path.join(out, path)
    raw = data.encode() if isinstance(data, str) else data
    try:
        stream = open(target, "wb")
    except FileNotFoundError:  # a new folder: trying first saves a mkdir for every existing one
        os.makedirs(os.path.dirname(target), exist_ok=True)
        stream = open(target, "wb")
    with stream:
        stream.write(raw)


def link_file(out: Path, path: str, source: str) -> None:
    """A stored file in the website. Versions never change, so the website shares their
    bytes (a hard link) where the file system allows; never written through ``write``."""
    target = os.path.join(out, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if os.path.lexists(target):
        os.unlink(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def previews(context: SiteContext, record: DatasetRecord, made: dict) -> list[dict]:
    """Previews of the record's tables. A file is read once: its preview is kept by the
    file's sha256, and those made now are added to ``made`` for the builder to keep."""
    found = []
    for item in record.distributions:
        if item.external_url or item.version_id not in context.file_sources:
            continue
        if item.sha256 in context.previews:
            data = context.previews[item.sha256]
        elif item.sha256 in made:
            data = made[item.sha256]
        else:
            shown = preview(
                context.file_sources[item.version_id],
                item.format.code if item.format else None,
                item.filename,
            )
            data = made[item.sha256] = shown.as_dict() if shown else None
        if data:
            shown = Preview(**data)
            found.append({"name": item.filename, "preview": shown, "table": preview_table(shown)})
    return found


def preview_table(shown: Preview) -> str:
    """The preview as an HTML table: the same in both languages, so built once, in Python."""
    head = "".join(f"<th>{escape(c)}</th>" for c in shown.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in shown.rows
    )
    return mark_safe(
        f'<div class="scroll"><table class="grid preview"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    )  # noqa: S308 (escaped)


def pieces(triples) -> dict:
    """Triples written as pieces that join into one document per format."""
    prefixes = dcat.PREFIXES
    return {
        "ttl": rdfwriters.turtle_body(triples, prefixes),
        "rdf": rdfwriters.rdfxml_body(triples, prefixes),
        "jsonld": rdfwriters.jsonld_lines(rdfwriters.jsonld_nodes(triples, prefixes)),
    }


def join(parts: list[dict]) -> dict[str, bytes]:
    """Pieces (UTF-8, as bytes: a catalogue's are megabytes, never decoded) joined."""
    return {
        "ttl": b"".join(p["ttl"] for p in parts),
        "rdf": b"".join(p["rdf"] for p in parts),
        "jsonld": b",\n".join(p["jsonld"] for p in parts if p["jsonld"]),
    }


def encoded(pieces: dict[str, str]) -> dict[str, bytes]:
    return {name: text.encode() for name, text in pieces.items()}


def documents(joined: dict[str, bytes]) -> dict[str, bytes]:
    """The three documents made of joined pieces."""
    prefixes = dcat.PREFIXES
    return {
        "ttl": rdfwriters.turtle_prefixes(prefixes).encode() + joined["ttl"],
        "rdf": rdfwriters.rdfxml_document(joined["rdf"], prefixes),
        "jsonld": rdfwriters.jsonld_document(joined["jsonld"], prefixes),
    }


def fragments(record: DatasetRecord, links: dcat.Links) -> dict:
    """The dataset's own triples, its membership of the catalogue included, as pieces of
    the catalogue's documents."""
    triples = rdfwriters.Triples()
    dataset = dcat.describe_dataset(triples, record, links)
    triples.add((URIRef(record.publisher.policy.catalog()), DCAT.dataset, dataset))
    return pieces(triples)


def service_key(service: dict) -> str:
    """A short stable key for a service in the search index (services have no code in records)."""
    return hashlib.sha256(
        json.dumps(service, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:10]


def search_item(record: DatasetRecord) -> str:
    """The dataset in the website's search index (assets/search-index.js), as JSON."""
    item = {
        "s": record.slug, "t": record.title, "d": {lang: excerpt(record.description[lang]) for lang in LANGS},
        "k": record.keywords["ka"] + record.keywords["en"], "th": record.theme.code if record.theme else "",
        "sv": service_key(record.service), "f": sorted({d.format.code for d in record.distributions if d.format}),
        "m": record.modified[:10],
    }  # fmt: skip
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


HOME = "\x00home\x00"  # stands for a list page's relative path to the home page


def excerpt(text: str, length: int = 180) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def item_html(record: DatasetRecord, lang: str) -> str:
    """The dataset in a list: made once per language with its pages, placed in every list."""
    meta = [text_in(record.service, lang)] + (
        [text_in(record.theme.label, lang)] if record.theme else []
    )
    meta += [
        f'<span class="format">{escape(f)}</span>'
        for f in sorted({d.format.code for d in record.distributions if d.format})
    ]
    summary = text_in({k: excerpt(v) for k, v in record.description.items()}, lang)
    return (
        f'<li class="dataset-item"><a href="{HOME}doc/dataset/{record.slug}/index.html">{text_in(record.title, lang)}</a>'
        f'<div class="meta">{" · ".join(meta)}</div>'
        + (f"<p>{summary}</p>" if summary else "")
        + "</li>\n"
    )


def dataset_outputs(context: SiteContext, record: DatasetRecord) -> tuple[list[str], dict]:
    """Write everything of one published dataset; returns the paths written and the
    dataset's pieces of the catalogue-wide files."""
    out, slug = context.out, record.slug
    written = []
    path = f"doc/dataset/{slug}/index.html"
    made: dict = {}
    shared = {
        "record": record,
        "previews": previews(context, record, made),
        "contact": record.contact_email or record.publisher.email,
        "licence_url": record.licence.url or dcat.licence_uri(record),
        "schema_org": mark_safe(schemaorg.script(schemaorg.dataset(record, context.base))),  # noqa: S308 (escaped JSON)
        "built": record.modified[:10],
    }
    for lang in LANGS:
        page = (
            page_context(context, path, lang)
            | shared
            | {"keywords": record.keywords[lang] or record.keywords["ka"] or record.keywords["en"]}
        )
        target = path if lang == "ka" else f"en/{path}"
        write(out, target, render("publishing/site/dataset.html", page, lang))
        written.append(target)
    own = fragments(record, dcat.Links(context.base))
    for ext, data in documents(encoded(own)).items():
        write(out, f"doc/dataset/{slug}.{ext}", data)
        written.append(f"doc/dataset/{slug}.{ext}")
    package = f"doc/dataset/{slug}/datapackage.json"
    write(out, package, json.dumps(datapackage(record, context.base), ensure_ascii=False, indent=1))
    written.append(package)
    for item in record.distributions:
        if item.version_id in context.file_sources:
            link_file(
                out,
                f"files/{item.version_id}/{item.filename}",
                context.file_sources[item.version_id],
            )
            written.append(f"files/{item.version_id}/{item.filename}")
    if record.table_schema:
        write(
            out,
            f"doc/dataset/{slug}/schema.json",
            json.dumps(record.table_schema, ensure_ascii=False, indent=1),
        )
        written.append(f"doc/dataset/{slug}/schema.json")
    written += _identifier_redirects(context, record, path)
    own["datajson"] = json.dumps(datajson.dataset(record, context.base), ensure_ascii=False)
    own["previews"] = made
    own.update({f"item_{lang}": item_html(record, lang) for lang in LANGS})
    own["search"] = search_item(record)
    return written, own


def withdrawn_outputs(context: SiteContext, record: DatasetRecord) -> tuple[list[str], None]:
    """A withdrawn dataset keeps its address: a page that says it was withdrawn."""
    path = f"doc/dataset/{record.slug}/index.html"
    written = []
    for lang in LANGS:
        target = path if lang == "ka" else f"en/{path}"
        page = page_context(context, path, lang) | {"record": record, "built": record.modified[:10]}
        write(context.out, target, render("publishing/site/withdrawn.html", page, lang))
        written.append(target)
    return written + _identifier_redirects(context, record, path), None


def _identifier_redirects(context: SiteContext, record: DatasetRecord, document: str) -> list[str]:
    written = [redirect(context, f"id/dataset/{record.slug}/index.html", document)]
    for old in record.old_slugs:
        written.append(redirect(context, f"id/dataset/{old}/index.html", document))
        written.append(redirect(context, f"doc/dataset/{old}/index.html", document))
        written.append(redirect(context, f"en/doc/dataset/{old}/index.html", f"en/{document}"))
    return written
