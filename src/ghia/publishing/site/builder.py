"""Building the website incrementally.

The builder remembers, in ``OUT/.ghia/`` (see ``state``), what it built from what: for
every dataset the digest of its record and the files it wrote, for every page that lists
datasets the digest of what it listed. A dataset whose digest has not changed is not
rendered again; pages listing datasets are rendered only when what they list changed;
the catalogue-wide files are joined from pieces each dataset left when it was rendered.
A change to the builder itself (its code, templates, translations, the site's address)
rebuilds everything.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.safestring import mark_safe

from ghia.catalog.models import Dataset, DataVersion, Distribution, Municipality, Status
from ghia.publishing import datajson, dcat, rdfwriters, worker
from ghia.publishing import records as catalogue
from ghia.publishing.records import LANGS, DatasetRecord
from ghia.publishing.site import pages
from ghia.publishing.site.pages import SiteContext, page_context, redirect, render, write
from ghia.publishing.site.state import BuildState
from ghia.publishing.targets import Progress, no_progress

BUILDER_VERSION = "1"
STATE = ".ghia"
PAGE_SIZE = 50
PARALLEL_FROM = 200  # datasets to render before worker processes pay for themselves
ASSETS = Path(__file__).with_name("assets")
PACKAGE = Path(__file__).parents[1]  # ghia.publishing: its code, templates and assets


@dataclass
class BuildResult:
    datasets: int  # published datasets on the site
    withdrawn: int
    rebuilt: int  # datasets rendered in this build
    removed: int  # datasets whose pages were removed
    pages: int  # HTML pages written in this build
    files: int  # data files offered for download
    changed: bool


def _digest(*parts) -> str:
    return hashlib.sha256(
        json.dumps(parts, sort_keys=True, ensure_ascii=False, default=vars).encode()
    ).hexdigest()


def _builder_key(base: str, municipality: Municipality) -> str:
    """Changes when anything every page depends on changes: the builder's code, templates
    and translations, the site's address, and what all records share."""
    digest = hashlib.sha256(
        f"{BUILDER_VERSION}|{base}|{catalogue.shared_fingerprint(municipality)}".encode()
    )
    for folder in (PACKAGE, *[Path(p) for p in settings.LOCALE_PATHS]):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".html", ".css", ".js", ".mo"):
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _load_manifest(state: Path) -> dict:
    try:
        return json.loads((state / "manifest.json").read_text())
    except (OSError, ValueError):
        return {}


def _remove(out: Path, paths) -> None:
    for path in paths:
        target = out / path
        if target.is_file():
            target.unlink()
        parent = target.parent
        while parent != out and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def _file_sources(units: list[tuple[str, DatasetRecord]]) -> dict[str, str]:
    wanted = {
        d.version_id
        for kind, r in units
        if kind == "dataset"
        for d in r.distributions
        if d.version_id
    }
    sources = {}
    ids = sorted(wanted)
    for chunk in (ids[i : i + 5000] for i in range(0, len(ids), 5000)):
        for version_id, name in DataVersion.objects.filter(pk__in=chunk).values_list(
            "id", "storage_name"
        ):
            sources[str(version_id)] = default_storage.path(name)
    return sources


def render_units(
    context: SiteContext, units: list[tuple[str, DatasetRecord]]
) -> list[tuple[str, list[str], dict | None]]:
    done = []
    for kind, record in units:
        render_unit = pages.dataset_outputs if kind == "dataset" else pages.withdrawn_outputs
        outputs, own = render_unit(context, record)
        done.append((record.id, outputs, own))
    return done


class _Workers:
    """Worker processes, started only when many datasets are to be rendered.

    Fresh interpreters rather than forks: a fork of a process whose polars threads are
    busy (a web worker that has checked a table) can deadlock. One polars thread each:
    the workers already use every core. A first build starts them at once, so that their
    start-up overlaps the reading of the catalogue.
    """

    def __init__(self, count: int):
        self.count, self.pool = count, None

    def start(self) -> ProcessPoolExecutor:
        if self.pool is None:
            threads = os.environ.get("POLARS_MAX_THREADS")
            os.environ["POLARS_MAX_THREADS"] = "1"
            try:
                self.pool = ProcessPoolExecutor(
                    self.count, mp_context=get_context("spawn"), initializer=worker.start
                )
                for _ in range(self.count):
                    self.pool.submit(worker.ready)
            finally:
                if threads is None:
                    os.environ.pop("POLARS_MAX_THREADS")
                else:
                    os.environ["POLARS_MAX_THREADS"] = threads
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _render_all(context: SiteContext, units, workers: _Workers, progress: Progress) -> list:
    chunks = [units[i : i + 100] for i in range(0, len(units), 100)]
    results = []
    if workers.count <= 1 or len(units) < PARALLEL_FROM:
        for chunk in chunks:
            results += render_units(context, chunk)
            progress(len(results), len(units), "")
        return results
    for part in workers.start().map(
        worker.render_units, [_narrowed(context, chunk) for chunk in chunks], chunks
    ):
        results += part
        progress(len(results), len(units), "")
    return results


