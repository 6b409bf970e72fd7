import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghia.standards.legacy_fonts import (
    LEGACY_FONTS,
    is_legacy_font,
    legacy_confidence,
    to_legacy,
    to_unicode,
)

# The case-sensitive table of georgia.md.
LAYOUT = {
    "a": "ა", "b": "ბ", "g": "გ", "d": "დ", "e": "ე", "v": "ვ", "z": "ზ", "i": "ი",
    "k": "კ", "l": "ლ", "m": "მ", "n": "ნ", "o": "ო", "p": "პ", "r": "რ", "s": "ს",
    "t": "ტ", "u": "უ", "f": "ფ", "q": "ქ", "R": "ღ", "y": "ყ", "S": "შ", "C": "ჩ",
    "c": "ც", "Z": "ძ", "w": "წ", "W": "ჭ", "x": "ხ", "j": "ჯ", "h": "ჰ", "T": "თ",
    "J": "ჟ",
}


@pytest.mark.parametrize(("latin", "georgian"), LAYOUT.items())
def test_each_key_of_the_layout(latin, georgian):
    assert to_unicode(latin) == georgian


@pytest.mark.parametrize(
    ("legacy", "georgian"),
    [
        ("saqarTvelos", "საქართველოს"),
        ("quTaisi", "ქუთაისი"),
        ("axalcixe", "ახალციხე"),
        ("WavWavaZis q. 15", "ჭავჭავაძის ქ. 15"),
        ("sabavSvo baRi #12", "საბავშვო ბაღი #12"),
        ("biujeti 2022: 89,876,000 lari", "ბიუჯეტი 2022: 89,876,000 ლარი"),
    ],
)
def test_conversion_examples(legacy, georgian):
    assert to_unicode(legacy) == georgian
    assert to_legacy(georgian) == legacy


def test_capitals_outside_the_layout_are_kept():
    assert to_unicode("ABDQ") == "ABDQ"


@pytest.mark.parametrize(
    "name", ["AcadNusx", "acadnusx", "Acad Nusx", "ACADMTAVR", "LitNusx", "Lit_Mtavr", "Acad Nusx Geo"]
)
def test_legacy_font_names(name):
    assert is_legacy_font(name)


@pytest.mark.parametrize("name", ["Sylfaen", "Calibri", "Arial", "Noto Sans Georgian", "", None])
def test_unicode_fonts_are_not_legacy(name):
    assert not is_legacy_font(name)


def test_font_set_is_normalised():
    assert all(name == name.lower() and " " not in name for name in LEGACY_FONTS)


LEGACY_COLUMNS = {
    "services": [
        "quTaisis meria", "axalcixis municipaliteti", "ganaTlebis samsaxuri",
        "sabavSvo baRi #12", "wyalmomarageba", "gare ganaTeba", "kulturis centri",
    ],
    "streets": [
        "WavWavaZis q. 15", "rusTavelis gamziri 3", "wereTlis q. 7", "Tamar mefis q. 40",
        "agmaSeneblis gamz. 1", "nikeas q. 2",
    ],
    "people": [
        "giorgi beriZe", "nino kapanaZe", "lela xaraZe", "daviT lomiZe", "mariam jafariZe",
    ],
    "budget lines": ["Semosavali", "xarji", "gadasaxadi", "xelfasi", "jami"],
}

LATIN_COLUMNS = {
    "english streets": [
        "Rustaveli Avenue 12", "Chavchavadze Street 5", "Queen Tamar Street", "Main Road",
        "Paliashvili St.",
    ],
    "english labels": [
        "Kindergarten No. 5", "Water supply", "Street lighting", "Total", "Grand total",
    ],
    "emails and links": [
        "nino.beridze@kutaisi.gov.ge", "info@example.com", "https://data.gov.ge/dataset/1",
    ],
    "codes": ["AB-123-CD", "GE29NB0000000101904917", "INV-2023-001", "ID-45", "TBS-551", "LLC"],
    "romanized names": ["Giorgi Beridze", "Nino Kapanadze", "Tsiklauri Lasha", "Shota Rustaveli"],
    "romanized lower case": [
        "giorgi beridze", "nino kapanadze", "lasha tsiklauri", "shota rustaveli", "davit chkheidze",
    ],
    "status words": ["yes", "no", "pending", "approved", "rejected", "in progress"],
    "french": ["rue de la paix", "mairie de Paris", "bonjour"],
    "accented": ["Bürgermeister", "Café Tbilisi", "façade"],
}


@pytest.mark.parametrize("values", LEGACY_COLUMNS.values(), ids=LEGACY_COLUMNS.keys())
def test_legacy_columns_score_high(values):
    assert legacy_confidence(values) > 0.8


@pytest.mark.parametrize("values", LATIN_COLUMNS.values(), ids=LATIN_COLUMNS.keys())
def test_ordinary_latin_columns_score_low(values):
    assert legacy_confidence(values) < 0.1


def test_a_total_row_does_not_hide_a_legacy_column():
    values = LEGACY_COLUMNS["services"] * 3 + ["Total"]
    assert legacy_confidence(values) > 0.8


def test_unicode_georgian_is_not_legacy():
    assert legacy_confidence(["ქუთაისის მერია", "ახალციხე"]) == 0.0


def test_values_without_letters_say_nothing():
    assert legacy_confidence(["12", "3.5", "2024-01-01", ""]) == 0.0
    assert legacy_confidence(["12", "quTaisis meria", "2024"]) == legacy_confidence(
        ["quTaisis meria"]
    )


def test_non_strings_are_ignored():
    assert legacy_confidence([None, 5, "quTaisis meria"]) == legacy_confidence(["quTaisis meria"])


@given(st.lists(st.text(max_size=40), max_size=20))
def test_confidence_is_a_probability(values):
    assert 0.0 <= legacy_confidence(values) <= 1.0


@given(st.text().filter(lambda text: not any("A" <= c <= "Z" or "a" <= c <= "z" for c in text)))
def test_to_unicode_leaves_text_without_latin_letters_unchanged(text):
    assert to_unicode(text) == text
    assert to_unicode(to_unicode(text)) == to_unicode(text)


@given(st.text(alphabet=st.characters(min_codepoint=0x10D0, max_codepoint=0x10F0)))
def test_legacy_round_trip(georgian):
    assert to_unicode(to_legacy(georgian)) == georgian
