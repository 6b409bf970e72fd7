"""`ghia catalog dcat`, `ghia publish site|ckan|bundle`, `ghia verify`: publishing from the
command line. Each command calls ghia.publishing; messages are in Georgian or English
(`--lang`, default from the locale)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DCAT_FORMATS = {"turtle": "turtle", "ttl": "turtle", "xml": "xml", "rdf": "xml", "json-ld": "json-ld", "jsonld": "json-ld"}


def _lang_option(parser: argparse.ArgumentParser) -> None:
    from ghia.tabular.messages import default_lang

    parser.add_argument("--lang", choices=("ka", "en"), default=default_lang(), help="language of messages (ka or en)")


def register(subparsers) -> None:
    catalog = subparsers.add_parser("catalog", help="the catalogue as linked data")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", metavar="COMMAND")
    dcat = catalog_commands.add_parser("dcat", help="the DCAT-AP 3.0.1 catalogue of a municipality or of the whole instance")
    dcat.add_argument("--municipality", metavar="SLUG", help="one municipality (default: the whole instance)")
    dcat.add_argument("--format", choices=sorted(DCAT_FORMATS), default="turtle")
    dcat.add_argument("--base", default=os.environ.get("GHIA_BASE_URL", "http://127.0.0.1:8000"),
                      help="address where this instance serves its files (default: $GHIA_BASE_URL)")  # fmt: skip
    dcat.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _lang_option(dcat)
    dcat.set_defaults(func=run_dcat, needs_django=True)


def _municipality(slug: str | None, lang: str):
    """The municipality of a slug, or exits with code 2 naming the known ones."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    from ghia.catalog.models import Municipality

    if slug is None:
        return None
    found = Municipality.objects.filter(slug=slug).first()
    if found is None:
        known = ", ".join(Municipality.objects.values_list("slug", flat=True)) or "—"
        with translation.override(lang):
            print(_("Unknown municipality “%(slug)s”. Known: %(known)s") % {"slug": slug, "known": known}, file=sys.stderr)
        raise SystemExit(2)
    return found


def _write(data: bytes, output: str | None) -> None:
    if output:
        Path(output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def run_dcat(args) -> int:
    from ghia.publishing import dcat

    municipality = _municipality(args.municipality, args.lang)
    _write(dcat.catalogue_document(municipality, DCAT_FORMATS[args.format], args.base), args.output)
    return 0
