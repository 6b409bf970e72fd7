"""`ghia demo`, `ghia serve`, `ghia migrate`, `ghia createadmin`: running the web app."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys


def register(subparsers) -> None:
    demo = subparsers.add_parser("demo", help="prepare the demo municipalities and serve them")
    demo.add_argument("--no-serve", action="store_true", help="prepare the demo and exit")
    _server_options(demo)
    demo.set_defaults(func=run_demo, needs_django=True)

    serve = subparsers.add_parser("serve", help="start the web app on an existing database")
    _server_options(serve)
    serve.set_defaults(func=run_serve, needs_django=True)

    migrate = subparsers.add_parser("migrate", help="create or upgrade the database")
    migrate.set_defaults(func=lambda args: prepare_database() or 0, needs_django=True)


def _server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--threads", type=int, default=8)


def prepare_database(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("collectstatic", interactive=False, verbosity=0)


def run_demo(args) -> int:
    from ghia.catalog.demo import load_demo

    print("ღია · Ghia — preparing the demo (database, municipalities, files)…")
    prepare_database()
    result = load_demo()
    _load_programme_demo()
    print("\nDemo logins (password for all: ghia-demo) / სადემონსტრაციო მომხმარებლები (პაროლი: ghia-demo):")
    for login in result.get("logins", []):
        print(f"  {login['username']:<34} {login['role']:<14} {login.get('municipality') or '*'}")
    if args.no_serve:
        return 0
    return serve(args)


def _load_programme_demo() -> None:
    try:
        from ghia.assessment.demo import load_demo as load_assessment_demo
    except ModuleNotFoundError:
        return
    load_assessment_demo()


def run_serve(args) -> int:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    if MigrationExecutor(connection).migration_plan(MigrationExecutor(connection).loader.graph.leaf_nodes()):
        print("The database needs migrating: run `ghia migrate` first.\nმონაცემთა ბაზა განახლებას საჭიროებს: გაუშვით `ghia migrate`.")
        return 2
    return serve(args)


def serve(args) -> int:
    """The web app and, beside it, the worker that runs background tasks (checks, publishing)."""
    from waitress import serve as waitress_serve

    from ghia.wsgi import application

    worker = subprocess.Popen(
        [sys.executable, "-m", "django", "db_worker", "--interval", "1"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "ghia.settings"},
    )
    print(f"\nGhia is running at http://{args.host}:{args.port}/  (Ctrl+C stops it)")
    print(f"ღია მუშაობს მისამართზე http://{args.host}:{args.port}/")
    try:
        waitress_serve(application, host=args.host, port=args.port, threads=args.threads, _quiet=True)
    finally:
        worker.terminate()
        worker.wait(timeout=10)
    return 0
