"""What people do to prepare a dataset's data: check a version, keep the Table Schema,
clean into a new version, decide about personal data. Views and tasks call these.

Cleaning always starts again from the original upload: a cleaned version records in its
provenance every step applied to the original, so taking a step back is cleaning the
original without it, and nothing is ever changed in place.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ghia.catalog import permissions
from ghia.catalog import services as catalog
from ghia.catalog.audit import record
from ghia.catalog.models import Dataset, DataVersion
from ghia.preparation import engine, schemas
from ghia.preparation.models import CheckRun, PersonalDataDecision, TableSchema

logger = logging.getLogger(__name__)

# The error code of a check that stopped on a fault of Ghia's, not of the file.
CHECK_CRASHED = "check_crashed"
# Progress is written at most this often: a check must not spend its time on the database.
PROGRESS_INTERVAL = 1.5


# --- versions ---------------------------------------------------------------------------


def is_export(version: DataVersion) -> bool:
    """Whether the version is a cleaned table written in another format (same content)."""
    return bool((version.provenance or {}).get("export_of"))


def checked_version(version: DataVersion) -> DataVersion:
    """The version whose check speaks for this one: an export is its cleaned table's."""
    return version.derived_from if is_export(version) and version.derived_from else version


def is_checked_on_arrival(version: DataVersion) -> bool:
    return version.source in (
        DataVersion.Source.UPLOAD,
        DataVersion.Source.CLEAN,
    ) and not is_export(version)


def original_of(version: DataVersion) -> DataVersion:
    """The upload a cleaned version (or an export of one) was made from."""
    while version.source == DataVersion.Source.CLEAN and version.derived_from_id:
        version = version.derived_from
    return version


def steps_of(version: DataVersion) -> list[dict]:
    """The clean steps applied to the original to make this version."""
    version = checked_version(version)
    return (
        list((version.provenance or {}).get("steps") or [])
        if version.source == DataVersion.Source.CLEAN
        else []
    )


def current_version(dataset: Dataset) -> DataVersion | None:
    version = dataset.current_version
    return checked_version(version) if version else None


def served_versions(dataset: Dataset) -> list[DataVersion]:
    """The checked versions behind every file the dataset offers, newest first."""
    versions = {}
    for distribution in dataset.distributions.filter(version__isnull=False).select_related(
        "version__derived_from"
    ):
        version = checked_version(distribution.version)
        versions[version.pk] = version
    return sorted(versions.values(), key=lambda v: -v.number)


# --- checks -----------------------------------------------------------------------------


def latest_check(version: DataVersion | None) -> CheckRun | None:
    if version is None:
        return None
    return version.checks.order_by("-created", "-id").first()


def last_read_check(version: DataVersion) -> CheckRun | None:
    """The newest check that read the version's table to the end."""
    return (
        checked_version(version)
        .checks.filter(status=CheckRun.Status.DONE)
        .order_by("-created", "-id")
        .first()
    )


def sheets_of(version: DataVersion) -> list[str]:
    """The sheets of the version's workbook, as its newest finished check found them:
    none for a file with one table, or one that no check has read yet."""
    run = last_read_check(version)
    return list(((run.report or {}).get("source") or {}).get("sheets") or []) if run else []


