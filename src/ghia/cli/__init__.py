"""The `ghia` command. Each module of this package registers its sub-commands; a command
returns its exit code: 0 success or valid, 1 the data or the check found problems,
2 usage or unreadable input."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Mapping

from ghia import __version__

COMMAND_MODULES = ("site", "tabular", "publish", "report")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """Georgian when the locale (LC_ALL, then LANG) is a Georgian one, else English."""
    env = os.environ if environ is None else environ
    locale_name = env.get("LC_ALL") or env.get("LANG") or ""
    return "ka" if locale_name.lower().startswith("ka") else "en"


def add_lang_option(parser: argparse.ArgumentParser, help: str) -> None:
    """``--lang ka|en``, by default the locale's language."""
    parser.add_argument("--lang", choices=("ka", "en"), default=default_lang(), help=help)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ghia.settings")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ghia",
        description="Ghia (ღია): the open-data management system of a municipality.",
    )
    parser.add_argument("--version", action="version", version=f"ghia {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"ghia.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"ghia.cli.{name}":
                raise
            continue  # that part of Ghia is not installed in this build
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if getattr(args, "needs_django", False):
        setup_django()
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def run() -> None:
    """The process's entry point (``ghia``, ``python -m ghia.cli``): ``main``, then exit.

    A command that did not set up Django leaves nothing behind to close, so once its
    output is flushed the process ends without the interpreter's teardown, which takes
    tens of milliseconds after a check has held polars, numpy and a large report.
    """
    code = main()
    if "django" in sys.modules:
        sys.exit(code)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
