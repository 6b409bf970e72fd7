"""Every string a person reads in the UI has a Georgian translation."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import ghia

PACKAGE = Path(ghia.__file__).parent
KA_PO = PACKAGE / "locale" / "ka" / "LC_MESSAGES" / "django.po"


def _untranslated(po: polib.POFile) -> list[str]:
    return [e.msgid for e in po if not e.obsolete and ("fuzzy" in e.flags or not (e.msgstr or all(e.msgstr_plural.values()) and e.msgstr_plural))]


def test_georgian_catalogue_is_complete():
    po = polib.pofile(str(KA_PO))
    assert len(po) > 100
    assert _untranslated(po) == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    if not shutil.which("xgettext"):
        pytest.fail("xgettext is missing: install Debian's gettext package")
    copy = tmp_path / "ghia"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "ka", "--no-obsolete", "-i", "catalog/demo/*"],
        cwd=copy, check=True, capture_output=True, env={"DJANGO_SETTINGS_MODULE": "ghia.settings", "PATH": "/usr/bin:/bin", "GHIA_HOME": str(tmp_path / "home")},
    )  # fmt: skip
    fresh = polib.pofile(str(copy / "locale" / "ka" / "LC_MESSAGES" / "django.po"))
    assert _untranslated(fresh) == []


def test_compiled_catalogue_translates(client, db):
    page = client.get("/").content.decode()
    assert "საქართველოს მუნიციპალიტეტების ღია მონაცემები" in page
