"""Validating a table against a Table Schema, block by block, with polars.

The rules are Frictionless's, so the two tools report the same errors on the same rows:

* the header is compared with the schema's fields by position (blank, duplicate,
  incorrect, extra and missing labels);
* each field's cells are read by type (``parsers``); a cell that is missing from its
  record (``missing-cell``) or holds a missing value ("" by default) is blank; a cell that
  is not blank but cannot be read is a ``type-error``; constraints are checked on the
  cells that are not type errors, each broken one a ``constraint-error``; ``required``
  also breaks on a missing cell;
* a row whose every field is blank is one ``blank-row`` error instead of all the others;
* ``unique`` fields and the ``primaryKey`` compare typed values over the whole table, the
  first occurrence being valid; a primary key whose cells are all blank is an error too.

Every check is a boolean expression evaluated over a whole block at once (two blocks at
a time, in worker threads); only the first ``limit_errors`` errors are itemised, but all
are counted.
"""

import gc
import re
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

import numpy as np
import polars as pl

from ghia.tabular import parsers
from ghia.tabular.delimited import EXTRA_KEPT, WIDTH
from ghia.tabular.errors import TableReadError
from ghia.tabular.prefetch import ParallelMap, prefetched
from ghia.tabular.report import ValidationReport, error_item
from ghia.tabular.table import ROW, Table, TableStream, extra_column

DEFAULT_LIMIT_ERRORS = 1000
# The order of a block's errors within a row: blank row (0), each check (1, 2...), then
# extra cells and missing cells (``_items_frame``).
_EXTRA, _MISSING = 10**6, 2 * 10**6
# A block's queries are run as written but for dropping the columns no check reads:
# optimizing them further for every block cost more than it saved (measured).
_AS_WRITTEN = pl.QueryOptFlags.none(projection_pushdown=True)


@dataclass
class _CellCheck:
    error_type: str
    number: int  # 1-based field number
    name: str  # schema field name
    column: str  # column of the frame holding the cells
    mask: pl.Expr
    detail: dict


@contextmanager
def _collector_paused():
    """Python's cycle collector, run whenever enough objects have been made, walks every
    object the process holds (polars' and numpy's among them); the tens of thousands of
    error items of a report hold no cycles, so it waits until they are made."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def validate(
    table: Table | TableStream,
    schema: dict,
    limit_errors: int | None = DEFAULT_LIMIT_ERRORS,
    progress: Callable[[int, int], None] | None = None,
) -> ValidationReport:
    """Validate ``table`` against the Table Schema ``schema`` (a descriptor dict).

    ``limit_errors`` caps the itemised errors (None or 0: no cap); counts are complete.
    ``progress(done, total)`` is called after each block.
    """
    started = time.perf_counter()
    fields = _checked_fields(schema)
    labels = list(table.labels)
    header_errors = _header_errors(labels, fields, table.header_rows)
    expected = [
        fields[i] if i < len(fields) else {"name": labels[i], "type": "any"}
        for i in range(len(labels))
    ]
    columns = table.field_names
    state = _State(limit_errors or None)
    state.add_items(header_errors[: state.limit])
    state.by_type.update(e["type"] for e in header_errors[len(state.items) :])
    pk = schema.get("primaryKey") or []
    pk = [pk] if isinstance(pk, str) else list(pk)
    names = [f["name"] for f in expected]
    pk_columns = [columns[names.index(n)] for n in pk] if pk and set(pk) <= set(names) else []
    missing_values = schema.get("missingValues", [""])
    prepared, quick_reads, checks, blanks, values = _cell_checks(expected, columns, missing_values)
    unique = [(i, f) for i, f in enumerate(expected) if (f.get("constraints") or {}).get("unique")]
    keys = _key_columns(values, unique, pk_columns, columns)
    templates = _Templates(checks, columns)

    def block(item):
        frame = _read_quickly(item[0], quick_reads)
        raw, masks, counts = _frame_masks(frame, prepared, checks, blanks, keys, len(columns))
        items = _items_frame(frame, masks, checks, len(columns), state.room) if counts[-1] else None
        return raw, masks, counts, items

    with _collector_paused():
        for (frame, done), found in ParallelMap(block, _frames(table, len(columns))):
            _record_frame(frame, *found, checks, keys, templates, state)
            if progress:
                progress(done, table.total if isinstance(table, TableStream) else frame.height)
        if state.keys:
            _duplicates(pl.concat(state.keys), expected, unique, pk_columns, columns, state)
    return ValidationReport(
        valid=state.count == 0,
        rows=state.rows,
        fields=len(columns),
        by_type={t: n for t, n in state.by_type.items() if n},
        errors=state.items,
        limit_errors=state.limit,
        seconds=time.perf_counter() - started,
        invalid_rows=state.invalid_rows,
        labels=labels,
    )


def _frames(table: Table | TableStream, n_columns: int):
    """The table's frames that have rows, each with the width of its records."""
    if isinstance(table, TableStream):
        frames = prefetched(table.frames())
    else:
        frames = [(table.frame, table.frame.height)]
    for frame, done in frames:
        if not frame.height:
            continue
        if WIDTH not in frame.columns:
            frame = frame.with_columns(pl.lit(n_columns, dtype=pl.Int32).alias(WIDTH))
        yield frame, done


