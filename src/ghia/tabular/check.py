"""The one-call check of a file: read, legacy fonts, schema, validation, personal data.

``check(path)`` is what the command line's ``ghia check`` and the web's background task
run. It streams the file once for validation (any size, bounded memory), infers a
schema from the first rows when none is given, proposes clean steps for what it finds,
and returns a ``CheckReport`` whose ``to_dict()`` is the versioned JSON documented in the README (Data preparation).
"""

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from ghia.standards.legacy_fonts import legacy_confidence, to_unicode
from ghia.tabular import parsers
from ghia.tabular.errors import TableReadError
from ghia.tabular.layout import totals_mask
from ghia.tabular.messages import Note
from ghia.tabular.personal import PersonalDataReport, scan_personal_data
from ghia.tabular.quality import QualityScore, quality_score
from ghia.tabular.report import ValidationReport
from ghia.tabular.schema import SAMPLE_ROWS, SchemaInference, infer_schema
from ghia.tabular.table import ROW, Table, TableStream, open_table
from ghia.tabular.validate import DEFAULT_LIMIT_ERRORS, validate

REPORT_VERSION = 1
LEGACY_THRESHOLD = 0.6


@dataclass
class CheckReport:
    source: dict
    labels: list[str]
    field_names: list[str]
    header_rows: list[int]
    notes: list[Note]
    schema: dict
    schema_inferred: bool
    validation: ValidationReport
    personal_data: PersonalDataReport
    quality: QualityScore
    inference: SchemaInference | None = None
    legacy: list[dict] = field(default_factory=list)
    suggested_steps: list[dict] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.validation.valid

    @property
    def has_problems(self) -> bool:
        """Errors, or personal data that may not be published as it is."""
        return not self.validation.valid or bool(self.personal_data.personal)

    def to_dict(self) -> dict:
        return {
            "version": REPORT_VERSION,
            "valid": self.valid,
            "problems": self.has_problems,
            "source": self.source,
            "table": {
                "labels": self.labels,
                "fields": self.field_names,
                "headerRows": self.header_rows,
                "rows": self.validation.rows,
            },
            "notes": [n.to_dict() for n in self.notes],
            "schema": self.schema,
            "schemaInferred": self.schema_inferred,
            "inference": self.inference.to_dict() if self.inference else None,
            "validation": self.validation.to_dict(),
            "personalData": self.personal_data.to_dict(),
            "legacyFonts": self.legacy,
            "suggestedSteps": self.suggested_steps,
            "quality": self.quality.to_dict(),
        }


