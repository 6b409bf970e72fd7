"""Figures measured from a small, known catalogue."""

import datetime as dt
import io

import pytest
from django.utils import timezone

from ghia.assessment import evidence
from ghia.catalog import services, workflow
from ghia.catalog.models import DataVersion, Frequency, Status


@pytest.fixture
def catalogue(world, make_dataset):
    """Five datasets in the inventory of Kutaisi, three of them published, one withdrawn."""
    fresh = make_dataset(
        "ბიუჯეტი", "Budget", status=Status.PUBLISHED, frequency=Frequency.objects.get(code="ANNUAL")
    )
    version = fresh.versions.get()
    version.provenance = {
        "schema": {"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "string"}]}
    }
    version.save()

    stale = make_dataset(
        "ანგარიში", "Report", file=False, frequency=Frequency.objects.get(code="MONTHLY")
    )
    services.add_version(world.admin, stale, io.BytesIO(b"%PDF-1.4 report"), "report.pdf")
    for step in (Status.IN_PREPARATION, Status.IN_REVIEW, Status.PUBLISHED):
        workflow.transition(world.admin, stale, step)
    DataVersion.objects.filter(dataset=stale).update(
        uploaded_at=timezone.now() - dt.timedelta(days=90)
    )

    make_dataset(
        "დახურული",
        "Closed",
        status=Status.PUBLISHED,
        licence_id="other-closed",
        service=world.transport,
    )
    make_dataset("ქაღალდი", "Paper", file=False, digital=False)
    make_dataset("სოციალური", "Social", status=Status.IN_REVIEW, personal_data=True)
    make_dataset("ძველი", "Old", status=Status.WITHDRAWN, personal_data=True)
    make_dataset("სხვა ქალაქი", "Other town", file=False, service=world.a_finance)  # not Kutaisi's
    return world


def test_measures_of_a_known_catalogue(catalogue):
    m = evidence.measures(catalogue.kutaisi)
    assert m["inventoried"] == 5  # the withdrawn dataset is out of the inventory
    assert m["published"] == 3
    assert m["share_digital"] == pytest.approx(4 / 5)
    assert m["share_published"] == pytest.approx(3 / 5)
    assert m["share_open_licence"] == pytest.approx(2 / 3)
    assert m["share_machine_readable"] == pytest.approx(2 / 3)  # the PDF is not
    assert m["share_with_schema"] == pytest.approx(1 / 3)
    assert m["share_up_to_date"] == pytest.approx(
        1 / 2
    )  # monthly, last file 90 days ago; one without schedule
    assert m["share_on_both"] == 0  # publishing reports the targets; nothing is on them yet
    assert m["personal_data_datasets"] == 1
    assert m["published_with_personal_data"] == 0


def test_openness_levels_of_the_published_datasets(catalogue):
    # CSV under CC BY: 3 stars; PDF: 1; CSV under a closed licence: not open at all.
    assert evidence.openness(catalogue.kutaisi) == {0: 1, 1: 1, 2: 0, 3: 1}


def test_share_on_both_targets_comes_from_the_registered_source(catalogue, monkeypatch):
    published = {
        d.title["en"]: str(d.id) for d in catalogue.kutaisi.datasets.filter(status=Status.PUBLISHED)
    }
    held = {published["Budget"]: {"website", "portal"}, published["Report"]: {"website"}}
    monkeypatch.setattr(evidence, "_target_sources", [])
    evidence.publication_targets(lambda municipality: held)
    assert evidence.measures(catalogue.kutaisi)["share_on_both"] == pytest.approx(1 / 3)


def test_an_empty_catalogue_measures_nothing_rather_than_zero(world):
    m = evidence.measures(world.akhaltsikhe)
    assert m["inventoried"] == 0 and m["published"] == 0
    assert m["share_open_licence"] is None and m["share_digital"] is None
