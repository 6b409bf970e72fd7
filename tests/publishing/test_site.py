"""The static website: complete, bilingual, linked, and rebuilt only where things changed."""

import hashlib
import io
import json
import os
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, RDF

from ghia.catalog import services, workflow
from ghia.catalog.models import Status
from ghia.publishing.models import Publication
from ghia.publishing.site import build
from ghia.publishing.targets.site import SiteReader, SiteTarget

pytestmark = pytest.mark.django_db

HREF = re.compile(r'(?:href|src)="([^"#]+)"')


def internal_links(site: Path) -> list[tuple[Path, str]]:
    found = []
    for page in site.rglob("*.html"):
        if ".ghia" in page.parts:
            continue
        for link in HREF.findall(page.read_text()):
            if not link.startswith(("http://", "https://", "mailto:")):
                found.append((page, link))
    return found


def test_a_complete_bilingual_site(catalogue, tmp_path):
    site = tmp_path / "site"
    result = build(site, catalogue.world.kutaisi)
    assert (result.datasets, result.withdrawn, result.rebuilt) == (2, 1, 3)
    budget = catalogue.budget
    ka = (site / f"doc/dataset/{budget.slug}/index.html").read_text()
    en = (site / f"en/doc/dataset/{budget.slug}/index.html").read_text()
    assert "ბიუჯეტის შესრულება" in ka and '<html lang="ka">' in ka
    assert "Budget execution" in en and '<html lang="en">' in en
    version = budget.current_version
    data = site / f"files/{version.id}/budget.csv"
    assert hashlib.sha256(data.read_bytes()).hexdigest() == version.sha256
    assert version.sha256 in ka and "<svg" in ka  # the checksum, and a chart of the budget table
    assert "<td>2022</td>" in ka  # the preview's rows

    for link_page, link in internal_links(site):
        target = (link_page.parent / link.split("?")[0]).resolve()
        assert target.exists(), f"{link_page.relative_to(site)} → {link}"

    assert (site / "index.html").exists() and (site / "en/index.html").exists()
    catalogue_page = (site / "datasets/index.html").read_text()
    assert budget.slug in catalogue_page and catalogue.old.slug not in catalogue_page
    assert "window.GHIA_INDEX" in (site / "assets/search-index.js").read_text()
    sitemap = (site / "sitemap.xml").read_text()
    assert f"https://data.kutaisi.gov.ge/en/doc/dataset/{budget.slug}/" in sitemap
    assert "Sitemap: https://data.kutaisi.gov.ge/sitemap.xml" in (site / "robots.txt").read_text()
    assert len(json.loads((site / "data.json").read_text())["dataset"]) == 2
    assert (
        json.loads((site / f"doc/dataset/{budget.slug}/datapackage.json").read_text())["name"]
        == budget.slug
    )
    schema = json.loads((site / f"doc/dataset/{catalogue.buses.slug}/schema.json").read_text())
    assert schema["fields"][0]["name"] == "a"

    graph = Graph().parse(site / "doc/catalog.ttl", format="turtle")
    assert set(graph.subjects(RDF.type, DCAT.Dataset)) == {
        URIRef(f"https://data.kutaisi.gov.ge/id/dataset/{budget.slug}"),
        URIRef(f"https://data.kutaisi.gov.ge/id/dataset/{catalogue.buses.slug}"),
    }
    for ext, fmt in (("rdf", "xml"), ("jsonld", "json-ld")):
        assert len(Graph().parse(site / f"doc/catalog.{ext}", format=fmt)) == len(graph)
    assert len(Graph().parse(site / f"doc/dataset/{budget.slug}.ttl", format="turtle")) > 20


def test_the_site_catalogue_validates(catalogue, tmp_path):
    from pyshacl import validate

    shapes = Path(__file__).parents[1] / "data" / "dcat-ap-3.0.1"
    build(tmp_path / "site", catalogue.world.kutaisi)
    graph = Graph().parse(tmp_path / "site/doc/catalog.ttl", format="turtle")
    for name in ("shapes.ttl", "range.ttl"):
        conforms, _report, text = validate(graph, shacl_graph=Graph().parse(shapes / name))
        assert conforms, text


