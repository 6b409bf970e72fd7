import re
from pathlib import Path

import pytest

from ghia.cli import default_lang
from ghia.tabular.errors import TableReadError
from ghia.tabular.messages import MESSAGES, Note, render, render_both

SOURCE = Path(__file__).parents[2] / "src" / "ghia"


def _codes_used() -> set[str]:
    used = set()
    for path in [*SOURCE.glob("tabular/*.py"), SOURCE / "cli" / "tabular.py"]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'(?:TableReadError|Note)\(\s*"([\w.\-]+)"', text))
        used |= set(re.findall(r'render\(\s*"([\w.\-]+)"', text))
    return used


def test_every_code_used_in_the_code_is_in_the_catalogue():
    used = _codes_used()
    assert len(used) > 40
    assert used - set(MESSAGES) == set()


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_has_georgian_and_english_with_the_same_placeholders(code):
    entry = MESSAGES[code]
    assert entry["ka"].strip() and entry["en"].strip()
    fields = lambda t: sorted(re.findall(r"{(\w+)}", t))  # noqa: E731
    assert fields(entry["ka"]) == fields(entry["en"])
    # The Georgian text is written in Georgian script, not a copy of the English.
    assert re.search("[\u10d0-\u10ff]", entry["ka"])


def test_render_fills_params_and_keeps_unknown_ones_visible():
    assert render("header_row_found", {"row": 3, "skipped": 2}, "en") == (
        "Header row: 3; 2 rows above it skipped (title, notes)"
    )
    assert "{skipped}" in render("header_row_found", {"row": 3}, "ka")
    assert render_both("file_empty") == {"ka": "ფაილი ცარიელია", "en": "The file is empty"}


def test_default_language_follows_the_locale():
    assert default_lang({"LANG": "ka_GE.UTF-8"}) == "ka"
    assert default_lang({"LC_ALL": "en_US.UTF-8", "LANG": "ka_GE.UTF-8"}) == "en"
    assert default_lang({}) == "en"


def test_read_errors_and_notes_serialise_with_both_languages():
    error = TableReadError("too_many_columns", count=5000, limit=2000)
    assert error.to_dict() == {
        "code": "too_many_columns",
        "params": {"count": 5000, "limit": 2000},
        "message": {
            "ka": "ცხრილს ძალიან ბევრი სვეტი აქვს (5000, ზღვარი 2000)",
            "en": "The table has too many columns (5000, limit 2000)",
        },
    }
    assert Note("file_empty").text("ka") == "ფაილი ცარიელია"
