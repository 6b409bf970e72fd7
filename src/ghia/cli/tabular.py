"""`ghia check`, `ghia infer`, `ghia scan`, `ghia clean`: the tabular engine from a shell.

Every line a person reads comes from the bilingual catalogue of ``ghia.tabular.messages``
(``--lang ka|en``, by default Georgian under a Georgian locale). ``--json`` prints the
versioned JSON documented in the README (Data preparation). Exit codes: 0 valid (or
done), 1 problems found, 2 usage or unreadable input.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import sys
from pathlib import Path

from ghia.cli import add_lang_option

OK, PROBLEMS, UNUSABLE = 0, 1, 2
SHOWN_ERRORS = 20  # itemised errors printed when --limit-errors is not given
PROGRESS_BYTES = 10 << 20
SAFE_STEPS = ["trim", "normalize_unicode", "drop_blank_rows", "drop_totals"]


def register(subparsers) -> None:
    # Nothing of ghia.tabular (and polars) is imported until a tabular command runs.
    def common(parser, sheet=True):
        parser.add_argument("file", metavar="FILE", help="CSV, TSV, XLSX, XLS, ODS or JSON")
        parser.add_argument("--json", action="store_true", help="print the versioned JSON report")
        add_lang_option(parser, "language of messages")
        if sheet:
            parser.add_argument("--sheet", default=None, help="sheet name or number (from 1)")

    check = subparsers.add_parser("check", help="validate a table and look for personal data")
    common(check)
    check.add_argument(
        "--schema", default=None, help="Table Schema (JSON file); inferred if absent"
    )
    check.add_argument("--limit-errors", type=int, default=None, help="errors to list (0: all)")
    check.set_defaults(func=run_check)

    infer = subparsers.add_parser("infer", help="infer a Table Schema")
    common(infer)
    infer.add_argument("-o", "--output", default=None, help="write the schema to this file")
    infer.set_defaults(func=run_infer)

    scan = subparsers.add_parser("scan", help="look for personal data in every row")
    common(scan)
    scan.set_defaults(func=run_scan)

    clean = subparsers.add_parser("clean", help="apply clean steps and write the result")
    common(clean)
    clean.add_argument("-o", "--output", required=True, help="CSV, JSON, XLSX or Parquet file")
    clean.add_argument(
        "--steps",
        default=None,
        help='JSON list of steps, a JSON file, names separated by commas, or "suggested" '
        f"(default: {','.join(SAFE_STEPS)})",
    )
    clean.set_defaults(func=run_clean)


def _guarded(command):
    """Whatever the input, a person sees a message and exit code 2, not a traceback.

    The engine raises TableReadError for everything it knows to be wrong with a file;
    anything else is reported in the same words, with its cause, for the maintainers.
    """

    @functools.wraps(command)
    def run(args) -> int:
        try:
            _import_engine()
            return command(args)
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as error:
            from ghia.tabular.messages import render

            reason = f"{type(error).__name__}: {error}"[:300]
            print(render("file_unreadable", {"reason": reason}, args.lang), file=sys.stderr)
            return UNUSABLE

    return run


def _import_engine() -> None:
    """Import ghia.tabular (polars, numpy) with its objects frozen: Python's cycle
    collector, which runs whenever many objects have been made, would otherwise walk
    those hundreds of thousands of objects again and again during one command."""
    if "ghia.tabular" in sys.modules:
        return
    gc.disable()
    try:
        import ghia.tabular  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()


def _say(line: str = "") -> None:
    print(line)


def _json(data: dict) -> None:
    # Indented for a person at a terminal, compact for a program; orjson writes a report
    # of tens of thousands of errors several times faster than the json module.
    import orjson

    option = (orjson.OPT_INDENT_2 if sys.stdout.isatty() else 0) | orjson.OPT_APPEND_NEWLINE
    try:
        text = orjson.dumps(data, option=option)
    except TypeError:  # a key that is not text: written as text, more slowly
        text = orjson.dumps(data, option=option | orjson.OPT_NON_STR_KEYS)
    sys.stdout.flush()
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text.decode("utf-8"))


def _fail(error, lang: str) -> int:
    print(error.text(lang), file=sys.stderr)
    return UNUSABLE


@contextlib.contextmanager
def _progress_bar(path: str, lang: str):
    """A progress callback drawing a tqdm bar on stderr for large files on a terminal (or
    when GHIA_PROGRESS=1), closed on leaving; None otherwise."""
    from ghia.tabular.messages import render

    try:
        size = Path(path).stat().st_size
    except OSError:
        size = None
    wanted = os.environ.get("GHIA_PROGRESS")
    if size is None or (
        wanted != "1" and (wanted == "0" or size < PROGRESS_BYTES or not sys.stderr.isatty())
    ):
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=None, file=sys.stderr, desc=render("cli.progress", {}, lang), leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield progress
    finally:
        bar.close()


@_guarded
def run_check(args) -> int:
    from ghia.tabular import TableReadError, check
    from ghia.tabular.messages import render

    lang = args.lang
    limit = args.limit_errors if args.limit_errors is not None else 1000
    try:
        with _progress_bar(args.file, lang) as progress:
            report = check(
                args.file,
                schema=args.schema,
                limit_errors=limit or None,
                progress=progress,
                sheet=args.sheet,
            )
    except TableReadError as error:
        return _fail(error, lang)
    if args.json:
        _json(report.to_dict())
        return PROBLEMS if report.has_problems else OK
    _print_notes(report.notes, lang)
    validation = report.validation
    counts = {
        "rows": validation.rows,
        "fields": validation.fields,
        "errors": validation.error_count,
    }
    _say(render("cli.valid" if validation.valid else "cli.invalid", counts, lang))
    if not validation.valid:
        _print_errors(validation, args.limit_errors, lang)
    _print_findings(report.personal_data, lang)
    _say(render("cli.quality", {"score": report.quality.score}, lang))
    return PROBLEMS if report.has_problems else OK


def _print_notes(notes, lang: str) -> None:
    from ghia.tabular.messages import render

    if notes:
        _say(render("cli.notes", {}, lang))
        for note in notes:
            _say(f"  • {note.text(lang)}")
        _say()


def _print_errors(validation, limit_errors, lang: str) -> None:
    from ghia.tabular.messages import render
    from ghia.tabular.report import error_title

    _say(render("cli.errors_by_type", {}, lang))
    for error_type, count in sorted(validation.by_type.items(), key=lambda kv: -kv[1]):
        if count:
            _say(f"  {error_type:18} {count:>9}  {error_title(error_type, lang)}")
    shown = SHOWN_ERRORS if limit_errors is None else (limit_errors or len(validation.errors))
    _say()
    for item in validation.errors[:shown]:
        cell = item.get("cell")
        params = {
            "row": item.get("rowNumber") or "—",
            "field": item.get("fieldName") or item.get("label") or item.get("fieldNumber") or "—",
            "message": item["message"][lang] + (f" («{cell}»)" if cell else ""),
        }
        _say("  " + render("cli.error_line", params, lang))
    rest = validation.error_count - min(shown, len(validation.errors))
    if rest > 0:
        _say("  " + render("cli.more_errors", {"count": rest}, lang))
    _say()


def _print_findings(personal, lang: str) -> None:
    from ghia.tabular.messages import render

    if not personal.findings:
        _say(render("cli.no_personal_data", {}, lang))
        return
    _say(render("cli.personal_data", {}, lang))
    for finding in personal.findings:
        params = {
            "field": finding.field,
            "kind": render(f"pii.{finding.kind}", {}, lang),
            "count": finding.count,
            "share": f"{finding.share:.0%}",
            "confidence": f"{finding.confidence:.0%}",
        }
        samples = ", ".join(finding.samples)
        _say(f"  • {render('pii_found', params, lang)}" + (f" [{samples}]" if samples else ""))


@_guarded
def run_infer(args) -> int:
    from ghia.tabular import TableReadError, infer_schema, open_table
    from ghia.tabular.check import REPORT_VERSION
    from ghia.tabular.messages import render

    lang = args.lang
    try:
        inference = infer_schema(open_table(args.file, sheet=args.sheet))
    except TableReadError as error:
        return _fail(error, lang)
    if args.output:
        Path(args.output).write_text(
            json.dumps(inference.schema, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    if args.json:
        _json({"version": REPORT_VERSION} | inference.to_dict())
    else:
        for descriptor in inference.schema["fields"]:
            extras = {k: v for k, v in descriptor.items() if k not in ("name", "type")}
            _say(
                f"  {descriptor['name']}: {descriptor['type']}"
                + (f" {json.dumps(extras, ensure_ascii=False)}" if extras else "")
            )
        if args.output:
            _say(render("cli.schema_written", {"path": args.output}, lang))
    return OK


@_guarded
def run_scan(args) -> int:
    from ghia.tabular import TableReadError, open_table, scan_personal_data
    from ghia.tabular.check import REPORT_VERSION

    lang = args.lang
    try:
        with _progress_bar(args.file, lang) as progress:
            report = scan_personal_data(
                open_table(args.file, sheet=args.sheet), sample_rows=None, progress=progress
            )
    except TableReadError as error:
        return _fail(error, lang)
    if args.json:
        _json({"version": REPORT_VERSION} | report.to_dict())
    else:
        _print_findings(report, lang)
    return PROBLEMS if report.personal else OK


@_guarded
def run_clean(args) -> int:
    from ghia.tabular import TableReadError, check, clean, read_table, write_table
    from ghia.tabular.check import REPORT_VERSION
    from ghia.tabular.clean import describe, validate_steps
    from ghia.tabular.messages import render

    lang = args.lang
    try:
        if args.steps == "suggested":
            steps = check(args.file, sheet=args.sheet).suggested_steps
        else:
            steps = validate_steps(_parse_steps(args.steps))
        table = read_table(args.file, sheet=args.sheet, tidy=False)
        cleaned = clean(table, steps)
        write_table(cleaned, args.output)
    except TableReadError as error:
        return _fail(error, lang)
    except ValueError as error:
        print(render("cli.step_invalid", {"step": str(error)}, lang), file=sys.stderr)
        return UNUSABLE
    applied = cleaned.notes[len(table.notes) :]
    if args.json:
        result = {
            "version": REPORT_VERSION,
            "output": args.output,
            "rows": cleaned.frame.height,
            "steps": steps,
            "notes": [note.to_dict() for note in applied],
        }
        _json(result)
    else:
        for step, note in zip(steps, applied, strict=True):
            params = dict(note.params, description=describe(step, lang))
            _say(f"  • {render('step_changed', params, lang)}")
        _say(render("cli.table_written", {"path": args.output, "rows": cleaned.frame.height}, lang))
    return OK


def _parse_steps(text: str | None) -> list[dict]:
    """Steps from a JSON list, a JSON file, or step names separated by commas."""
    if not text:
        return [{"step": name} for name in SAFE_STEPS]
    stripped = text.strip()
    if stripped.startswith("["):
        return json.loads(stripped)
    if Path(stripped).is_file():
        return json.loads(Path(stripped).read_text(encoding="utf-8"))
    return [{"step": name.strip()} for name in stripped.split(",") if name.strip()]
