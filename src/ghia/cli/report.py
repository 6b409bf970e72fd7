"""`ghia report`: the programme's documents. `ghia report situational` writes the
situational analysis of a municipality's latest assessment in Georgian or English, as
PDF, Word, HTML or an HTML slide summary."""

from __future__ import annotations

import sys
from pathlib import Path

FORMATS = ("pdf", "docx", "html", "slides", "slides-pdf")


def register(subparsers) -> None:
    report = subparsers.add_parser("report", help="programme documents (situational analysis)")
    kinds = report.add_subparsers(dest="report", metavar="REPORT")
    report.set_defaults(func=lambda _args: report.print_help() or 2)
    situational = kinds.add_parser(
        "situational",
        help="the situational analysis of a municipality",
        description="Write the situational analysis of the municipality's latest assessment.",
    )
    situational.add_argument("--municipality", required=True, metavar="SLUG")
    situational.add_argument("--lang", choices=("ka", "en"), default="ka")
    situational.add_argument("--format", choices=FORMATS, default="pdf", dest="fmt")
    situational.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="file to write; - for standard output"
    )
    situational.set_defaults(func=situational_report, needs_django=True)


def situational_report(args) -> int:
    from ghia.assessment.analysis import analyse
    from ghia.catalog.models import Municipality
    from ghia.documents.situational import render

    municipality = Municipality.objects.filter(slug=args.municipality).first()
    if municipality is None:
        print(f"ghia: no municipality {args.municipality!r}", file=sys.stderr)
        return 2
    assessment = municipality.assessments.order_by("-started", "-id").first()
    if assessment is None:
        print(
            f"ghia: {args.municipality} has no assessment yet; start one in the workspace",
            file=sys.stderr,
        )
        return 2
    data = render(analyse(assessment), args.lang, args.fmt)
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.output).write_bytes(data)
        print(f"{args.output} ({len(data):,} bytes)", file=sys.stderr)
    return 0