class _State:
    def __init__(self, limit: int | None):
        self.limit = limit
        self.by_type: Counter = Counter()
        self.items: list[dict] = []
        self.rows = 0
        self.invalid_rows = 0
        self.keys: list[pl.DataFrame] = []  # typed unique and primary-key cells per block

    @property
    def count(self) -> int:
        return sum(self.by_type.values())

    @property
    def room(self) -> int | None:
        """How many more items are listed (None: all)."""
        return None if self.limit is None else max(self.limit - len(self.items), 0)

    def add_items(self, items: list[dict]) -> None:
        for item in items:
            self.by_type[item["type"]] += 1
        self.items.extend(items)


def _checked_fields(schema: dict) -> list[dict]:
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not all(
        isinstance(f, dict) and f.get("name") for f in fields
    ):
        raise TableReadError(
            "schema_invalid", reason="fields must be a list of objects with a name"
        )
    return fields


# --- Header ------------------------------------------------------------------------------


def _header_errors(labels: list[str], fields: list[dict], header_rows: list[int]) -> list[dict]:
    row = header_rows[-1] if header_rows else 1
    if not labels:
        return [error_item("blank-header", row)]

    def item(error_type, number, label, name, detail=None):
        return error_item(error_type, row, number, name, detail=detail, label=label)

    errors = [
        item("extra-label", n, labels[n - 1], "") for n in range(len(fields) + 1, len(labels) + 1)
    ]
    errors += [
        item("missing-label", n + 1, "", fields[n]["name"]) for n in range(len(labels), len(fields))
    ]
    for number, (schema_field, label) in enumerate(zip(fields, labels, strict=False), start=1):
        if not label:
            errors.append(item("blank-label", number, "", schema_field["name"]))
            continue
        earlier = [str(n) for n, seen in enumerate(labels[: number - 1], start=1) if seen == label]
        if earlier:
            detail = {"code": "detail.duplicate_label", "params": {"positions": ", ".join(earlier)}}
            errors.append(item("duplicate-label", number, label, schema_field["name"], detail))
        elif label != schema_field["name"]:
            errors.append(item("incorrect-label", number, label, schema_field["name"]))
    return errors


# --- Cells -------------------------------------------------------------------------------


@dataclass
class _QuickRead:
    """A field whose cells one cast mostly reads (``parsers.quick_read``): the cells it
    does not read, few in most tables, are read in full."""

    column: str
    quick: pl.Expr
    ok: pl.Expr
    value: pl.Expr
    names: tuple[str, str]  # the columns given to a block: readable by type, typed value


