"""Inferring a Table Schema from a table's text cells, Georgian conventions included.

A column takes the first type that reads at least ``CONFIDENCE`` of its non-blank cells:
boolean (true/false, yes/no, კი/არა, დიახ/არა), integer (without leading zeros, which
mark codes), number (with the decimal and group separators found: "1 200,50" is
decimalChar "," and groupChar " "), date and datetime (ISO, DD.MM.YYYY and kin), else
string. Markers like "-" or "n/a" standing for nothing become the schema's
``missingValues``. Constraints come from the sample: ``required`` when no cell is
blank, ``unique`` for identifier-like columns whose cells all differ. Enumerations and
primary-key candidates are offered as hints, for a person to accept.
"""

import re
from dataclasses import dataclass, field

import polars as pl

from ghia.tabular import parsers
from ghia.tabular.layout import blank
from ghia.tabular.personal import label_kinds
from ghia.tabular.table import RESERVED, Table, TableStream

CONFIDENCE = 0.9
SAMPLE_ROWS = 10_000
MISSING_MARKERS = ("-", "—", "–", "n/a", "N/A", "NA", "null", "NULL", "...", "…", "x")
TRUE_WORDS = frozenset({"true", "yes", "კი", "დიახ"})
FALSE_WORDS = frozenset({"false", "no", "არა"})
DATE_FORMATS = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%y",
    "%m/%d/%Y",
)
DATETIME_FORMATS = (
    "default",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
)
# (decimalChar, groupChar) in the order they are tried; Georgian writes "1 200,50".
NUMBER_STYLES = (
    (".", ""),
    (",", ""),
    (",", " "),
    (",", "\u00a0"),
    (",", "\u202f"),
    (",", "."),
    (".", ","),
    (".", " "),
)
_IDENTIFIER = re.compile(
    r"(^|[\s_\-.])(id|code|no|nr|number|key|კოდი|ნომერი|№|#|n)($|[\s_\-.])|^id|_id$|კოდი|ნომერი",
    re.IGNORECASE,
)
_ENUM_MAX = 15


@dataclass
class SchemaInference:
    """An inferred Table Schema and the hints a person may accept into it."""

    schema: dict
    sample_rows: int
    enum_candidates: dict[str, list[str]] = field(default_factory=dict)
    primary_key_candidates: list[str] = field(default_factory=list)
    # Text columns of numbers written in several styles: field -> the styles, as
    # {"decimalChar", "groupChar"}, in the order they are best made standard.
    mixed_number_styles: dict[str, list[dict]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "schema": self.schema,
            "sampleRows": self.sample_rows,
            "enumCandidates": self.enum_candidates,
            "primaryKeyCandidates": self.primary_key_candidates,
            "mixedNumberStyles": self.mixed_number_styles,
        }


def infer_schema(
    table: Table | TableStream | pl.DataFrame, sample_rows: int = SAMPLE_ROWS
) -> SchemaInference:
    """Infer a Table Schema from the first ``sample_rows`` rows of ``table``."""
    if isinstance(table, TableStream):
        frame, labels = table.head(sample_rows), table.labels
        names = table.field_names
    elif isinstance(table, Table):
        frame, labels, names = table.frame.head(sample_rows), table.labels, table.field_names
    else:
        frame = table.head(sample_rows).select(pl.all().cast(pl.String))
        labels = list(table.columns)
        names = labels
    frame = _present_cells(frame, names)
    fields, markers = [], set()
    enums, keys, mixed = {}, [], {}
    for name, label in zip(names, labels, strict=False):
        # Frictionless matches the header to the schema by name: a field is named as
        # its label unless the label is blank or repeated.
        field_name = label if label and label.strip() and label == name else name
        values = frame[name]
        descriptor, used_markers = _infer_field(field_name, values)
        markers |= used_markers
        fields.append(descriptor)
        if descriptor["type"] == "string":
            styles = _mixed_number_styles(values.drop_nulls(), field_name)
            if styles:
                mixed[field_name] = [{"decimalChar": d, "groupChar": g} for d, g in styles]
            distinct = values.drop_nulls().unique()
            filled = values.drop_nulls().len()
            if 2 <= distinct.len() <= _ENUM_MAX and filled >= 4 * distinct.len():
                enums[field_name] = sorted(distinct.to_list())
        constraints = descriptor.get("constraints", {})
        if constraints.get("required") and constraints.get("unique"):
            keys.append(field_name)
    schema = {"fields": fields}
    if markers:
        schema["missingValues"] = ["", *sorted(markers)]
    identifiers = [k for k in keys if _IDENTIFIER.search(k)]
    if identifiers:
        schema["primaryKey"] = [identifiers[0]]
    return SchemaInference(
        schema=schema,
        sample_rows=frame.height,
        enum_candidates=enums,
        primary_key_candidates=keys,
        mixed_number_styles=mixed,
    )


