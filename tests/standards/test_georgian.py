import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghia.standards.georgian import georgian_share, romanize, slugify

# The 2002 national system, letter by letter (georgia.md), with U+2019 for ejectives.
NATIONAL_TABLE = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
    "ი": "i", "კ": "k\u2019", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p\u2019",
    "ჟ": "zh", "რ": "r", "ს": "s", "ტ": "t\u2019", "უ": "u", "ფ": "p", "ქ": "k",
    "ღ": "gh", "ყ": "q\u2019", "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts\u2019",
    "ჭ": "ch\u2019", "ხ": "kh", "ჯ": "j", "ჰ": "h",
}


@pytest.mark.parametrize(("letter", "latin"), NATIONAL_TABLE.items())
def test_each_letter_follows_the_national_table(letter, latin):
    assert romanize(letter) == latin


def test_table_covers_the_33_modern_letters():
    assert len(NATIONAL_TABLE) == 33
    assert sorted(NATIONAL_TABLE) == [chr(c) for c in range(0x10D0, 0x10F1)]


@pytest.mark.parametrize(
    ("georgian", "latin"),
    [
        ("ამბროლაურის მუნიციპალიტეტი", "ambrolauris munitsip\u2019alit\u2019et\u2019i"),
        ("ქუთაისი", "kutaisi"),
        ("ახალციხე", "akhaltsikhe"),
        ("ჭავჭავაძე", "ch\u2019avch\u2019avadze"),
        ("წყალტუბო", "ts\u2019q\u2019alt\u2019ubo"),
        ("ღია მონაცემები", "ghia monatsemebi"),
    ],
)
def test_published_and_place_name_examples(georgian, latin):
    assert romanize(georgian) == latin


def test_mtavruli_capitals_read_as_their_mkhedruli_letters():
    assert romanize("ᲥᲣᲗᲐᲘᲡᲘ") == "kutaisi"
    assert romanize("ᲙᲐᲪᲘ") == "k\u2019atsi"


def test_other_characters_are_kept():
    assert romanize("Budget 2022: ბიუჯეტი, №5 (GEL)") == "Budget 2022: biujet\u2019i, №5 (GEL)"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("ამბროლაურის მუნიციპალიტეტი", "ambrolauris-munitsipaliteti"),
        ("ქალაქ ქუთაისის ბაგა-ბაღების გაერთიანება", "kalak-kutaisis-baga-baghebis-gaertianeba"),
        ("  Budget execution 2022 (Q1)  ", "budget-execution-2022-q1"),
        ("Café & Straße", "cafe-strae"),
        ("O'Brien's data", "obriens-data"),
        ("ბიუჯეტი — 2023/2024", "biujeti-2023-2024"),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_slugify_examples(text, slug):
    assert slugify(text) == slug


def test_slugify_cuts_at_a_word_boundary():
    assert slugify("ქუთაისის მუნიციპალიტეტის მერია", max_length=20) == "kutaisis"
    assert slugify("one two three", max_length=7) == "one-two"
    assert slugify("one two three", max_length=13) == "one-two-three"


def test_slugify_cuts_a_single_long_word_hard():
    assert slugify("a" * 100, max_length=10) == "a" * 10


def test_georgian_share():
    assert georgian_share("ქუთაისი") == 1.0
    assert georgian_share("Kutaisi") == 0.0
    assert georgian_share("ქუთაისი Kutaisi 2024") == 0.5
    assert georgian_share("12 345") == 0.0
    assert georgian_share("ᲥᲣᲗᲐᲘᲡᲘ") == 1.0


SLUG_CHARS = set(string.ascii_lowercase + string.digits + "-")


@given(st.text(), st.integers(min_value=1, max_value=120))
def test_slugify_always_gives_a_clean_bounded_slug(text, max_length):
    slug = slugify(text, max_length=max_length)
    assert set(slug) <= SLUG_CHARS
    assert len(slug) <= max_length
    assert not slug.startswith("-") and not slug.endswith("-")
    assert "--" not in slug


@given(st.text(alphabet=st.characters(min_codepoint=0x10D0, max_codepoint=0x10F0), min_size=1))
def test_georgian_words_never_slug_to_nothing(word):
    assert slugify(word)