def _cell_checks(expected: list[dict], columns: list[str], schema_missing: list[str]):
    """What a block is given before its checks: each field's blank and readable cells
    and typed values as named columns, computed once per block in three stages
    (``prepared``) after the quick reads; the checks (one boolean expression per field
    and error) over them; and each field's blank mask and typed value."""
    prepared: tuple[list, list, list] = ([], [], [])
    quick_reads, checks, blanks, values = [], [], [], []
    for index, (schema_field, column) in enumerate(zip(expected, columns, strict=False)):
        number, name = index + 1, schema_field["name"]
        raw = pl.col(column)
        missing_values = [str(v) for v in schema_field.get("missingValues", schema_missing)]
        blank = raw.is_null() | (pl.col(WIDTH) <= index)
        if missing_values == [""]:
            blank = blank | (raw == "")
        elif missing_values:
            blank = blank | raw.is_in(missing_values)
        # Polars does not share a subexpression between expressions here: a typed value
        # used by constraints and keys would be read again for each use.
        b, r, v = f"__blank{index}__", f"__ok{index}__", f"__value{index}__"
        parsed = f"__parsed{index}__"
        ok, value = parsers.read(raw, schema_field)
        _check_field(schema_field, column, ok, value)
        quick = parsers.quick_read(raw, schema_field)
        if quick is not None:
            ok_name = f"__quick_ok{index}__"
            quick_reads.append(_QuickRead(column, quick, ok, value, (ok_name, parsed)))
            ok = pl.col(ok_name)
        else:
            prepared[0].append(value.alias(parsed))
            ok, _ = parsers.read(raw, schema_field, value=pl.col(parsed))
        prepared[0].append(blank.alias(b))
        prepared[1].append((~pl.col(b) & ok.fill_null(False)).alias(r))
        prepared[2].append(pl.when(pl.col(r)).then(pl.col(parsed)).alias(v))
        blank, readable, value = pl.col(b), pl.col(r), pl.col(v)
        kind = schema_field.get("type", "any")
        fmt = schema_field.get("format", "default")
        if not (kind == "any" or (kind == "string" and fmt == "default")):
            detail = {"code": "detail.type", "params": {"type": kind, "format": fmt}}
            checks.append(
                _CellCheck("type-error", number, name, column, ~blank & ~readable, detail)
            )
        for constraint, bound in (schema_field.get("constraints") or {}).items():
            broken = _constraint(constraint, bound, raw, value, blank, readable, schema_field)
            if broken is not None:
                detail = {
                    "code": "detail.constraint",
                    "params": {"constraint": constraint, "value": bound},
                }
                checks.append(_CellCheck("constraint-error", number, name, column, broken, detail))
        blanks.append(blank)
        values.append(value)
    return prepared, quick_reads, checks, blanks, values


TYPES = frozenset(
    {
        "string", "number", "integer", "boolean", "object", "array", "list", "date", "time",
        "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any",
    }
)  # fmt: skip


def _check_field(schema_field: dict, column: str, ok: pl.Expr, value: pl.Expr) -> None:
    """Refuse a field whose type is unknown or whose format polars cannot read with."""
    kind = schema_field.get("type", "any")
    if kind not in TYPES:
        raise TableReadError(
            "schema_invalid", reason=f"field “{schema_field['name']}”: type “{kind}”"
        )
    try:
        probe = pl.DataFrame(
            {column: ["0"], WIDTH: [1]}, schema={column: pl.String, WIDTH: pl.Int32}
        )
        probe.select(ok.alias("ok"), value.alias("value"))
    except pl.exceptions.PolarsError as error:
        reason = f"field “{schema_field['name']}”: format “{schema_field.get('format')}” ({error})"
        raise TableReadError("schema_invalid", reason=reason[:200]) from error


def _constraint(name, bound, raw, value, blank, readable, schema_field):
    kind = schema_field.get("type", "any")
    if name == "required":
        return blank if bound is True else None
    if name in ("minLength", "maxLength") and kind in ("string", "array", "object", "any"):
        length = raw.str.len_chars()
        return readable & ((length < bound) if name == "minLength" else (length > bound))
    if name in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        typed = _typed_bound(bound, schema_field)
        if typed is None:
            return None
        compare = {
            "minimum": value < typed,
            "maximum": value > typed,
            "exclusiveMinimum": value <= typed,
            "exclusiveMaximum": value >= typed,
        }[name]
        if kind == "number":
            # Frictionless reads numbers as Decimal, whose NaN cannot be ordered: broken.
            compare = compare | value.is_nan()
        return readable & compare.fill_null(False)
    if name == "pattern" and kind in ("string", "any"):
        anchored = f"^{bound}$"
        try:
            re.compile(anchored)
            pl.select(pl.lit("").str.contains(anchored))
            matches = raw.str.contains(anchored)
        except (re.error, pl.exceptions.PolarsError):
            compiled = re.compile(anchored)
            matches = raw.map_elements(lambda s: bool(compiled.match(s)), return_dtype=pl.Boolean)
        return readable & ~matches.fill_null(True)
    if name == "enum" and isinstance(bound, list):
        if kind in ("integer", "number", "year"):
            allowed = [v for v in (_typed_bound(b, schema_field) for b in bound) if v is not None]
        elif kind == "boolean":
            true = [str(v) for v in schema_field.get("trueValues", parsers.DEFAULT_TRUE)]
            allowed = [str(b) in true or b is True for b in bound]
        elif kind in ("date", "datetime", "time"):
            allowed = [v for v in (_typed_bound(b, schema_field) for b in bound) if v is not None]
        else:
            allowed = [str(b) for b in bound]
        return readable & ~value.is_in(allowed).fill_null(False)
    return None