def _present_cells(frame: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    """Cells as text with blank ones (missing, empty) as null."""
    from ghia.tabular.delimited import WIDTH

    exprs = []
    for index, name in enumerate(names):
        cell = pl.col(name) if name in frame.columns else pl.lit(None, dtype=pl.String)
        present = ~blank(cell)
        if WIDTH in frame.columns:
            present = present & (pl.col(WIDTH) > index)
        exprs.append(pl.when(present).then(cell).alias(name))
    return frame.select(exprs) if exprs else frame.drop(RESERVED, strict=False)


def _share(values: pl.Series, ok: pl.Expr) -> float:
    if not values.len():
        return 0.0
    return values.to_frame("v").select(ok.fill_null(False).mean()).item()


def _infer_field(name: str, values: pl.Series) -> tuple[dict, set[str]]:
    present = values.drop_nulls()
    markers = {m for m in MISSING_MARKERS if (present == m).any()} if present.len() else set()
    data = present.filter(~present.is_in(list(markers))) if markers else present
    descriptor = {"name": name, "type": "any"}
    if data.len():
        descriptor = {"name": name, **_infer_type(data)}
        if descriptor["type"] in ("integer", "number") and label_kinds(name) & _IDENTIFIER_KINDS:
            # Numbers that identify a person lose their leading 0 and spacing as numbers.
            descriptor["type"] = "string"
    if descriptor["type"] == "string" or not data.len():
        markers = set()  # in text, "-" is a value
    constraints = {}
    if values.len() and values.null_count() == 0 and not markers:
        constraints["required"] = True
    if (
        data.len() >= 10
        and data.n_unique() == values.len()
        and descriptor["type"] in ("integer", "string")
        and (descriptor["type"] == "integer" or _IDENTIFIER.search(name))
    ):
        constraints["unique"] = True
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor, markers


def _infer_type(data: pl.Series) -> dict:
    v = pl.col("v")
    distinct = set(data.unique().head(10).to_list())
    lowered = {str(x).lower() for x in distinct}
    if (
        data.n_unique() <= 4
        and lowered <= TRUE_WORDS | FALSE_WORDS
        and lowered & TRUE_WORDS
        and lowered & FALSE_WORDS
    ):
        true = sorted(x for x in distinct if x.lower() in TRUE_WORDS)
        false = sorted(x for x in distinct if x.lower() in FALSE_WORDS)
        return {"type": "boolean", "trueValues": true, "falseValues": false}
    if _share(data, v.str.contains(r"^[+-]?(0|[1-9]\d{0,17})$")) >= CONFIDENCE:
        return {"type": "integer"}
    number = _number_style(data)
    if number is not None:
        return number
    for kind, formats in (("date", DATE_FORMATS), ("datetime", DATETIME_FORMATS)):
        for fmt in formats:
            ok, _ = parsers.read(v, {"type": kind, "format": fmt})
            if _share(data, ok) >= CONFIDENCE:
                descriptor = {"type": kind}
                if fmt not in ("%Y-%m-%d", "default"):
                    descriptor["format"] = fmt
                return descriptor
    return {"type": "string"}


_IDENTIFIER_KINDS = {"personal_number", "phone"}


def _grouped_by_three(decimal: str, group: str) -> pl.Expr:
    """Whether a cell, if it has the group separator, groups its digits by three with it
    (before ``decimal``)."""
    v = pl.col("v").str.strip_chars()
    g, d = re.escape(group), re.escape(decimal)
    well = v.str.contains(rf"^[+-]?\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d*)?$")
    return ~v.str.contains(group, literal=True) | well


def _number_style(data: pl.Series) -> dict | None:
    v = pl.col("v")
    # Leading zeros ("007") mark codes, not quantities.
    if _share(data, v.str.contains(r"^[+-]?0\d")) > 0:
        return None
    scores = {}
    for decimal, group in NUMBER_STYLES:
        if group and not _share(data, v.str.contains(group, literal=True)):
            continue  # a separator that never occurs says nothing
        if group and _share(data, ~_grouped_by_three(decimal, group)):
            continue  # "549 30 94 85" is a phone number, not a quantity
        ok, _ = parsers.number_text(v, {"decimalChar": decimal, "groupChar": group})
        plain_words = ~v.str.contains(r"(?i)[a-z]")  # Decimal reads "nan" and "inf"
        scores[(decimal, group)] = _share(data, ok & plain_words)
    passing = [style for style, share in scores.items() if share >= CONFIDENCE]
    if not passing:
        return None
    if (".", ",") in passing and (",", "") in passing:
        # "1,200" reads either way: a comma followed by other than three digits decides.
        decimal_comma = _share(data, v.str.contains(r",(\d{1,2}|\d{4,})$")) > 0
        passing.remove((".", ",") if decimal_comma else (",", ""))
    best = max(passing, key=lambda style: (scores[style], -NUMBER_STYLES.index(style)))
    descriptor = {"type": "number"}
    if best[0] != ".":
        descriptor["decimalChar"] = best[0]
    if best[1]:
        descriptor["groupChar"] = best[1]
    return descriptor


_NUMBER_LIKE = r"^\s*[+-]?[\d\s.,\u00a0\u202f]*\d[\d\s.,\u00a0\u202f]*$"
_MIXED_STYLES_MAX = 3


def _mixed_number_styles(data: pl.Series, name: str) -> list[tuple[str, str]]:
    """The number styles that together read a text column no single style reads
    ("1 200,50" beside "1200.50"), the style that reads most first; [] for other columns.

    A style reads a cell when its group separator, if the cell has it, groups the digits
    by three; cells two styles read the same way count for the first.
    """
    v = pl.col("v")
    if (
        data.len() < 2
        or label_kinds(name) & _IDENTIFIER_KINDS
        or _share(data, v.str.contains(_NUMBER_LIKE)) < CONFIDENCE
        or _share(data, v.str.contains(r"^[+-]?0\d")) > 0  # leading zeros mark codes
    ):
        return []
    reads = {}
    for decimal, group in NUMBER_STYLES:
        ok, _ = parsers.number_text(v, {"decimalChar": decimal, "groupChar": group})
        if group:
            ok = ok & _grouped_by_three(decimal, group)
        reads[(decimal, group)] = data.to_frame("v").select(ok.fill_null(False)).to_series()
    left = pl.Series([True] * data.len())
    chosen = []
    while len(chosen) < _MIXED_STYLES_MAX and left.mean() > 1 - CONFIDENCE:
        style = max(reads, key=lambda s: ((reads[s] & left).sum(), -NUMBER_STYLES.index(s)))
        if not (reads[style] & left).any():
            break
        chosen.append(style)
        left = left & ~reads.pop(style)
    return chosen if len(chosen) > 1 and left.mean() <= 1 - CONFIDENCE else []
