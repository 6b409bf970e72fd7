"""The national-portal bundle: files, bilingual metadata sheet, DCAT-AP and checksums."""

import csv
import hashlib
import io
import zipfile

import pytest
from openpyxl import load_workbook
from rdflib import Graph
from rdflib.namespace import DCAT, RDF

from ghia.publishing.models import Publication
from ghia.publishing.targets.bundle import BundleTarget

pytestmark = pytest.mark.django_db


def test_bundle_contents(catalogue, tmp_path):
    from ghia.cli import main

    out = tmp_path / "kutaisi.zip"
    assert main(["publish", "bundle", str(out), "--municipality", "kutaisi", "--lang", "en"]) == 0
    with zipfile.ZipFile(out) as bundle:
        names = set(bundle.namelist())
        budget_file = f"data/{catalogue.budget.slug}/budget.csv"
        assert budget_file in names
        assert (
            hashlib.sha256(bundle.read(budget_file)).hexdigest()
            == catalogue.budget.current_version.sha256
        )
        assert not any(catalogue.old.slug in n or catalogue.draft.slug in n for n in names)

        sums = dict(
            line.split("  ")[::-1] for line in bundle.read("SHA256SUMS").decode().splitlines()
        )
        assert set(sums) == names - {"SHA256SUMS"}
        for name, sha in sums.items():
            assert hashlib.sha256(bundle.read(name)).hexdigest() == sha, name

        rows = list(csv.DictReader(io.StringIO(bundle.read("metadata.csv").decode("utf-8-sig"))))
        assert len(rows) == 2
        budget = next(
            r for r in rows if r["იდენტიფიკატორი / Identifier"] == str(catalogue.budget.id)
        )
        assert budget["სათაური (ქართ.) / Title (Georgian)"] == "ბიუჯეტის შესრულება"
        assert budget["სათაური (ინგლ.) / Title (English)"] == "Budget execution"
        assert budget["SHA-256 / SHA-256"] == catalogue.budget.current_version.sha256
        assert budget["ფაილი / File"] == budget_file

        sheet = load_workbook(io.BytesIO(bundle.read("metadata.xlsx"))).active
        assert [c.value for c in sheet[1]] == list(rows[0].keys())
        assert sheet.max_row == 3

        graph = Graph().parse(data=bundle.read("catalog.ttl"), format="turtle")
        assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 2
        readme = bundle.read("README.txt").decode()
        assert "მუნიციპალიტეტი: ქუთაისი" in readme and "Municipality: Kutaisi" in readme

    publication = Publication.objects.get(dataset=catalogue.budget, kind="bundle")
    assert publication.state == Publication.State.PUBLISHED
    assert publication.remote_id == f"data/{catalogue.budget.slug}"


def test_bundle_reads_back_what_it_holds(catalogue, tmp_path):
    from ghia.publishing import records

    target = BundleTarget(tmp_path / "b.zip")
    target.publish(catalogue.world.kutaisi)
    seen = target.observe(catalogue.world.kutaisi, records.records("kutaisi"))
    budget = seen.datasets[str(catalogue.budget.id)]
    assert budget.title == {"ka": "ბიუჯეტის შესრულება", "en": "Budget execution"}
    assert budget.files[0].sha256 == catalogue.budget.current_version.sha256
    assert budget.licence == "CC-BY-4.0"