def _typed_bound(bound, schema_field):
    """A constraint value read with the field's own type and format, as Frictionless does."""
    kind = schema_field.get("type")
    fmt = schema_field.get("format", "default")
    if isinstance(bound, (int, float)) and not isinstance(bound, bool):
        return float(bound)
    text = str(bound)
    if kind in ("integer", "number", "year"):
        return parsers.parse_number(
            text, schema_field.get("decimalChar", "."), schema_field.get("groupChar", "")
        )
    if kind == "date":
        return parsers.parse_date(text, "%Y-%m-%d" if fmt in ("default", "any") else fmt)
    if kind == "datetime":
        try:
            return (
                datetime.fromisoformat(text)
                if fmt in ("default", "any")
                else datetime.strptime(text, fmt)
            )
        except ValueError:
            return None
    if kind == "time":
        try:
            return datetime.strptime(text[:8], "%H:%M:%S").time()
        except ValueError:
            return None
    return text


# --- One block -----------------------------------------------------------------------------


def _frame_masks(frame, prepared, checks, blanks, keys, n):
    """A block's masks (one column per check, and the row rules), their sums, and the
    typed key cells: all polars work, run in worker threads."""
    width = pl.col(WIDTH)
    # First every check's raw mask, each field's cells read once; then the row rules,
    # which are cheap boolean work on those masks.
    raw = (
        frame.lazy()
        .with_columns(prepared[0])
        .with_columns(prepared[1])
        .with_columns(prepared[2])
        .select(
            (pl.all_horizontal(blanks) if blanks else pl.lit(False)).alias("__blank_row__"),
            (width - n).clip(lower_bound=0).alias("__extra__"),
            (n - width).clip(lower_bound=0).alias("__missing__"),
            *[c.mask.alias(f"__m{j}__") for j, c in enumerate(checks)],
            *keys,
        )
        .collect(optimizations=_AS_WRITTEN)
    )
    blank_row = pl.col("__blank_row__")
    cell_masks = [pl.col(f"__m{j}__") & ~blank_row for j in range(len(checks))]
    extra = pl.when(blank_row).then(0).otherwise(pl.col("__extra__"))
    missing = pl.when(blank_row).then(0).otherwise(pl.col("__missing__"))
    masks = raw.select(
        blank_row,
        extra.alias("__extra__"),
        missing.alias("__missing__"),
        *[m.alias(f"__m{j}__") for j, m in enumerate(cell_masks)],
        pl.any_horizontal(blank_row, extra > 0, missing > 0, *cell_masks).alias("__invalid__"),
    )
    return raw, masks, masks.sum().row(0)


def _read_quickly(frame: pl.DataFrame, reads: list[_QuickRead]) -> pl.DataFrame:
    """``frame`` with the readable mask and typed value of each quickly read field: the
    cast's, and for the rows where a cast read nothing from a cell with text, the full
    reader's."""
    if not reads:
        return frame
    casts = [f"__cast{k}__" for k in range(len(reads))]
    unread = pl.any_horizontal(
        pl.col(cast).is_null() & (pl.col(read.column).str.len_bytes() > 0).fill_null(False)
        for cast, read in zip(casts, reads, strict=True)
    )
    found = (
        frame.lazy()
        .with_columns(read.quick.alias(cast) for cast, read in zip(casts, reads, strict=True))
        .select(*casts, unread.alias("__unread__"))
        .collect(optimizations=_AS_WRITTEN)
    )
    rows = found["__unread__"].arg_true()
    full = frame[rows].select(
        expression
        for k, read in enumerate(reads)
        for expression in (read.ok.fill_null(False).alias(f"o{k}"), read.value.alias(f"v{k}"))
    )
    columns = []
    for k, read in enumerate(reads):
        ok_name, value_name = read.names
        ok = found[casts[k]].is_not_null().scatter(rows, full[f"o{k}"])
        value = found[casts[k]].scatter(rows, full[f"v{k}"].cast(pl.Float64))
        columns += [ok.alias(ok_name), value.alias(value_name)]
    return frame.with_columns(columns)


