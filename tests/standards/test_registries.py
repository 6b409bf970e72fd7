import re

import pytest

from ghia.standards import registries as r

EU = "http://publications.europa.eu/resource/authority/"
URI = re.compile(r"^https?://[a-z0-9.-]+(/[\w.~%/-]*)?$", re.IGNORECASE)


def assert_bilingual(label):
    assert set(label) == {"ka", "en"}
    assert label["ka"].strip() and label["en"].strip()
    assert any("\u10d0" <= c <= "\u10f0" for c in label["ka"])


# Licences -------------------------------------------------------------------------------

OPEN_DEFINITION_RECOMMENDED = {
    "CC0-1.0", "PDDL-1.0", "CC-BY-4.0", "ODC-By-1.0", "CC-BY-SA-4.0", "ODbL-1.0",
}


def test_licences_hold_the_recommended_set_and_the_catch_alls():
    ids = [item.id for item in r.licences()]
    assert len(ids) == len(set(ids))
    assert {item.id for item in r.licences() if item.recommended} == OPEN_DEFINITION_RECOMMENDED
    assert {"other-open", "other-closed"} <= set(ids)


def test_licence_flags():
    assert all(item.is_open for item in r.licences() if item.recommended)
    assert not r.licence("other-closed").is_open
    assert r.licence("other-open").is_open and not r.licence("other-open").recommended


def test_default_licence_is_a_recommended_one():
    assert r.licence(r.DEFAULT_LICENCE).recommended
    assert r.licences()[0].id == r.DEFAULT_LICENCE


@pytest.mark.parametrize(
    ("id", "uri"),
    [
        ("CC-BY-4.0", EU + "licence/CC_BY_4_0"),
        ("CC0-1.0", EU + "licence/CC0"),
        ("CC-BY-SA-4.0", EU + "licence/CC_BYSA_4_0"),
        ("PDDL-1.0", EU + "licence/ODC_PDDL"),
        ("ODC-By-1.0", EU + "licence/ODC_BY"),
        ("ODbL-1.0", EU + "licence/ODC_BL"),
    ],
)
def test_licence_uris_are_the_eu_authority_ones(id, uri):
    assert r.licence(id).uri == uri
    assert URI.match(r.licence(id).url)


def test_licences_are_bilingual():
    for item in r.licences():
        assert_bilingual(item.title)


def test_licence_lookups():
    assert r.licence("cc-by-4.0").id == "CC-BY-4.0"
    assert r.licence("GPL-3.0") is None
    assert r.licence_for_uri(EU + "licence/ODC_BL").id == "ODbL-1.0"
    assert r.licence_for_uri("https://creativecommons.org/licenses/by/4.0").id == "CC-BY-4.0"
    assert r.licence_for_uri("https://example.org/") is None
    assert r.licence_for_uri("") is None


# Formats --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "id", "stars"),
    [
        ("budget.pdf", "PDF", 1),
        ("order.DOC", "DOC", 1),
        ("photo.jpg", "JPEG", 1),
        ("budget-2022.xls", "XLS", 2),
        ("budget-2022.xlsx", "XLSX", 2),
        ("budget.csv", "CSV", 3),
        ("budget.json", "JSON", 3),
        ("budget.xml", "XML", 3),
        ("budget.ods", "ODS", 3),
        ("stops.geojson", "GEOJSON", 3),
        ("trips.parquet", "PARQUET", 3),
        ("catalog.rdf", "RDF_XML", 3),
        ("catalog.ttl", "RDF_TURTLE", 3),
        ("kutaisi.gtfs.zip", "GTFS", 3),
        ("archive.zip", "ZIP", 1),
    ],
)
def test_format_for_filename_and_its_stars(filename, id, stars):
    fmt = r.format_for_filename(filename)
    assert fmt.id == id
    assert fmt.stars == stars


def test_unknown_extensions():
    assert r.format_for_filename("README") is None
    assert r.format_for_filename("data.csv.bak") is None


def test_format_stars_follow_openness_and_structure():
    for fmt in r.formats():
        expected = 1 if not fmt.machine_readable else (3 if fmt.is_open else 2)
        assert fmt.stars == expected, fmt.id


def test_formats_are_consistent():
    formats = r.formats()
    ids = [fmt.id for fmt in formats]
    assert len(ids) == len(set(ids))
    extensions = [ext for fmt in formats for ext in fmt.extensions]
    assert len(extensions) == len(set(extensions))
    for fmt in formats:
        assert_bilingual(fmt.title)
        assert fmt.eu_uri == EU + "file-type/" + fmt.id
        assert re.fullmatch(r"[a-z]+/[a-z0-9.+-]+", fmt.media_type)
        assert all(ext == ext.lower() and not ext.startswith(".") for ext in fmt.extensions)
        assert fmt.profile_of is None or r.format_by_id(fmt.profile_of) is not None


@pytest.mark.parametrize(
    ("media_type", "id"),
    [
        ("text/csv", "CSV"),
        ("text/csv; charset=utf-8", "CSV"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
        ("application/vnd.ms-excel", "XLS"),
        ("text/xml", "XML"),
        ("application/zip", "ZIP"),
        ("APPLICATION/PDF", "PDF"),
    ],
)
def test_format_for_media_type(media_type, id):
    assert r.format_for_media_type(media_type).id == id


def test_format_lookups_by_id():
    assert r.format_by_id("csv").id == "CSV"
    assert r.format_by_id("DBF") is None
    assert r.format_for_media_type("application/x-unknown") is None


# Themes and frequencies -----------------------------------------------------------------

EU_THEMES = [
    "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL",
    "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN",
]


def test_the_13_eu_data_themes():
    assert [item.code for item in r.themes()] == EU_THEMES
    for item in r.themes():
        assert item.uri == EU + "data-theme/" + item.code
        assert_bilingual(item.label)
    assert r.theme("gove").label["en"] == "Government and public sector"
    assert r.theme("XXXX") is None


def test_frequencies():
    codes = [item.code for item in r.frequencies()]
    assert len(codes) == len(set(codes))
    assert {"CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG", "NEVER",
            "UNKNOWN"} <= set(codes)
    for item in r.frequencies():
        assert item.uri == EU + "frequency/" + item.code
        assert_bilingual(item.label)
    assert r.frequency("annual").days == 366
    assert r.frequency("QUARTERLY").days == 92
    assert r.frequency("IRREG").days is None
    assert r.frequency("HOURLY") is None


def test_scheduled_frequencies_are_ordered_by_period():
    days = [item.days for item in r.frequencies() if item.days is not None]
    assert days == sorted(days)


def test_entries_are_hashable_and_lists_are_copies():
    assert len({*r.formats()}) == len(r.formats())
    r.themes().clear()
    assert len(r.themes()) == 13


# Five stars -----------------------------------------------------------------------------


def test_five_stars():
    csv, xlsx, pdf = (r.format_by_id(code) for code in ("CSV", "XLSX", "PDF"))
    assert r.five_stars(False, csv, has_uris=True, linked=True) == 0
    assert r.five_stars(True, None) == 1
    assert r.five_stars(True, pdf) == 1
    assert r.five_stars(True, xlsx) == 2
    assert r.five_stars(True, csv) == 3
    assert r.five_stars(True, csv, has_uris=True) == 4
    assert r.five_stars(True, csv, has_uris=True, linked=True) == 5
    assert r.five_stars(True, csv, linked=True) == 3
    assert r.five_stars(True, xlsx, has_uris=True, linked=True) == 2