def test_persistent_uris_and_renamed_and_withdrawn_datasets(catalogue, tmp_path):
    site = tmp_path / "site"
    build(site, catalogue.world.kutaisi)
    buses = catalogue.buses
    old_slug = buses.old_slugs.get().slug
    redirect = (site / f"id/dataset/{buses.slug}/index.html").read_text()
    assert f"url=../../../doc/dataset/{buses.slug}/index.html" in redirect
    moved = (site / f"doc/dataset/{old_slug}/index.html").read_text()
    assert f"url=../../../doc/dataset/{buses.slug}/index.html" in moved
    distribution = buses.distributions.get()
    redirects = (site / "_redirects").read_text()
    assert f"/id/distribution/{distribution.id}  /doc/dataset/{buses.slug}/  303" in redirects
    assert f"/id/dataset/{old_slug}  /doc/dataset/{buses.slug}/  303" in redirects
    assert "/id/dataset/:slug  /doc/dataset/:slug/  303" in redirects
    assert (
        f"RedirectMatch 301 ^(.*)/doc/dataset/{old_slug}/?$ $1/doc/dataset/{buses.slug}/"
        in (site / ".htaccess").read_text()
    )
    tombstone = (site / f"doc/dataset/{catalogue.old.slug}/index.html").read_text()
    assert "data-ghia-withdrawn" in tombstone and 'content="noindex"' in tombstone
    assert not (site / f"files/{catalogue.old.current_version.id}").exists()


def test_only_what_changed_is_rebuilt(catalogue, tmp_path):
    site = tmp_path / "site"
    build(site, catalogue.world.kutaisi)
    budget_page = site / f"doc/dataset/{catalogue.budget.slug}/index.html"
    buses_page = site / f"doc/dataset/{catalogue.buses.slug}/index.html"
    os.utime(budget_page, (1, 1))
    os.utime(buses_page, (1, 1))
    again = build(site, catalogue.world.kutaisi)
    assert (again.rebuilt, again.pages, again.changed) == (0, 0, False)
    assert buses_page.stat().st_mtime == 1

    services.update_dataset(
        catalogue.world.admin,
        catalogue.budget,
        description={"ka": "ახალი აღწერა.", "en": "A new description."},
    )
    once = build(site, catalogue.world.kutaisi)
    assert once.rebuilt == 1
    assert "ახალი აღწერა" in budget_page.read_text()
    assert buses_page.stat().st_mtime == 1  # the other dataset was not touched
    assert "ახალი აღწერა" in (site / "data.json").read_text()
    assert once.pages <= 2 + 2 * 3  # its two pages, the home pages, the lists that show it

    old_version = catalogue.budget.current_version
    services.add_version(
        catalogue.world.admin,
        catalogue.budget,
        io.BytesIO(b"year,amount\n2024,1\n"),
        "budget-2024.csv",
    )
    build(site, catalogue.world.kutaisi)
    assert not (site / f"files/{old_version.id}").exists()
    new_version = catalogue.budget.current_version
    assert (site / f"files/{new_version.id}/budget-2024.csv").exists()


RDF_FORMATS = (".ttl", ".rdf", ".jsonld")


def same_graph(a: bytes, b: bytes, path: str) -> bool:
    from rdflib.compare import isomorphic

    kind = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}[path.rsplit(".", 1)[1]]
    return isomorphic(Graph().parse(data=a, format=kind), Graph().parse(data=b, format=kind))


def site_files(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and ".ghia" not in path.parts
    }


def test_an_incremental_build_equals_a_fresh_one_after_every_kind_of_change(catalogue, tmp_path):
    from ghia.catalog.models import Licence, Theme
    from ghia.preparation.models import TableSchema

    site, world = tmp_path / "site", catalogue.world
    build(site, world.kutaisi)
    changes = [
        lambda: services.update_dataset(world.admin, catalogue.budget, title={"ka": "ბიუჯეტი", "en": "Budget"}),
        lambda: services.update_dataset(world.admin, catalogue.budget, keywords={"ka": "ხარჯი", "en": "spending"}),
        lambda: services.update_dataset(world.admin, catalogue.buses, theme=Theme.objects.get(code="TRAN")),
        lambda: services.update_dataset(world.admin, catalogue.buses, licence=Licence.objects.get(pk="CC0-1.0")),
        lambda: TableSchema.objects.filter(dataset=catalogue.buses).update(
            descriptor={"fields": [{"name": "a", "type": "number"}, {"name": "b", "type": "string"}]}
        ),
        lambda: services.add_version(world.admin, catalogue.buses, io.BytesIO(b"a,b\n1,x\n"), "b.csv"),
        lambda: workflow.transition(world.admin, catalogue.buses, Status.WITHDRAWN),
    ]  # fmt: skip
    for change in changes:
        change()
        result = build(site, world.kutaisi)
        assert result.rebuilt == 1
        fresh = tmp_path / f"fresh-{result.pages}-{len(os.listdir(tmp_path))}"
        build(fresh, world.kutaisi)
        built, expected = site_files(site), site_files(fresh)
        assert built.keys() == expected.keys()
        for path, data in built.items():
            if path.endswith(RDF_FORMATS):  # blank nodes are named anew in every build
                assert same_graph(data, expected[path], path), path
            else:
                assert data == expected[path], path