def _narrowed(context: SiteContext, units) -> SiteContext:
    """The context with only what these units need: it is copied to a worker per chunk."""
    versions = {d.version_id for _kind, r in units for d in r.distributions}
    shas = {d.sha256 for _kind, r in units for d in r.distributions}
    return replace(
        context,
        file_sources={k: v for k, v in context.file_sources.items() if k in versions},
        previews={k: v for k, v in context.previews.items() if k in shas},
    )


@dataclass
class Changes:
    """What a build has to do: the datasets to render (published or withdrawn), and those
    whose pages are to go."""

    builder_key: str
    fresh: bool  # code, templates, translations, address or vocabularies changed: all is rendered
    units: list[tuple[str, DatasetRecord]]
    digests: dict[str, str]  # of every unit on the site after the build
    kinds: dict[str, str]  # of every unit: "dataset" (published) or "withdrawn"
    gone: list[str]
    files: int  # data files the published datasets offer


_KINDS = (("dataset", Status.PUBLISHED), ("withdrawn", Status.WITHDRAWN))


def _changes(state: BuildState, out: Path, municipality: Municipality, key: str) -> Changes:
    """Which datasets changed, told by fingerprints of their rows; records are made of
    those only."""
    fresh = state.meta("builder") != key
    known = state.digests()
    datasets = Dataset.objects.filter(municipality=municipality)
    digests, kinds, changed = {}, {}, set()
    for kind, status in _KINDS:
        for unit_id, fingerprint in catalogue.fingerprints(datasets.filter(status=status)).items():
            digests[unit_id], kinds[unit_id] = _digest(kind, fingerprint), kind
            digest, first_output = known.get(unit_id, ("", ""))
            if fresh or digest != digests[unit_id] or not (out / first_output).is_file():
                changed.add(unit_id)
    # Past a few hundred, one query for the whole site beats a list of ids.
    on_site = datasets.filter(status__in=[status for _kind, status in _KINDS])
    wanted = on_site if len(changed) > 500 else datasets.filter(pk__in=list(changed))
    made = [r for r in catalogue.from_queryset(wanted) if r.id in changed]
    units = [(kinds[r.id], r) for r in sorted(made, key=lambda r: r.slug)]
    gone = [unit_id for unit_id in known if unit_id not in digests]
    files = Distribution.objects.filter(
        dataset__in=datasets.filter(status=Status.PUBLISHED), version__isnull=False
    ).count()
    return Changes(key, fresh, units, digests, kinds, gone, files)


def _records(state: BuildState, changes: Changes, publisher) -> list[DatasetRecord]:
    """Every record on the site: those rendered now, the others as the state kept them."""
    made = {record.id: record for _kind, record in changes.units}
    kept = state.records(set(changes.digests) - set(made))
    vocabularies = catalogue.Vocabularies()
    found = [*made.values(), *(catalogue.from_data(d, publisher, vocabularies) for d in kept)]
    return sorted(found, key=lambda r: r.slug)


def _open(out: str | Path, municipality: Municipality, base_url: str | None):
    out = Path(out).resolve()
    publisher = catalogue.publisher(municipality)
    base = (base_url or publisher.base).rstrip("/")
    return out, publisher, base, BuildState(out / STATE), _builder_key(base, municipality)


def pending(out: str | Path, municipality: Municipality, base_url: str | None = None) -> Changes:
    """What ``build`` would do now, without doing it."""
    out, _publisher, _base, state, key = _open(out, municipality, base_url)
    try:
        return _changes(state, out, municipality, key)
    finally:
        state.close()


