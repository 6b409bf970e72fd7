"""`ghia catalog dcat`, `ghia publish site|ckan|bundle`, `ghia verify`: publishing from the
command line. Each command calls ghia.publishing; messages are in Georgian or English
(`--lang`, default from the locale)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ghia.cli import add_lang_option

LANG_HELP = "language of messages (ka or en)"

DCAT_FORMATS = {
    "turtle": "turtle",
    "ttl": "turtle",
    "xml": "xml",
    "rdf": "xml",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
}


def register(subparsers) -> None:
    catalog = subparsers.add_parser("catalog", help="the catalogue as linked data")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", metavar="COMMAND")
    dcat = catalog_commands.add_parser(
        "dcat", help="the DCAT-AP 3.0.1 catalogue of a municipality or of the whole instance"
    )
    dcat.add_argument(
        "--municipality", metavar="SLUG", help="one municipality (default: the whole instance)"
    )
    dcat.add_argument("--format", choices=sorted(DCAT_FORMATS), default="turtle")
    dcat.add_argument("--base", default=os.environ.get("GHIA_BASE_URL", "http://127.0.0.1:8000"),
                      help="address where this instance serves its files (default: $GHIA_BASE_URL)")  # fmt: skip
    dcat.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    add_lang_option(dcat, LANG_HELP)
    dcat.set_defaults(func=run_dcat, needs_django=True)

    publish = subparsers.add_parser(
        "publish", help="publish to the website, a CKAN portal or a portal bundle"
    )
    targets = publish.add_subparsers(dest="target", metavar="TARGET")
    ckan = targets.add_parser("ckan", help="synchronise a CKAN portal with the catalogue")
    ckan.add_argument("--url", required=True, help="the portal's address")
    ckan.add_argument("--municipality", metavar="SLUG", help="one municipality (default: all)")
    ckan.add_argument("--dry-run", action="store_true", help="print the plan and change nothing")
    ckan.add_argument(
        "--token-file",
        metavar="FILE",
        help="file holding the API token (default: $GHIA_CKAN_TOKEN)",
    )
    add_lang_option(ckan, LANG_HELP)
    ckan.set_defaults(func=run_publish_ckan, needs_django=True)

    site = targets.add_parser(
        "site", help="the municipality's static open-data website, built incrementally"
    )
    site.add_argument("output", metavar="OUT", help="folder of the website (kept between builds)")
    site.add_argument("--municipality", metavar="SLUG", required=True)
    site.add_argument(
        "--base-url", help="where the website will be served (default: the municipality's base URI)"
    )
    add_lang_option(site, LANG_HELP)
    site.set_defaults(func=run_publish_site, needs_django=True)

    verify = subparsers.add_parser(
        "verify", help="compare the catalogue with what the website and the portal show"
    )
    verify.add_argument(
        "--site",
        action="append",
        default=[],
        metavar="URL_OR_DIR",
        help="a website built by Ghia (repeatable)",
    )
    verify.add_argument(
        "--ckan", action="append", default=[], metavar="URL", help="a CKAN portal (repeatable)"
    )
    verify.add_argument(
        "--municipality",
        metavar="SLUG",
        help="one municipality (default: all; a website is one municipality's)",
    )
    verify.add_argument("--json", action="store_true", help="the report as JSON (see the README)")
    add_lang_option(verify, LANG_HELP)
    verify.set_defaults(func=run_verify, needs_django=True)

    bundle = targets.add_parser(
        "bundle", help="a ZIP for the national portal: files, metadata sheet, DCAT-AP, checksums"
    )
    bundle.add_argument("output", metavar="OUT.zip")
    bundle.add_argument("--municipality", metavar="SLUG", required=True)
    add_lang_option(bundle, LANG_HELP)
    bundle.set_defaults(func=run_publish_bundle, needs_django=True)


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
            print(
                _("Unknown municipality “%(slug)s”. Known: %(known)s")
                % {"slug": slug, "known": known},
                file=sys.stderr,
            )
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


def _municipalities(slug: str | None, lang: str) -> list:
    from ghia.catalog.models import Municipality

    one = _municipality(slug, lang)
    return [one] if one else list(Municipality.objects.all())


def _print_plan(plan, municipality, lang: str) -> None:
    from django.utils import translation
    from django.utils.translation import gettext as _

    from ghia.publishing.targets import VERBS

    with translation.override(lang):
        counts = ", ".join(
            f"{VERBS.get(verb, verb)}: {n}" for verb, n in sorted(plan.counts().items())
        )
        print(_("Plan for %(target)s (%(municipality)s): %(counts)s")
              % {"target": plan.target, "municipality": municipality.slug, "counts": counts or _("nothing to do")})  # fmt: skip
        for action in plan.actions:
            print(f"  {action.describe()}")


def _progress(total_hint: str):
    """A progress bar on a terminal, nothing otherwise."""
    if not sys.stderr.isatty():
        return lambda done, total, message: None
    from tqdm import tqdm

    bar = tqdm(desc=total_hint, unit="", file=sys.stderr, leave=False)

    def update(done: int, total: int, message: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(message[-40:], refresh=True)

    return update


def _token(args) -> str | None:
    if args.token_file:
        return Path(args.token_file).read_text().strip()
    return os.environ.get("GHIA_CKAN_TOKEN") or None


def run_publish_ckan(args) -> int:
    from django.utils import translation
    from django.utils.translation import gettext as _

    from ghia.publishing.targets.ckan import CkanTarget, is_transient

    municipalities = _municipalities(args.municipality, args.lang)
    token = _token(args)
    with translation.override(args.lang):
        if not token and not args.dry_run:
            print(
                _("An API token is needed: set GHIA_CKAN_TOKEN or give --token-file."),
                file=sys.stderr,
            )
            return 2
        target = CkanTarget(args.url, token)
        failed = 0
        for municipality in municipalities:
            if args.dry_run:
                _print_plan(target.plan(municipality), municipality, args.lang)
                continue
            try:
                plan = target.publish(municipality, _progress(municipality.slug))
            except Exception as error:
                if not is_transient(error):
                    raise
                print(
                    _(
                        "The portal could not be reached: %(error)s. Run the command again to resume."
                    )
                    % {"error": error},
                    file=sys.stderr,
                )
                return 1
            _print_plan(plan, municipality, args.lang)
            for label, message in plan.failed.items():
                print(
                    _("Failed: %(dataset)s — %(reason)s") % {"dataset": label, "reason": message},
                    file=sys.stderr,
                )
            failed += len(plan.failed)
        print(_("Write calls to the portal: %(n)d") % {"n": target.client.writes})
    return 1 if failed else 0


def run_publish_bundle(args) -> int:
    from django.utils import translation
    from django.utils.translation import gettext as _

    from ghia.publishing.targets.bundle import BundleTarget

    municipality = _municipality(args.municipality, args.lang)
    plan = BundleTarget(args.output).publish(municipality, _progress(municipality.slug))
    with translation.override(args.lang):
        datasets = len({a.dataset_id for a in plan.actions})
        print(
            _("Bundle written: %(path)s (%(datasets)d datasets)")
            % {"path": args.output, "datasets": datasets}
        )
    return 0


def run_publish_site(args) -> int:
    from django.utils import translation
    from django.utils.translation import gettext as _

    from ghia.publishing.targets.site import SiteTarget

    municipality = _municipality(args.municipality, args.lang)
    target = SiteTarget(args.output, args.base_url)
    target.publish(municipality, _progress(municipality.slug))
    result = target.result
    with translation.override(args.lang):
        print(_("Website written to %(path)s: %(datasets)d datasets, %(rebuilt)d rebuilt, %(removed)d removed, %(pages)d pages written.")
              % {"path": args.output, "datasets": result.datasets, "rebuilt": result.rebuilt,
                 "removed": result.removed, "pages": result.pages})  # fmt: skip
    return 0


def _site_municipality(location: str, slug: str | None, lang: str):
    """The municipality a website belongs to: given, or told by its data.json."""
    from ghia.catalog.models import Municipality
    from ghia.publishing.targets.site import SiteReader
    from ghia.publishing.uris import UriPolicy

    if slug:
        return _municipality(slug, lang)
    try:
        data = SiteReader(location).get("data.json") or b"{}"
        identifiers = [d.get("identifier", "") for d in json.loads(data).get("dataset", [])]
    except (OSError, ValueError, AttributeError):
        identifiers = []
    for municipality in Municipality.objects.all():
        base = UriPolicy.for_municipality(municipality).base + "/"
        if any(identifier.startswith(base) for identifier in identifiers):
            return municipality
    only = list(Municipality.objects.all()[:2])
    if len(only) == 1:
        return only[0]
    from django.utils import translation
    from django.utils.translation import gettext as _

    with translation.override(lang):
        print(
            _(
                "Cannot tell which municipality the website at %(location)s belongs to: give --municipality."
            )
            % {"location": location},
            file=sys.stderr,
        )
    raise SystemExit(2)


def run_verify(args) -> int:
    from ghia.catalog.models import Municipality
    from ghia.publishing.targets.ckan import CkanTarget
    from ghia.publishing.targets.site import SiteTarget
    from ghia.publishing.verify import verify

    if not args.site and not args.ckan:
        print("ghia verify: give --site and/or --ckan", file=sys.stderr)
        return 2
    pairs = [
        (SiteTarget(location), _site_municipality(location, args.municipality, args.lang))
        for location in args.site
    ]
    municipalities = (
        [_municipality(args.municipality, args.lang)]
        if args.municipality
        else list(Municipality.objects.all())
    )
    pairs += [(CkanTarget(url), m) for url in args.ckan for m in municipalities]
    report = verify(
        pairs, progress=lambda key: print(f"… {key}", file=sys.stderr) if not args.json else None
    )
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        print(report.table(args.lang), end="")
    return 0 if report.ok else 1