def load_schema(schema: dict | str | Path | None) -> dict | None:
    """A Table Schema given as a dict or as the path of a JSON file."""
    if schema is None or isinstance(schema, dict):
        return schema
    try:
        loaded = json.loads(Path(schema).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise TableReadError("file_not_found", path=str(schema)) from error
    except (OSError, ValueError) as error:
        raise TableReadError("schema_invalid", reason=str(error)[:200]) from error
    if not isinstance(loaded, dict):
        raise TableReadError("schema_invalid", reason="not a JSON object")
    return loaded


def check(
    path: str | Path,
    schema: dict | str | Path | None = None,
    limit_errors: int | None = DEFAULT_LIMIT_ERRORS,
    progress: Callable[[int, int], None] | None = None,
    sheet: str | int | None = None,
    scan_rows: int = SAMPLE_ROWS,
) -> CheckReport:
    """Check the table in ``path``; raises TableReadError when it cannot be read.

    ``progress(done, total)`` is called as blocks are validated (bytes for CSV, rows
    otherwise). Personal data is scanned in the first ``scan_rows`` rows.
    """
    given = load_schema(schema)
    stream = open_table(path, sheet=sheet)
    head = stream.head(max(SAMPLE_ROWS, scan_rows))
    sample = Table(frame=head, labels=stream.labels)
    inference = None
    notes = list(stream.notes)
    if given is None:
        inference = infer_schema(sample, SAMPLE_ROWS)
        given = inference.schema
        notes.append(Note("schema_inferred", {"rows": inference.sample_rows}))
        for name, styles in inference.mixed_number_styles.items():
            examples = "; ".join(
                parsers.number_example(s["decimalChar"], s["groupChar"]) for s in styles
            )
            notes.append(Note("number_styles_mixed", {"field": name, "examples": examples}))
    totals: list[int] = []
    # The copy taps the original's frames, which go on from those head() read.
    tapped = replace(
        stream,
        _frames=lambda: _tap_totals(stream.frames(), stream.field_names, totals),
        _started=None,
    )
    scanned = Table(frame=head.head(scan_rows), labels=stream.labels)
    # The first rows are looked at (legacy fonts, personal data) while the rest is checked.
    with ThreadPoolExecutor(1, thread_name_prefix="ghia-sample") as beside:
        proposals = beside.submit(_legacy_proposals, stream, head, given)
        findings = beside.submit(scan_personal_data, scanned, None)
        report = validate(tapped, given, limit_errors=limit_errors, progress=progress)
        legacy, steps, legacy_notes = proposals.result()
        personal = findings.result()
    notes += legacy_notes + stream.read_notes()
    if totals:
        notes.append(Note("totals_rows_found", {"rows": ", ".join(map(str, totals[:10]))}))
        steps.append({"step": "drop_totals"})
    personal.complete = head.height < scan_rows
    if not personal.complete:
        notes.append(Note("scan_sampled", {"rows": personal.rows_scanned}))
    steps += _suggested_steps(given, report, personal, stream.field_names, inference)
    return CheckReport(
        source=stream.source.to_dict(),
        labels=stream.labels,
        field_names=stream.field_names,
        header_rows=stream.header_rows,
        notes=notes,
        schema=given,
        schema_inferred=inference is not None,
        validation=report,
        personal_data=personal,
        quality=quality_score(report),
        inference=inference,
        legacy=legacy,
        suggested_steps=steps,
    )


def _tap_totals(frames: Iterator, names: list[str], found: list[int]) -> Iterator:
    """Pass frames through, noting the row numbers of totals rows."""
    for frame, done in frames:
        mask = totals_mask(frame, names)
        if mask.any():
            found.extend(frame.filter(mask)[ROW].to_list())
        yield frame, done


def _legacy_proposals(stream: TableStream, head: pl.DataFrame, schema: dict):
    """Columns converted from legacy fonts while reading, and those that look like such
    text though the file has no fonts: the latter are proposed, not converted (with the
    steps and notes proposing them)."""
    found, steps, notes = [], [], []
    for name, info in stream.legacy_columns.items():
        found.append(
            {
                "field": name,
                "converted": True,
                "cells": info["cells"],
                "fonts": info["fonts"],
                "confidence": 1.0,
            }
        )
    text_fields = {
        f["name"] for f in schema.get("fields", []) if f.get("type") in ("string", "any", None)
    }
    for position, name in enumerate(stream.field_names):
        if name in stream.legacy_columns or name not in head.columns:
            continue
        descriptor = schema.get("fields", [])
        if position < len(descriptor) and descriptor[position]["name"] not in text_fields:
            continue
        cells = head[name].drop_nulls().head(1000)
        # Only Latin words without any Georgian letter can be legacy-font text.
        latin = cells.str.contains("[A-Za-z]{2}") & ~cells.str.contains("[\u10d0-\u10ff]")
        if latin.mean() is None or latin.mean() < 0.5:
            continue
        values = cells.to_list()
        confidence = legacy_confidence(values)
        if confidence >= LEGACY_THRESHOLD:
            sample = next((v for v in values if any(c.isalpha() for c in v)), "")
            found.append({"field": name, "converted": False, "confidence": round(confidence, 2)})
            notes.append(
                Note(
                    "legacy_font_proposed",
                    {
                        "field": name,
                        "confidence": f"{confidence:.0%}",
                        "sample": sample,
                        "converted": to_unicode(sample),
                    },
                )
            )
            steps.append({"step": "convert_legacy", "field": name})
    return found, steps, notes


def _suggested_steps(
    schema: dict,
    report: ValidationReport,
    personal: PersonalDataReport,
    names: list[str],
    inference: SchemaInference | None = None,
) -> list[dict]:
    steps = []
    mixed = inference.mixed_number_styles if inference else {}
    for position, descriptor in enumerate(schema.get("fields", [])):
        if position >= len(names):
            break
        name = names[position]
        # Each style of a column mixing them, the most frequent first (a cell that two
        # styles read differently, "1,200", is read as most of its column is written),
        # but the standard one ("1234.5"), which needs no step.
        for style in mixed.get(descriptor["name"], []):
            if style != {"decimalChar": ".", "groupChar": ""}:
                separators = {k: v for k, v in style.items() if v}
                steps.append({"step": "standardize_numbers", "field": name} | separators)
        if descriptor.get("type") == "number" and (
            descriptor.get("decimalChar", ".") != "." or descriptor.get("groupChar")
        ):
            steps.append(
                {"step": "standardize_numbers", "field": name}
                | {k: descriptor[k] for k in ("decimalChar", "groupChar") if k in descriptor}
            )
        if descriptor.get("type") in ("date", "datetime") and descriptor.get(
            "format", "default"
        ) not in ("default", "any"):
            steps.append({"step": "dates_to_iso", "field": name, "format": descriptor["format"]})
    if report.by_type.get("blank-row"):
        steps.append({"step": "drop_blank_rows"})
    for finding in personal.personal:
        steps.append({"step": "mask", "field": finding.field, "kind": finding.kind})
    return steps