def build(out: str | Path, municipality: Municipality, base_url: str | None = None,
          progress: Progress = no_progress, workers: int | None = None) -> BuildResult:  # fmt: skip
    """Build (or bring up to date) the website of ``municipality`` in the folder ``out``."""
    out, publisher, base, state, key = _open(out, municipality, base_url)
    pool = _Workers(workers or os.cpu_count() or 1)
    try:
        everything = state.meta("builder") != key
        if pool.count > 1 and everything and municipality.datasets.count() >= PARALLEL_FROM:
            pool.start()  # everything is to be rendered: let the workers start meanwhile
        changes = _changes(state, out, municipality, key)
        return _build(state, out, changes, base, publisher, progress, pool)
    finally:
        pool.close()
        state.close()


def _build(
    state: BuildState,
    out: Path,
    changes: Changes,
    base: str,
    publisher,
    progress,
    workers: _Workers,
) -> BuildResult:
    units, digests, gone = changes.units, changes.digests, changes.gone
    shas = {d.sha256 for kind, r in units if kind == "dataset" for d in r.distributions if d.sha256}
    context = SiteContext(out=out, base=base, publisher=publisher,
                          file_sources=_file_sources(units), previews=state.previews(shas))  # fmt: skip
    rendered = _render_all(context, units, workers, progress)

    before = state.outputs([unit_id for unit_id, _o, _p in rendered] + gone)
    made = {record.id: record for _kind, record in units}
    for unit_id, outputs, own in rendered:
        _remove(out, set(before.get(unit_id, [])) - set(outputs))
        if own:
            state.save_previews(own.pop("previews"))
        record = json.dumps(catalogue.as_data(made[unit_id]), ensure_ascii=False)
        state.save_unit(unit_id, digests[unit_id], outputs, own, record)
    for unit_id in gone:
        _remove(out, before.get(unit_id, []))
    state.drop_units(gone)

    changed = changes.fresh or bool(units) or bool(gone)
    pages_written = 2 * len(rendered)
    if changed or not (out / "index.html").is_file():
        found = _records(state, changes, publisher)
        published = [r for r in found if r.status == Status.PUBLISHED]
        withdrawn = [r for r in found if r.status == Status.WITHDRAWN]
        previous = {} if changes.fresh else state.aggregates()
        aggregates, written = _aggregates(
            context, published, withdrawn, digests, state.pieces(), previous
        )
        state.save_aggregates(aggregates)
        pages_written += written
    state.set_meta("builder", changes.builder_key)
    state.commit()
    kinds = list(changes.kinds.values())
    return BuildResult(
        kinds.count("dataset"),
        kinds.count("withdrawn"),
        len(rendered),
        len(gone),
        pages_written,
        changes.files,
        changed,
    )


# --- pages and files about the whole catalogue ---------------------------------------------


def _entry(record: DatasetRecord) -> dict:
    """What the lists and their filters need of a dataset."""
    return {
        "id": record.id,
        "service": record.service,
        "theme": record.theme,
        "formats": sorted({d.format.code for d in record.distributions if d.format}),
    }


def _items(entries: list[dict], lang: str, page_path: str, pieces: dict) -> str:
    """The list of datasets of a page, joined from the items each dataset left in its pieces."""
    home = pages.relative_root(page_path if lang == "ka" else f"en/{page_path}") + (
        "" if lang == "ka" else "en/"
    )
    html = b"".join(pieces[e["id"]][f"item_{lang}"] for e in entries).decode()
    return mark_safe(html.replace(pages.HOME, home))  # noqa: S308 (escaped when made)