def _record_frame(frame, raw, masks, counts, items, checks, keys, templates, state):
    """Add a block's counts, key cells and first error items to ``state``, in order."""
    state.rows += frame.height
    state.by_type["blank-row"] += counts[0]
    state.by_type["extra-cell"] += counts[1]
    state.by_type["missing-cell"] += counts[2]
    for check, count in zip(checks, counts[3:-1], strict=True):
        state.by_type[check.error_type] += count
    state.invalid_rows += counts[-1]
    if keys:
        key_names = [k.meta.output_name() for k in keys]
        state.keys.append(raw.select(key_names).with_columns(frame[ROW], masks["__invalid__"]))
    if items is not None and state.room != 0:
        items = items.head(state.room) if state.room is not None else items
        found = []
        # Each item is its check's template (note and message rendered once) copied.
        for row, order, cell in zip(*(items[c].to_list() for c in items.columns), strict=True):
            item = templates[order].copy()
            item["rowNumber"] = row
            if cell is not None:
                item["cell"] = cell
            found.append(item)
        state.items.extend(found)


def _items_frame(frame, masks, checks, n: int, room: int | None) -> pl.DataFrame | None:
    """A block's errors as rows (row, order, cell) in the order the report lists them: by
    row, then blank row, each check, extra cells and missing cells (their ``order``,
    the key of their ``_Templates``); the first ``room``. Polars work, for the workers."""
    if room == 0:
        return None
    kept = [extra_column(k) for k in range(EXTRA_KEPT) if extra_column(k) in frame.columns]
    cells = list(dict.fromkeys(check.column for check in checks))
    # The few rows with errors first, then each kind of error among them.
    invalid = frame.select(ROW, WIDTH, *cells, *kept).hstack(masks).filter(pl.col("__invalid__"))
    invalid = invalid.lazy()
    order, cell = pl.col("order"), pl.col("cell")
    # A column per check (and the blank-row rule) holding the cells it flags, turned into
    # (row, order, cell) rows: the blank-row rule's cell is none.
    flagged = [pl.when("__blank_row__").then(pl.lit("")).alias("0")]
    flagged += [
        pl.when(f"__m{j}__").then(pl.col(check.column).fill_null("")).alias(str(j + 1))
        for j, check in enumerate(checks)
    ]
    parts = [
        invalid.select(ROW, *flagged)
        .unpivot(index=ROW, variable_name="order", value_name="cell")
        .drop_nulls("cell")
        .select(ROW, order.cast(pl.Int64), pl.when(order != "0").then(cell).alias("cell"))
    ]
    extra_cells = pl.concat_list(kept) if kept else pl.lit([], pl.List(pl.String))
    parts.append(
        invalid.filter(pl.col("__extra__") > 0)
        .select(ROW, pl.int_ranges(0, "__extra__").alias("order"), extra_cells.alias("cell"))
        .explode("order")
        .select(
            ROW,
            order + _EXTRA,
            cell.list.get(order, null_on_oob=True).fill_null("").cast(pl.String),
        )
    )
    parts.append(
        invalid.filter(pl.col("__missing__") > 0)
        .select(ROW, pl.int_ranges(pl.col(WIDTH).clip(lower_bound=0), n).alias("order"))
        .explode("order")
        .select(ROW, order + _MISSING, pl.lit("").alias("cell"))
    )
    found = pl.concat(parts).sort(ROW, "order")
    # Many small inputs: the in-memory engine runs them sooner than the streaming one.
    return (found if room is None else found.head(room)).collect(
        engine="in-memory", optimizations=_AS_WRITTEN
    )


class _Templates(dict):
    """The fixed part of a block's error items, by their order in a row (``_items_frame``);
    an item is its template copied, with its row and cell."""

    def __init__(self, checks: list[_CellCheck], columns: list[str]):
        super().__init__({0: error_item("blank-row")})
        self.fields = len(columns)
        for j, check in enumerate(checks, start=1):
            self[j] = error_item(check.error_type, None, check.number, check.name, "", check.detail)
        for index, name in enumerate(columns):
            self[_MISSING + index] = error_item("missing-cell", None, index + 1, name, "")

    def __missing__(self, order: int) -> dict:
        # An extra cell: a record may have any number of them.
        template = error_item("extra-cell", None, self.fields + order - _EXTRA + 1, "", "")
        self[order] = template
        return template


def _key_columns(values, unique, pk_columns, columns) -> list[pl.Expr]:
    keys = [values[index].alias(f"u{index}") for index, _ in unique]
    keys += [values[columns.index(c)].alias(f"p{columns.index(c)}") for c in pk_columns]
    return keys