def start_check(
    user, version: DataVersion, *, sheet: str | None = None, enforce: bool = True
) -> CheckRun:
    """Queue a check of ``version``; it runs in the background after the transaction.

    ``sheet`` is one of the workbook's sheets (``sheets_of``). Without it the check reads
    the sheet the newest check read, so checking again, or against an edited schema, stays
    on the sheet a person chose. ``enforce=False`` is for the upload hook, whose uploader
    was already allowed. Raises ValidationError for a sheet the workbook does not have.
    """
    version = checked_version(version)
    if enforce and not permissions.can_edit(user, version.dataset):
        raise PermissionDenied(_("You cannot check the files of this dataset."))
    if sheet is None:
        latest = latest_check(version)
        sheet = latest.sheet if latest else ""
    else:
        _require_sheet(version, sheet)
    # A run still waiting reads the schema when it starts, so it serves this request too;
    # queueing it again is harmless (a run is only ever run once) and revives it if its
    # task was lost.
    run = version.checks.filter(status=CheckRun.Status.QUEUED, sheet=sheet).first()
    if run is None:
        run = CheckRun.objects.create(
            version=version,
            sheet=sheet,
            requested_by=user if getattr(user, "is_authenticated", False) else None,
        )
    # robust: a queue that cannot be reached must not undo or fail the upload itself.
    transaction.on_commit(lambda: _enqueue(run.pk), robust=True)
    return run


def _require_sheet(version: DataVersion, sheet: str) -> None:
    sheets = sheets_of(version)
    if not sheets:
        raise ValidationError(
            _("There is no sheet to choose: the file is not a workbook, or not read yet.")
        )
    if sheet not in sheets:
        raise ValidationError(
            _("The workbook has no sheet “%(sheet)s”; its sheets are: %(sheets)s.")
            % {"sheet": Truncator(sheet).chars(60), "sheets": ", ".join(sheets)}
        )


def _enqueue(run_id: int) -> None:
    from ghia.preparation.tasks import check_version

    check_version.enqueue(run_id)


