"""Reading text cells as Table Schema types, vectorised as polars expressions.

Each reader follows what Frictionless accepts for the same field descriptor, so both
tools agree on which cells are type errors: integers and numbers are stripped of
whitespace first, a number's ``groupChar`` is removed and its ``decimalChar`` must be the
only separator left, dates follow Python's ``strptime`` (four-digit years, one- or
two-digit days and months, nothing around), booleans are exact words from
``trueValues``/``falseValues``.

``read(cell, field)`` gives two expressions: ``ok`` (the cell is of the type) and
``value`` (the typed value, for constraints and uniqueness). Plain-Python twins
(``parse_number``, ``parse_date``) serve inference, cleaning and the tests.
"""

import json
import re
from datetime import date, datetime

import polars as pl

DEFAULT_TRUE = ["true", "True", "TRUE", "1"]
DEFAULT_FALSE = ["false", "False", "FALSE", "0"]

_INTEGER = r"^[+-]?\d+(?:_\d+)*$"
# Python's Decimal() syntax once it has dropped every underscore: what Frictionless
# accepts as a number.
_DECIMAL = r"^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|(?i:inf|infinity|s?nan\d*))$"
_NOT_BARE = r"^[^-\d]*|\D*$"

# strptime directives as regular expressions, to refuse what Python refuses.
_DIRECTIVES = {
    "Y": r"\d{4}",
    "y": r"\d{2}",
    "m": r"(?:1[0-2]|0[1-9]|[1-9])",
    "d": r"(?:3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "H": r"(?:2[0-3]|[0-1]\d|\d)",
    "I": r"(?:1[0-2]|0[1-9]|[1-9])",
    "M": r"(?:[0-5]\d|\d)",
    "S": r"(?:6[0-1]|[0-5]\d|\d)",
    "f": r"\d{1,6}",
    "z": r"(?:Z|[+-]\d\d:?[0-5]\d(?::?[0-5]\d)?)?",
    "p": r"(?i:am|pm)",
    "b": r"(?i:[a-z]{3})",
    "B": r"(?i:[a-z]+)",
    "a": r"(?i:[a-z]{3})",
    "A": r"(?i:[a-z]+)",
    "j": r"(?:36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "%": "%",
}


def strptime_regex(fmt: str) -> str:
    """An anchored regular expression matching what ``datetime.strptime(s, fmt)`` accepts
    in shape (the calendar itself is checked by parsing)."""
    out, i = ["^"], 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%" and i + 1 < len(fmt):
            out.append(_DIRECTIVES.get(fmt[i + 1], ".+?"))
            i += 2
        elif ch.isspace():
            out.append(r"\s+")
            i += 1
        else:
            out.append(re.escape(ch))
            i += 1
    return "".join(out) + "$"


def _chrono(fmt: str) -> str:
    """Python strptime format in the dialect polars (chrono) parses with."""
    return fmt.replace("%f", "%6f").replace("%z", "%#z")


def number_text(cell: pl.Expr, field: dict) -> tuple[pl.Expr, pl.Expr]:
    """(ok, canonical text like "-1200.5") for a number field's cells."""
    text = cell.str.strip_chars()
    if field.get("bareNumber", True) is False:
        text = text.str.replace_all(_NOT_BARE, "")
    group, decimal = field.get("groupChar", ""), field.get("decimalChar", ".")
    ok = pl.lit(True)
    if group:
        text = text.str.replace_all(group, "", literal=True)
    if decimal != ".":
        ok = ~text.str.contains(".", literal=True)
        text = text.str.replace_all(decimal, ".", literal=True)
    text = text.str.strip_chars().str.replace_all("_", "", literal=True)
    return ok & text.str.contains(_DECIMAL), text


def _integer_text(cell: pl.Expr, field: dict) -> pl.Expr:
    text = cell.str.strip_chars()
    if field.get("bareNumber", True) is False:
        text = text.str.replace_all(_NOT_BARE, "")
    return text


def quick_read(cell: pl.Expr, field: dict) -> pl.Expr | None:
    """The typed value of the cells that one cast reads as ``read`` would (plain numbers
    such as "-12" or "1.5e3"), null for the others; None for a field without such a cast.

    Polars' casts accept a subset of what ``read`` accepts, with the same values, so the
    cells they read need no other check.
    """
    kind = field.get("type", "any")
    if field.get("bareNumber", True) is False:
        return None
    if kind == "integer":
        return cell.cast(pl.Int64, strict=False).cast(pl.Float64)
    if kind == "number" and field.get("decimalChar", ".") == "." and not field.get("groupChar"):
        return cell.cast(pl.Float64, strict=False)
    return None


def number_example(decimal_char: str = ".", group_char: str = "") -> str:
    """How a number field's separators write 1234.5 ("1 234,5"), to show a style."""
    return f"1{group_char}234{decimal_char}5"