def _duplicates(keys: pl.DataFrame, expected, unique, pk_columns, columns, state) -> None:
    """unique-error and primary-key errors over the whole table, once every block is read.

    ``keys`` holds __row__, __invalid__ (the row already has other errors) and the typed
    key cells; a key's first occurrence is valid, each later one an error.
    """

    def not_nan(name: str) -> pl.Expr:
        # Python's NaN equals nothing, itself included: a NaN key never repeats.
        return ~pl.col(name).is_nan() if keys.schema[name] == pl.Float64 else pl.lit(True)

    masks, candidates = {}, []
    for index, _ in unique:
        name = f"u{index}"
        masks[name] = pl.col(name).is_not_null() & not_nan(name) & ~pl.col(name).is_first_distinct()
        candidates.append(keys[name])
    pk_key = None
    if pk_columns:
        names = [f"p{columns.index(c)}" for c in pk_columns]
        parts = [pl.col(n) for n in names]
        blank = pl.all_horizontal(p.is_null() for p in parts)
        masks["pk_blank"] = blank
        pk_key = parts[0] if len(parts) == 1 else pl.struct(parts)
        comparable = pl.all_horizontal(not_nan(n).fill_null(True) for n in names)
        masks["pk_repeated"] = ~blank & comparable & ~pk_key.is_first_distinct()
        candidates.append(keys.select(pk_key).to_series())
    # Only the rows whose key may repeat (its hash does) are compared exactly: all the
    # occurrences of a repeated key are among them, in row order, so the first one is.
    rows = [found for _, found in ParallelMap(_sharing_a_hash, iter(candidates))]
    if pk_columns:
        rows.append(keys.select(masks["pk_blank"]).to_series().arg_true())
    keys = keys[pl.concat(rows).unique().sort()]
    # Each key's first row (among the rows kept, which hold all the occurrences).
    firsts = [pl.col(ROW).first().over(f"u{index}").alias(f"__f_u{index}__") for index, _ in unique]
    if pk_key is not None:
        firsts.append(pl.col(ROW).first().over(pk_key).alias("__f_pk__"))
    flagged = keys.with_columns(*(masks[name].alias(f"__d_{name}__") for name in masks), *firsts)
    flags = [pl.col(f"__d_{name}__") for name in masks]
    repeats = flagged.filter(pl.any_horizontal(flags))
    state.invalid_rows += repeats.select((~pl.col("__invalid__")).sum()).item()
    items = []
    for index, schema_field in unique:
        found = repeats.filter(f"__d_u{index}__").select(ROW, f"u{index}", f"__f_u{index}__")
        state.by_type["unique-error"] += found.height
        for row, cell, first in found.head(state.limit or found.height).iter_rows():
            detail = {"code": "detail.same_as_row", "params": {"row": first}}
            items.append(
                error_item("unique-error", row, index + 1, schema_field["name"], str(cell), detail)
            )
    if pk_key is not None:
        blank_rows = repeats.filter("__d_pk_blank__")[ROW]
        found = repeats.filter("__d_pk_repeated__").select(ROW, "__f_pk__")
        state.by_type["primary-key"] += blank_rows.len() + found.height
        blank = error_item("primary-key", detail={"code": "detail.pk_blank"})
        for row in blank_rows.head(state.limit or blank_rows.len()).to_list():
            items.append(blank | {"rowNumber": row})
        for row, first in found.head(state.limit or found.height).iter_rows():
            detail = {"code": "detail.same_as_row", "params": {"row": first}}
            items.append(error_item("primary-key", row, detail=detail))
    if items:
        # Stable: in a row, the block's errors stay first, then these in the order made
        # (unique fields in order, then the primary key), as Frictionless lists them.
        merged = sorted(state.items + items, key=itemgetter("rowNumber"))
        state.items = merged[: state.limit] if state.limit else merged


def _sharing_a_hash(key: pl.Series) -> pl.Series:
    """Indices of the rows whose ``key`` hashes like another row's: every repeated key,
    and now and then one whose hash collides. Sorting the hashes (numpy sorts 64-bit
    integers with SIMD) finds them several times sooner than a hash set of the keys."""
    hashes = key.hash().to_numpy()
    ordered = np.sort(hashes)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    return pl.Series(hashes).is_in(pl.Series(repeated).implode()).arg_true()
