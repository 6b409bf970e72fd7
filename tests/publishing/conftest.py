"""A small published catalogue with every kind of metadata publishing deals with."""

import datetime as dt
import io

import pytest

from tests.harness.fixtures import ckan_server  # noqa: F401

BUDGET_CSV = "წელი,შემოსავალი,ხარჯი\n2020,81000,79000\n2021,84000,83500\n2022,89876,88000\n2023,91000,90500\n"


@pytest.fixture
def catalogue(world, make_dataset):
    """Kutaisi: two published datasets (one renamed, one with a Table Schema), one withdrawn,
    one in review; Akhaltsikhe: one published."""
    from ghia.catalog import services
    from ghia.catalog.models import Frequency, Status, Theme
    from ghia.preparation.models import TableSchema

    world.kutaisi.website = "https://kutaisi.gov.ge"
    world.kutaisi.email = "opendata@kutaisi.gov.ge"
    world.kutaisi.save()
    full = dict(
        description={
            "ka": "ქალაქის ბიუჯეტის შესრულება წლების მიხედვით.",
            "en": "City budget execution by year.",
        },
        keywords={"ka": "ბიუჯეტი, ფინანსები", "en": "budget, finance"},
        contact_name="ნინო ბერიძე",
        contact_email="finance@kutaisi.gov.ge",
        theme=Theme.objects.get(code="GOVE"),
        frequency=Frequency.objects.get(code="ANNUAL"),
        temporal_start=dt.date(2020, 1, 1),
        temporal_end=dt.date(2023, 12, 31),
        spatial={"ka": "ქუთაისი", "en": "Kutaisi"},
    )
    ns = type("Catalogue", (), {})()
    ns.world = world
    ns.budget = make_dataset("ბიუჯეტის შესრულება", "Budget execution", file=False, **full)
    services.add_version(world.admin, ns.budget, io.BytesIO(BUDGET_CSV.encode()), "budget.csv")
    for step in (Status.IN_PREPARATION, Status.IN_REVIEW, Status.PUBLISHED):
        from ghia.catalog import workflow

        workflow.transition(world.admin, ns.budget, step)
    ns.buses = make_dataset(
        "ავტობუსები", "City buses", service=world.transport, status=Status.PUBLISHED,
        description={"ka": "საქალაქო ავტობუსები.", "en": "City buses."},
    )  # fmt: skip
    ns.buses = services.update_dataset(
        world.admin, ns.buses, title={"ka": "ავტობუსების მარშრუტები", "en": "Bus routes"}
    )
    TableSchema.objects.create(
        dataset=ns.buses, inferred_from=ns.buses.current_version,
        descriptor={"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "string"}]},
    )  # fmt: skip
    ns.old = make_dataset("ძველი რეესტრი", "Old register", status=Status.WITHDRAWN)
    ns.draft = make_dataset("სამუშაო ვერსია", "Draft", status=Status.IN_REVIEW)
    ns.schools = make_dataset(
        "სკოლები", "Schools", service=world.a_finance, status=Status.PUBLISHED
    )
    for name in ("budget", "buses", "old", "draft", "schools"):
        getattr(ns, name).refresh_from_db()
    return ns
