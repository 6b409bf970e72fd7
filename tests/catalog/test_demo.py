"""The demo: what `ghia demo` loads, and the untidy files it generates."""

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import time
import zipfile

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from pypdf import PdfReader

from ghia.catalog.demo import load_demo
from ghia.catalog.demo.files import demo_files, generate_all
from ghia.catalog.demo.inventory import INVENTORIES
from ghia.catalog.demo.organisation import DEMO_PASSWORD, LOGINS
from ghia.standards.legacy_fonts import is_legacy_font, to_unicode


def _digests(files: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}


@pytest.fixture(scope="module")
def files():
    return demo_files()


def _sheet(files, name):
    return openpyxl.load_workbook(io.BytesIO(files[name].content)).worksheets[0]


# --- files (no database) ---------------------------------------------------------------


def test_files_are_the_same_bytes_in_another_process():
    # Another process with another hash seed: nothing may depend on set order or the clock.
    script = (
        "import hashlib, json; from ghia.catalog.demo.files import generate_all; "
        "print(json.dumps({n: hashlib.sha256(c).hexdigest() for n, c in generate_all().items()}))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    time.sleep(1.1)  # ZIP entries store seconds: a timestamp leak would now show
    assert json.loads(other.stdout) == _digests(generate_all())


def test_office_files_carry_fixed_times(files):
    for name in ("kutaisi-budget-2022.xlsx", "akhaltsikhe-cultural-events-2023.docx"):
        with zipfile.ZipFile(io.BytesIO(files[name].content)) as archive:
            assert {info.date_time for info in archive.infolist()} == {(2024, 1, 15, 9, 30, 0)}
            assert b"2024-01-15T09:30:00Z" in archive.read("docProps/core.xml")


def test_every_inventory_file_exists_and_every_file_is_used(files):
    used = {
        name for entries in INVENTORIES.values() for entry in entries for name, _ in entry.files
    }
    assert used == set(files)


def test_kutaisi_budget_has_title_rows_totals_and_text_numbers(files):
    ws = _sheet(files, "kutaisi-budget-2022.xlsx")
    facts = files["kutaisi-budget-2022.xlsx"].facts
    assert "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    header = [c.value for c in ws[facts["header_row"]]]
    assert header[:3] == ["პროგრამული კოდი", "დასახელება", "დამტკიცებული გეგმა"]
    totals = next(row for row in ws.iter_rows(values_only=True) if row[1] == "ჯამი")
    assert totals[2] == 89_876_000
    programmes = [
        row
        for row in ws.iter_rows(min_row=facts["header_row"] + 1, values_only=True)
        if str(row[0]).endswith(" 00")
    ]
    assert sum(row[2] for row in programmes) == 89_876_000
    texts = [
        row[4]
        for row in ws.iter_rows(min_row=facts["header_row"] + 1, values_only=True)
        if isinstance(row[4], str)
    ]
    assert texts and all("," in t and "." not in t for t in texts)  # "2 605 230,87"


def test_akhaltsikhe_budget_is_typed_in_acadnusx(files):
    ws = _sheet(files, "akhaltsikhe-budget-2017.xlsx")
    title = ws["A1"]
    assert is_legacy_font(title.font.name)
    assert title.value.isascii()
    assert to_unicode(title.value).startswith("ახალციხის მუნიციპალიტეტის 2017 წლის ბიუჯეტის")
    total = next(
        row for row in ws.iter_rows(values_only=True) if row[1] and to_unicode(row[1]) == "ჯამი"
    )
    assert 7_800_000 < total[2] < 8_000_000


def test_kindergartens_and_buses_match_the_facts_of_kutaisi(files):
    ws = _sheet(files, "kutaisi-kindergartens-2023.xlsx")
    header_row = files["kutaisi-kindergartens-2023.xlsx"].facts["header_row"]
    rows = [
        row
        for row in ws.iter_rows(min_row=header_row + 1, values_only=True)
        if isinstance(row[0], int)
    ]
    assert len(rows) == 37
    assert 8_500 < sum(row[7] for row in rows) < 9_500
    network = json.loads(files["kutaisi-bus-routes.json"].content)
    assert sum(route["buses"] for route in network["routes"]) == 60
    stops = {stop["id"]: stop for stop in network["stops"]}
    for route in network["routes"]:
        for stop_id in route["stops"]:
            assert (
                abs(stops[stop_id]["lat"] - 42.27) < 0.08
                and abs(stops[stop_id]["lon"] - 42.70) < 0.1
            )


def test_akhaltsikhe_stops_lie_around_the_town(files):
    rows = list(
        csv.DictReader(io.StringIO(files["akhaltsikhe-minibus-stops.csv"].content.decode()))
    )
    for row in rows:
        lat, lon = (float(part) for part in row["კოორდინატები"].split(","))
        assert abs(lat - 41.64) < 0.1 and abs(lon - 42.98) < 0.13


def test_csv_files_come_in_the_encodings_offices_use(files):
    procurement = files["kutaisi-procurement-2023.csv"].content
    assert procurement.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(procurement.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) - 1 == files["kutaisi-procurement-2023.csv"].facts["rows"]
    assert any(rows[i] == rows[i + 1] for i in range(1, len(rows) - 1))
    assert all(
        r[0][:5] in ("NAT23", "SPA23") and len(r[0]) == 12 and len(r[4]) == 9 for r in rows[1:]
    )

    lighting = files["akhaltsikhe-street-lighting.csv"].content
    with pytest.raises(UnicodeDecodeError):
        lighting.decode("utf-8")
    header = lighting.decode("cp1251").splitlines()[0].split(";")
    assert header[0] == "№" and to_unicode(header[1]) == "ქუჩა / სოფელი"

    parking = files["kutaisi-paid-parking-zones.csv"].content
    assert parking.startswith(b"\xff\xfe") and "\t" in parking.decode("utf-16")


def test_permits_mix_text_dates_and_real_dates(files):
    facts = files["kutaisi-construction-permits-2023.xlsx"].facts
    ws = _sheet(files, "kutaisi-construction-permits-2023.xlsx")
    rows = list(ws.iter_rows(min_row=facts["header_row"] + 1, values_only=True))
    assert {type(row[2]).__name__ for row in rows} == {"str", "datetime"}
    assert all(len(row[6].split(".")) == 4 and row[6].startswith("03.") for row in rows)


def test_social_list_holds_invented_personal_numbers_and_phones(files):
    ws = _sheet(files, "kutaisi-social-assistance-recipients-2023.xlsx")
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    personal = [str(row[2]) for row in rows]
    assert all(len(p) in (10, 11) and p.isdigit() for p in personal)  # 10: a leading zero lost
    assert any(isinstance(row[2], int) for row in rows) and any(
        isinstance(row[2], str) for row in rows
    )
    phones = [row[5].replace(" ", "").removeprefix("+995") for row in rows]
    assert all(len(p) == 9 and p.startswith("5") for p in phones)


def test_documents_are_readable_georgian(files):
    text = (
        PdfReader(io.BytesIO(files["kutaisi-council-decisions-2023.pdf"].content))
        .pages[0]
        .extract_text()
    )
    assert "საკრებულოს" in text and "გადაწყვეტილებები" in text


# --- loading ---------------------------------------------------------------------------


@pytest.fixture
def demo(db):
    started = time.perf_counter()
    result = load_demo()
    result["seconds"] = time.perf_counter() - started
    return result


def test_demo_loads_two_different_municipalities(demo):
    from ghia.catalog.models import Dataset, Municipality, Status

    assert demo["seconds"] < 20
    kutaisi = Municipality.objects.get(slug="kutaisi")
    akhaltsikhe = Municipality.objects.get(slug="akhaltsikhe")
    assert (
        kutaisi.base_uri == "https://data.kutaisi.gov.ge"
        and akhaltsikhe.website == "https://akhaltsikhe.gov.ge"
    )
    assert kutaisi.services.filter(code="finance-procurement").exists()
    assert akhaltsikhe.services.get(code="internal-audit").name["ka"] == "შიდა აუდიტის სამსახური"
    published = {}
    for municipality in (kutaisi, akhaltsikhe):
        datasets = Dataset.objects.filter(municipality=municipality)
        assert 15 <= datasets.count() <= 25
        assert {Status.PLANNED, Status.IN_PREPARATION, Status.IN_REVIEW, Status.PUBLISHED} <= set(
            datasets.values_list("status", flat=True)
        )
        published[municipality.slug] = datasets.filter(status=Status.PUBLISHED).count()
        assert published[municipality.slug] >= 8
        hidden = datasets.get(access_level="non_public")
        assert (
            hidden.personal_data
            and hidden.versions.exists()
            and "Personal Data" in hidden.access_reason["en"]
        )
    assert Dataset.objects.filter(status=Status.WITHDRAWN).exists()
    assert published["kutaisi"] > published["akhaltsikhe"]
    paper = {
        m.slug: Dataset.objects.filter(municipality=m, digital=False).count()
        for m in (kutaisi, akhaltsikhe)
    }
    assert paper["akhaltsikhe"] > paper["kutaisi"]
    assert demo["datasets"] == {"kutaisi": 23, "akhaltsikhe": 16}


def test_published_datasets_have_files_and_history(demo):
    from ghia.catalog.models import AuditEntry, Dataset, DatasetSlug, Status
    from ghia.catalog.services import open_version

    for dataset in Dataset.objects.filter(status=Status.PUBLISHED):
        version = dataset.current_version
        assert version is not None and dataset.distributions.filter(version=version).exists()
        with open_version(version) as stored:
            assert hashlib.sha256(stored.read()).hexdigest() == version.sha256
        assert list(dataset.status_changes.values_list("to_status", flat=True)) == [
            "planned",
            "in_preparation",
            "in_review",
            "published",
        ]
        assert dataset.status_changes.get(to_status="published").by.username.endswith(
            "-coordinator"
        )
        assert dataset.licence.is_open
    execution = Dataset.objects.get(
        municipality__slug="kutaisi", title__en="Quarterly budget execution, 2023"
    )
    assert [v.filename for v in execution.versions.order_by("number")] == [
        "kutaisi-budget-execution-2023-q3.csv", "kutaisi-budget-execution-2023-q4.csv",
    ]  # fmt: skip
    assert DatasetSlug.objects.filter(dataset=execution).exists()  # renamed: the old link redirects
    assert AuditEntry.objects.filter(action="upload").count() >= 20


def test_demo_logins_work(demo, client):
    from ghia.catalog.models import Membership

    assert {(x["username"], x["role"], x["municipality"]) for x in demo["logins"]} == {
        (login.username, login.role, login.municipality) for login in LOGINS
    }
    for login in demo["logins"]:
        assert client.login(username=login["username"], password=DEMO_PASSWORD), login["username"]
        client.logout()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert Membership.objects.filter(user=admin, role="administrator", municipality=None).exists()
    editor = Membership.objects.get(user__username="kutaisi-editor-finance")
    assert [s.code for s in editor.services.all()] == ["finance-procurement"]


def test_loading_twice_changes_nothing(demo):
    from ghia.catalog.models import AuditEntry, Dataset, DataVersion

    before = (
        Dataset.objects.count(),
        DataVersion.objects.count(),
        AuditEntry.objects.count(),
        get_user_model().objects.count(),
    )
    out = io.StringIO()
    again = load_demo(stdout=out)
    assert again["created"] is False and again["logins"] == demo["logins"]
    assert "already" in out.getvalue()
    assert before == (
        Dataset.objects.count(),
        DataVersion.objects.count(),
        AuditEntry.objects.count(),
        get_user_model().objects.count(),
    )


def test_an_existing_account_keeps_its_password(db):
    get_user_model().objects.create_user("admin", password="a-secret-of-the-owner")
    load_demo()
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password("a-secret-of-the-owner") and not admin.check_password(DEMO_PASSWORD)
    assert admin.is_superuser  # the demo's administrator role still gives the Django admin