class _ProgressWriter:
    """The engine's progress callback: writes to the run at most every PROGRESS_INTERVAL."""

    def __init__(self, run_id: int):
        self.run_id = run_id
        self.last = time.monotonic()

    def __call__(self, done: int, total: int, rows: int | None = None) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_INTERVAL or total <= 0:
            return
        self.last = now
        fields = {"progress": min(99, 100 * done // total)}
        if rows is not None:
            fields["rows_done"] = rows
        CheckRun.objects.filter(pk=self.run_id).update(**fields)


def run_check(run_id: int) -> str:
    """The body of the background task: check the run's version and keep the report."""
    # Claimed in one statement: a run queued twice is still only run once.
    claimed = CheckRun.objects.filter(pk=run_id, status=CheckRun.Status.QUEUED).update(
        status=CheckRun.Status.RUNNING, started=timezone.now()
    )
    run = CheckRun.objects.select_related("version__dataset").filter(pk=run_id).first()
    if not claimed or run is None:
        return run.status if run else "missing"
    version = run.version
    edited = TableSchema.objects.filter(dataset_id=version.dataset_id, edited=True).first()
    given = edited.descriptor if edited else None
    run.schema = given
    run.save(update_fields=["schema"])
    try:
        with engine.named(catalog.version_path(version), version.filename) as path:
            outcome = engine.check_file(path, given, _ProgressWriter(run.pk), sheet=run.sheet)
    except engine.TableReadError as error:
        _finish(
            run, CheckRun.Status.FAILED, error_code=error.code, error_params=_plain(error.params)
        )
    except Exception:
        logger.exception("check of version %s failed", version.pk)
        _finish(run, CheckRun.Status.FAILED, error_code=CHECK_CRASHED)
    else:
        report = outcome.report
        # The sheet read, also where the engine chose it: cleaning reads the same one.
        _finish(
            run, CheckRun.Status.DONE, report=report, preview=_plain(outcome.preview), schema=report["schema"],
            schema_inferred=report["schemaInferred"], rows_done=report["table"]["rows"], progress=100,
            sheet=report["source"].get("sheet") or "",
        )  # fmt: skip
        if report["schemaInferred"]:
            _adopt_inferred_schema(version, report["schema"])
    return run.status


def _plain(value):
    """JSON-safe (a read error's params may hold paths or numbers of any kind)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _finish(run: CheckRun, status: str, **fields) -> None:
    fields |= {"status": status, "finished": timezone.now()}
    for name, value in fields.items():
        setattr(run, name, value)
    # Not the progress the writer keeps unless given: the run in memory never saw it.
    run.save(update_fields=list(fields))


# --- the Table Schema -------------------------------------------------------------------


def _adopt_inferred_schema(version: DataVersion, descriptor: dict) -> None:
    """An inferred schema becomes the dataset's unless a person edited it, or a newer
    version's schema is already there."""
    with transaction.atomic():
        current = (
            TableSchema.objects.select_for_update(of=("self",))
            .select_related("inferred_from")
            .filter(dataset_id=version.dataset_id)
            .first()
        )
        if current and (
            current.edited
            or (current.inferred_from and current.inferred_from.number > version.number)
        ):
            return
        TableSchema.objects.update_or_create(
            dataset_id=version.dataset_id,
            defaults={
                "descriptor": descriptor,
                "inferred_from": version,
                "edited": False,
                "edited_by": None,
            },
        )


def dataset_schema(dataset: Dataset) -> dict | None:
    """The dataset's Table Schema descriptor, as a Data Package should carry it."""
    current = TableSchema.objects.filter(dataset=dataset).first()
    return current.descriptor if current else None


def schema_for_version(version: DataVersion) -> dict | None:
    """The Table Schema that describes a version's table: the one its newest finished
    check read it against (the dataset's edited schema, or the one inferred from it).
    This is what a Data Package or DCAT distribution should carry with the file."""
    run = last_read_check(version)
    return run.schema if run else None


def save_schema(user, dataset: Dataset, edits: list[dict]) -> TableSchema:
    """Apply a person's edits of the fields, keep the schema as edited, and check again."""
    if not permissions.can_edit(user, dataset):
        raise PermissionDenied(_("You cannot edit this dataset."))
    current = TableSchema.objects.filter(dataset=dataset).first()
    if current is None:
        raise ValidationError(_("There is no schema yet: check a file first."))
    descriptor = schemas.apply_edits(current.descriptor, edits)
    with transaction.atomic():
        current.descriptor, current.edited, current.edited_by = descriptor, True, user
        current.save()
        record(
            user,
            "update",
            dataset,
            changes={"table_schema": [None, [f["name"] for f in descriptor["fields"]]]},
        )
        version = current_version(dataset)
        if version:
            start_check(user, version)
    return current


def reset_schema(user, dataset: Dataset) -> None:
    """Forget a person's edits: the next check infers the schema again."""
    if not permissions.can_edit(user, dataset):
        raise PermissionDenied(_("You cannot edit this dataset."))
    with transaction.atomic():
        TableSchema.objects.filter(dataset=dataset).update(edited=False, inferred_from=None)
        version = current_version(dataset)
        if version:
            start_check(user, version)


# --- cleaning ---------------------------------------------------------------------------


def clean_version(user, version: DataVersion, steps: list[dict]) -> DataVersion:
    """Apply ``steps`` to the original of ``version`` and store the result as a new
    version (CSV, UTF-8), with the same table in XLSX, JSON and Parquet beside it.

    The original's file is only read. Raises TableReadError for a step that does not fit
    the table, PermissionDenied for a person who may not change the dataset.
    """
    dataset = version.dataset
    if not permissions.can_edit(user, dataset):
        raise PermissionDenied(_("You cannot upload files to this dataset."))
    original = original_of(checked_version(version))
    sheet = sheet_to_clean(version)
    steps = engine.validate_steps(list(steps))
    stem = Path(original.filename).stem or "data"
    with (
        tempfile.TemporaryDirectory() as tmp,
        engine.named(catalog.version_path(original), original.filename) as path,
    ):
        outcome = engine.clean_file(path, steps, Path(tmp), stem, sheet=sheet)
        provenance = {
            "steps": steps,
            "changes": outcome.changes,
            "original": {
                "id": str(original.pk),
                "number": original.number,
                "sha256": original.sha256,
                "sheet": sheet or None,
            },
            "rows": outcome.rows,
            "schema": outcome.schema,
        }
        # The sheet is worth telling only where there was a choice.
        told = sheet if len(sheets_of(original)) > 1 else ""
        note = _both(lambda: _cleaned_note(original, told, len(steps)))
        with transaction.atomic():
            cleaned = _store(user, dataset, outcome.files["csv"], note, original, provenance)
            for fmt, path in outcome.files.items():
                if fmt != "csv":
                    export = {"export_of": str(cleaned.pk), "format": fmt, "schema": outcome.schema}
                    _store(user, dataset, path, note, cleaned, export)
    return cleaned


def sheet_to_clean(version: DataVersion) -> str:
    """The sheet of the original that cleaning ``version`` reads: a cleaned version's own
    sheet, an upload's as its newest finished check read it, so the repairs apply to the
    table the report showed. Blank for a file that is not a workbook."""
    version = checked_version(version)
    if version.source == DataVersion.Source.CLEAN:
        return ((version.provenance or {}).get("original") or {}).get("sheet") or ""
    run = last_read_check(version)
    return run.sheet if run else ""


def _cleaned_note(original: DataVersion, sheet: str, steps: int) -> str:
    if sheet:
        return _("Cleaned from version %(n)d, sheet “%(sheet)s”: %(steps)d steps") % {
            "n": original.number, "sheet": sheet, "steps": steps,
        }  # fmt: skip
    return _("Cleaned from version %(n)d: %(steps)d steps") % {"n": original.number, "steps": steps}


def _both(text) -> str:
    """A note stored once but read by everyone: Georgian, then English."""
    parts = []
    for lang in ("ka", "en"):
        with translation.override(lang):
            parts.append(text())
    return " · ".join(dict.fromkeys(parts))


def _store(
    user, dataset, path: Path, note: str, derived_from: DataVersion, provenance: dict
) -> DataVersion:
    with open(path, "rb") as f:
        return catalog.add_version(
            user, dataset, f, path.name, note=note, source=DataVersion.Source.CLEAN,
            derived_from=derived_from, provenance=provenance,
        )  # fmt: skip


def add_step(user, version: DataVersion, step: dict) -> DataVersion | None:
    """Clean again with one more step; None when the step is already applied."""
    steps = steps_of(version)
    if step in steps:
        return None
    return clean_version(user, version, [*steps, step])


def undo_step(user, version: DataVersion, index: int) -> DataVersion:
    """Clean the original again without the step at ``index``."""
    steps = steps_of(version)
    if not 0 <= index < len(steps):
        raise ValidationError(_("There is no such step."))
    del steps[index]
    return clean_version(user, version, steps)


# --- personal data ----------------------------------------------------------------------


def latest_decision(version: DataVersion) -> PersonalDataDecision | None:
    return version.personal_data_decisions.order_by("-at", "-id").first()


def record_decision(
    user, version: DataVersion, decision: str, legal_basis: str = ""
) -> PersonalDataDecision:
    """A coordinator's decision about the personal data found in ``version``."""
    version = checked_version(version)
    dataset = version.dataset
    if not permissions.can_publish(user, dataset):
        raise PermissionDenied(_("Only a coordinator decides about personal data."))
    if decision not in PersonalDataDecision.Decision.values:
        raise ValidationError(_("Choose a decision."))
    legal_basis = legal_basis.strip()
    if decision == PersonalDataDecision.Decision.PUBLISH and not legal_basis:
        raise ValidationError(_("State the legal basis for publishing personal data."))
    with transaction.atomic():
        made = PersonalDataDecision.objects.create(
            version=version,
            check_run=latest_check(version),
            decision=decision,
            legal_basis=legal_basis,
            by=user,
        )
        record(
            user, "update", dataset, summary=f"v{version.number}: {made.get_decision_display()}",
            changes={"personal_data_decision": [None, decision]},
        )  # fmt: skip
    return made