def test_a_renamed_service_rebuilds_every_dataset(catalogue, tmp_path):
    site = tmp_path / "site"
    build(site, catalogue.world.kutaisi)
    catalogue.world.finance.name = {"ka": "საფინანსო სამსახური", "en": "Finance Service"}
    catalogue.world.finance.save()
    assert build(site, catalogue.world.kutaisi).rebuilt == 3
    page = (site / f"en/doc/dataset/{catalogue.budget.slug}/index.html").read_text()
    assert "Finance Service" in page


def test_withdrawing_and_unpublishing_remove_pages(catalogue, tmp_path):
    site = tmp_path / "site"
    build(site, catalogue.world.kutaisi)
    version = catalogue.budget.current_version
    workflow.transition(catalogue.world.admin, catalogue.budget, Status.WITHDRAWN)
    build(site, catalogue.world.kutaisi)
    assert (
        "data-ghia-withdrawn"
        in (site / f"doc/dataset/{catalogue.budget.slug}/index.html").read_text()
    )
    assert not (site / f"files/{version.id}").exists()
    assert not (site / f"doc/dataset/{catalogue.budget.slug}.ttl").exists()
    workflow.transition(catalogue.world.admin, catalogue.budget, Status.IN_PREPARATION)
    result = build(site, catalogue.world.kutaisi)
    assert result.removed == 1
    assert not (site / f"doc/dataset/{catalogue.budget.slug}").exists()


def test_a_changed_template_rebuilds_everything(catalogue, tmp_path, monkeypatch):
    from ghia.publishing.site import builder

    site = tmp_path / "site"
    build(site, catalogue.world.kutaisi)
    monkeypatch.setattr(builder, "BUILDER_VERSION", "changed")
    assert build(site, catalogue.world.kutaisi).rebuilt == 3


def test_site_target_records_publications_and_reads_back(catalogue, tmp_path):
    target = SiteTarget(tmp_path / "site")
    plan = target.plan(catalogue.world.kutaisi)
    assert {a.label for a in plan.actions} == {
        catalogue.budget.slug,
        catalogue.buses.slug,
        catalogue.old.slug,
    }
    target.publish(catalogue.world.kutaisi)
    publication = Publication.objects.get(dataset=catalogue.budget, target=target.key)
    assert publication.state == Publication.State.PUBLISHED
    assert (
        publication.remote_url
        == f"https://data.kutaisi.gov.ge/doc/dataset/{catalogue.budget.slug}/"
    )
    from ghia.publishing import records

    seen = SiteReader(str(tmp_path / "site")).observe(
        target.key, records.records("kutaisi", [Status.PUBLISHED, Status.WITHDRAWN])
    )
    budget = seen.datasets[str(catalogue.budget.id)]
    assert budget.title == {"ka": "ბიუჯეტის შესრულება", "en": "Budget execution"}
    assert budget.licence == "CC-BY-4.0" and budget.formats == {"CSV"}
    assert budget.files[0].sha256 == catalogue.budget.current_version.sha256
    assert str(catalogue.old.id) not in seen.datasets and seen.unknown == []


def test_cli_builds_the_site(catalogue, tmp_path, capsys):
    from ghia.cli import main

    assert (
        main(
            [
                "publish",
                "site",
                str(tmp_path / "out"),
                "--municipality",
                "kutaisi",
                "--base-url",
                "https://opendata.example/kutaisi",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert "2 datasets, 3 rebuilt" in capsys.readouterr().out
    assert (
        "https://opendata.example/kutaisi/sitemap.xml" in (tmp_path / "out/robots.txt").read_text()
    )


def test_many_datasets_are_built_by_worker_processes(catalogue, tmp_path, monkeypatch):
    from ghia.publishing.site import builder

    monkeypatch.setattr(builder, "PARALLEL_FROM", 2)
    result = build(tmp_path / "site", catalogue.world.kutaisi, workers=2)
    assert result.rebuilt == 3
    assert (tmp_path / f"site/doc/dataset/{catalogue.budget.slug}/index.html").exists()