def _listing_pages(prefix: str, entries: list[dict]) -> list[tuple[str, list[dict], int, list]]:
    """(path, entries, page number, [(number, path)]) of a paged list of datasets."""
    count = max(1, -(-len(entries) // PAGE_SIZE))
    paths = [f"{prefix}index.html"] + [f"{prefix}page/{n}/index.html" for n in range(2, count + 1)]
    numbered = list(enumerate(paths, 1))
    return [
        (paths[n - 1], entries[(n - 1) * PAGE_SIZE : n * PAGE_SIZE], n, numbered)
        for n in range(1, count + 1)
    ]


class _Writer:
    """Writes aggregate outputs, skipping those whose inputs have not changed."""

    def __init__(self, context: SiteContext, previous: dict):
        self.context, self.previous, self.now, self.pages = context, previous, {}, 0

    def page(self, path: str, template: str, inputs: dict, lang: str, digest: str) -> None:
        """``digest`` stands for ``inputs``: cheaper to compare than the inputs themselves."""
        target = path if lang == "ka" else f"en/{path}"
        digest = _digest(template, lang, digest)
        self.now[target] = digest
        if self.previous.get(target) == digest and (self.context.out / target).exists():
            return
        write(
            self.context.out,
            target,
            render(template, page_context(self.context, path, lang) | inputs, lang),
        )
        self.pages += 1

    def file(self, path: str, data: str | bytes, changes_with_any_dataset: bool = False) -> None:
        """``changes_with_any_dataset``: a file about every dataset, written whenever one
        changed, without hashing its megabytes to find out."""
        raw = data.encode() if isinstance(data, str) else data
        digest = "every build" if changes_with_any_dataset else hashlib.sha256(raw).hexdigest()
        self.now[path] = digest
        if (
            changes_with_any_dataset
            or self.previous.get(path) != digest
            or not (self.context.out / path).exists()
        ):
            write(self.context.out, path, raw)

    def redirect(self, path: str, target: str) -> None:
        self.now[path] = target
        if self.previous.get(path) != target or not (self.context.out / path).exists():
            redirect(self.context, path, target)


def _aggregates(context: SiteContext, published: list[DatasetRecord], withdrawn: list[DatasetRecord],
                digests: dict[str, str], stored_pieces: dict, previous: dict):  # fmt: skip
    writer = _Writer(context, previous)
    entries = [_entry(r) for r in published]
    pairs = list(zip(published, entries, strict=True))
    themes = {}
    for entry in entries:
        if entry["theme"]:
            themes.setdefault(
                entry["theme"].code,
                {"code": entry["theme"].code, "label": entry["theme"].label, "count": 0},
            )
            themes[entry["theme"].code]["count"] += 1
    theme_list = sorted(themes.values(), key=lambda t: t["code"])
    services = sorted(
        {pages.service_key(e["service"]): e["service"] for e in entries}.items(),
        key=lambda item: item[1]["ka"],
    )
    formats = sorted({f for e in entries for f in e["formats"]})
    # Only the home page carries the date of the last change: every list page would change with it.
    built = max((r.modified for r in published), default="")[:10]
    recent = sorted(published, key=lambda r: r.issued or "", reverse=True)[:8]
    shared = {"themes": theme_list, "services": services, "formats": formats}
    shared_digest = _digest(shared)

    for lang in LANGS:
        writer.page("index.html", "publishing/site/home.html",
                    {"total": len(entries), "recent": _items([_entry(r) for r in recent], lang, "index.html", stored_pieces), "built": built} | shared, lang,
                    _digest(shared_digest, len(entries), built, [digests[r.id] for r in recent]))  # fmt: skip
        lists = [("datasets/", pairs, None)] + [
            (
                f"datasets/theme/{code.lower()}/",
                [(r, e) for r, e in pairs if e["theme"] and e["theme"].code == code],
                themes[code],
            )
            for code in sorted(themes)
        ]
        for prefix, chosen, theme in lists:
            for path, items, number, numbered in _listing_pages(prefix, chosen):
                inputs = {"items": _items([e for _r, e in items], lang, path, stored_pieces), "page": number, "total": len(chosen), "theme": theme,
                          "pages": [(n, p if lang == "ka" else f"en/{p}") for n, p in numbered]} | shared  # fmt: skip
                digest = _digest(
                    shared_digest,
                    number,
                    len(chosen),
                    len(numbered),
                    theme,
                    [digests[r.id] for r, _e in items],
                )
                writer.page(path, "publishing/site/catalogue.html", inputs, lang, digest)

    for name in ("site.css", "site.js"):
        writer.file(f"assets/{name}", (ASSETS / name).read_bytes())
    pieces = [stored_pieces[r.id] for r in published]
    writer.file(
        "assets/search-index.js",
        _search_index(published, services, pieces),
        changes_with_any_dataset=True,
    )
    writer.file("data.json", _data_json(pieces), changes_with_any_dataset=True)
    for ext, data in _catalogue_files(context, published, pieces).items():
        writer.file(f"doc/catalog.{ext}", data, changes_with_any_dataset=True)
    writer.file("sitemap.xml", _sitemap(context.base, published))
    writer.file(
        "robots.txt",
        f"User-agent: *\nAllow: /\nDisallow: /{STATE}/\nSitemap: {context.base}/sitemap.xml\n",
    )
    writer.file("_redirects", _netlify_redirects(published + withdrawn))
    writer.file(".htaccess", _htaccess(published + withdrawn))
    writer.redirect("doc/catalog/index.html", "datasets/index.html")
    writer.redirect("id/catalog/index.html", "datasets/index.html")
    writer.redirect(f"id/organization/{context.publisher.slug}/index.html", "index.html")
    _remove(context.out, set(previous) - set(writer.now))
    return writer.now, writer.pages


def _data_json(pieces: list[dict]) -> bytes:
    """Project Open Data's data.json, joined from each dataset's entry."""
    head = json.dumps(
        {k: v for k, v in datajson.catalog([], "").items() if k != "dataset"}, ensure_ascii=False
    )[:-1]
    entries = b",\n".join(p["datajson"] for p in pieces)
    return f'{head}, "dataset": [\n'.encode() + entries + b"\n]}\n"


def _search_index(
    published: list[DatasetRecord], services: list[tuple[str, dict]], pieces: list[dict]
) -> bytes:
    """The search index, joined from each dataset's item."""
    themes = {r.theme.code: r.theme.label for r in published if r.theme}
    head = json.dumps(
        {"themes": themes, "services": dict(services)}, ensure_ascii=False, separators=(",", ":")
    )[:-1]
    items = b",\n".join(p["search"] for p in pieces)
    return f'window.GHIA_INDEX = {head},"items":[\n'.encode() + items + b"\n]};\n"


def _catalogue_files(
    context: SiteContext, published: list[DatasetRecord], pieces: list[dict]
) -> dict[str, bytes]:
    """The municipality's DCAT-AP catalogue in the three formats, joined from the catalogue's
    own description and each dataset's pieces."""
    triples = rdfwriters.Triples()
    catalog = dcat.municipal_catalog(context.publisher)
    # Each dataset's pieces say it is in the catalogue.
    dcat.describe_catalog(triples, catalog, [], dcat.catalog_dates(published))
    dcat.describe_terms(triples, published)
    return pages.documents(pages.join([pages.encoded(pages.pieces(triples)), *pieces]))


def _sitemap(base: str, published: list[DatasetRecord]) -> str:
    urls = [
        (f"{base}/", None),
        (f"{base}/en/", None),
        (f"{base}/datasets/", None),
        (f"{base}/en/datasets/", None),
    ]
    for record in published:
        for prefix in ("", "en/"):
            urls.append((f"{base}/{prefix}doc/dataset/{record.slug}/", record.modified[:10]))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, modified in urls:
        lines.append(
            f"<url><loc>{url}</loc>"
            + (f"<lastmod>{modified}</lastmod>" if modified else "")
            + "</url>"
        )
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _netlify_redirects(found: list[DatasetRecord]) -> str:
    """Redirects for hosts that read a ``_redirects`` file (Netlify, Cloudflare Pages):
    303 for identifiers, 301 for renamed datasets; the first matching line wins."""
    lines = ["# Persistent URIs: /id/ answers 303 See Other with the document (Ghia)."]
    for record in found:
        for distribution in record.distributions:
            lines.append(f"/id/distribution/{distribution.id}  /doc/dataset/{record.slug}/  303")
        for old in record.old_slugs:
            lines.append(f"/id/dataset/{old}  /doc/dataset/{record.slug}/  303")
            lines.append(f"/doc/dataset/{old}  /doc/dataset/{record.slug}/  301")
            lines.append(f"/doc/dataset/{old}/  /doc/dataset/{record.slug}/  301")
    lines += [
        "/id/dataset/:slug  /doc/dataset/:slug/  303",
        "/id/catalog  /datasets/  303",
        "/doc/catalog  /datasets/  303",
    ]
    return "\n".join(lines) + "\n"


def _htaccess(found: list[DatasetRecord]) -> str:
    """The same redirects for Apache (mod_alias), wherever the site sits under the host.
    Not one line per distribution: Apache reads the whole file on every request."""
    lines = [
        "# Persistent URIs: /id/ answers 303 See Other with the document (Ghia).",
        "RedirectMatch 404 /\\.ghia(/|$)",
    ]
    for record in found:
        for old in record.old_slugs:
            lines.append(
                f"RedirectMatch 303 ^(.*)/id/dataset/{old}/?$ $1/doc/dataset/{record.slug}/"
            )
            lines.append(
                f"RedirectMatch 301 ^(.*)/doc/dataset/{old}/?$ $1/doc/dataset/{record.slug}/"
            )
    lines += [
        "RedirectMatch 303 ^(.*)/id/dataset/([^/]+)/?$ $1/doc/dataset/$2/",
        "RedirectMatch 303 ^(.*)/id/catalog/?$ $1/datasets/",
        "AddType text/turtle .ttl",
        "AddType application/rdf+xml .rdf",
        "AddType application/ld+json .jsonld",
    ]
    return "\n".join(lines) + "\n"