def read(cell: pl.Expr, field: dict, value: pl.Expr | None = None) -> tuple[pl.Expr, pl.Expr]:
    """(ok, value) expressions for a field's non-missing text cells.

    ``value``, when given, names the value already computed, which ``ok`` then uses
    instead of reading the cells again (dates are parsed once).
    """
    kind = field.get("type", "any")
    fmt = field.get("format", "default")
    if kind == "integer":
        text = _integer_text(cell, field)
        ok = text.str.contains(_INTEGER)
        return ok, _as_float(text.str.replace_all("_", "", literal=True))
    if kind == "number":
        ok, text = number_text(cell, field)
        return ok, _as_float(text)
    if kind == "boolean":
        true = [str(v) for v in field.get("trueValues", DEFAULT_TRUE)]
        false = [str(v) for v in field.get("falseValues", DEFAULT_FALSE)]
        return cell.is_in(true + false), cell.is_in(true)
    if kind == "date":
        return _dated(cell, "%Y-%m-%d" if fmt in ("default", "any") else fmt, pl.Date, value)
    if kind == "datetime":
        if fmt in ("default", "any"):
            # ISO 8601: the seconds are required, a fraction and an offset are allowed.
            shape = r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d(?::?\d\d)?)?$"
            value = (
                cell.str.slice(0, 19)
                .str.replace(" ", "T", literal=True)
                .str.to_datetime("%Y-%m-%dT%H:%M:%S", strict=False, cache=False)
            )
            return cell.str.contains(shape) & value.is_not_null(), value
        return _dated(cell, fmt, pl.Datetime, value)
    if kind == "time":
        if fmt in ("default", "any"):
            shape = r"^\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d(?::?\d\d)?)?$"
            value = cell.str.slice(0, 8).str.to_time("%H:%M:%S", strict=False, cache=False)
            return cell.str.contains(shape) & value.is_not_null(), value
        return _dated(cell, fmt, pl.Time, value)
    if kind == "year":
        # Frictionless: four characters that int() reads as 0..9999.
        text = cell.str.strip_chars()
        value = text.str.replace_all("_", "", literal=True).cast(pl.Int64, strict=False)
        ok = (cell.str.len_chars() == 4) & text.str.contains(_INTEGER) & (value >= 0)
        return ok, value
    if kind == "yearmonth":
        ok = cell.str.contains(r"^\d{4}-(?:0[1-9]|1[0-2])$")
        return ok, cell
    if kind == "geopoint":
        shapes = {
            "default": r"^\s*-?\d+(?:\.\d+)?\s*,\s*-?\d+(?:\.\d+)?\s*$",
            "array": r"^\[\s*-?\d+(?:\.\d+)?\s*,\s*-?\d+(?:\.\d+)?\s*\]$",
        }
        if fmt in shapes:
            return cell.str.contains(shapes[fmt]), cell
        return _python_check(cell, _is_json_object), cell
    if kind in ("object", "geojson"):
        return _python_check(cell, _is_json_object), cell
    if kind == "array":
        return _python_check(cell, _is_json_array), cell
    if kind == "duration":
        return _python_check(cell, _is_duration), cell
    if kind == "string":
        return _string_format(cell, fmt), cell
    return pl.lit(True), cell


_FULLWIDTH_DIGITS = [chr(0xFF10 + d) for d in range(10)]


def _as_float(text: pl.Expr) -> pl.Expr:
    # Python reads fullwidth digits ("１") as numbers; polars needs ASCII ones. Mapped in
    # the chain (``text`` named once), as a second reference would compute it again.
    ascii_text = text.str.replace_many(_FULLWIDTH_DIGITS, [str(d) for d in range(10)])
    return ascii_text.cast(pl.Float64, strict=False)


def _dated(cell: pl.Expr, fmt: str, dtype, value: pl.Expr | None) -> tuple[pl.Expr, pl.Expr]:
    # Without polars' cache of parsed text, which costs more than it saves (2.5 times).
    parsed = cell.str.strptime(dtype, _chrono(fmt), strict=False, exact=True, cache=False)
    shown = parsed if value is None else value
    return cell.str.contains(strptime_regex(fmt)) & shown.is_not_null(), parsed


_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_URI = r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$"
_UUID = r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"


def _string_format(cell: pl.Expr, fmt: str) -> pl.Expr:
    pattern = {"email": _EMAIL, "uri": _URI, "uuid": _UUID}.get(fmt)
    if pattern:
        return cell.str.contains(pattern)
    if fmt == "binary":
        return cell.str.contains(r"^[A-Za-z0-9+/\s]*={0,2}$")
    return pl.lit(True)


def _python_check(cell: pl.Expr, check) -> pl.Expr:
    # Rare types without a vectorised reader: checked per distinct value in Python.
    return cell.map_elements(check, return_dtype=pl.Boolean, skip_nulls=True)


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def _is_json_array(text: str) -> bool:
    try:
        return isinstance(json.loads(text), list)
    except ValueError:
        return False


_DURATION = re.compile(
    r"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
)


def _is_duration(text: str) -> bool:
    return bool(_DURATION.match(text))


# --- Plain Python twins ------------------------------------------------------------------


def parse_number(text: str, decimal_char: str = ".", group_char: str = "") -> float | None:
    """The number ``text`` writes with these separators, or None ("1 200,50" -> 1200.5)."""
    series = pl.Series([text], dtype=pl.String)
    field = {"decimalChar": decimal_char, "groupChar": group_char}
    ok, canonical = number_text(pl.col(""), field)
    result = series.to_frame("").select(ok.alias("ok"), canonical.alias("text")).row(0)
    if not result[0]:
        return None
    return float(result[1])


def parse_date(text: str, fmt: str = "%Y-%m-%d") -> date | None:
    """The date ``text`` writes in ``fmt`` (a strptime format), or None."""
    if not re.match(strptime_regex(fmt), text):
        return None
    try:
        return datetime.strptime(text, fmt).date()
    except ValueError:
        return None
