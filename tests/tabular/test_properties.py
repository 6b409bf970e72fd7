"""Property-based tests: the readers and parsers agree with Python's csv and Frictionless."""

import csv
import io
import math
from datetime import datetime

import frictionless
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghia.tabular import delimited, open_table, parsers
from ghia.tabular.sniff import Dialect
from ghia.tabular.table import extra_column

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _tokens(pieces: list[str], max_size: int):
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# A lone CR inside quotes is left out: Python's csv module splits records there.
cell_text = _tokens(list('აბგ abc,;"\n\t01-.') + ["ქუთაისი", "\r\n"], 12)


@SETTINGS
@given(
    rows=st.lists(st.lists(cell_text, min_size=1, max_size=5), min_size=1, max_size=20),
    block=st.integers(8, 200),
)
def test_delimited_reader_sees_what_pythons_csv_writer_wrote(tmp_path, rows, block):
    text = io.StringIO()
    # Three fields: records of four and five cells have extra cells.
    csv.writer(text, lineterminator="\n").writerows([["h1", "h2", "h3"], *rows])
    path = tmp_path / "p.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    original = delimited.BLOCK_BYTES
    delimited.BLOCK_BYTES = block
    try:
        stream = open_table(path, header_row=1, dialect=Dialect())
        frames = [frame for frame, _ in stream.frames()]
    finally:
        delimited.BLOCK_BYTES = original
    expected = list(csv.reader(io.StringIO(text.getvalue(), newline="")))[1:]
    got = pl.concat(frames, how="diagonal") if frames else None
    assert (got.height if got is not None else 0) == len(expected)
    for record, row in zip(
        expected, got.iter_rows(named=True) if got is not None else [], strict=True
    ):
        assert row[delimited.WIDTH] == len(record)
        names = stream.field_names + [extra_column(k) for k in range(2)]
        for index, name in enumerate(names[: len(record)]):
            assert row[name] == record[index]


def _frictionless(descriptor: dict, text: str):
    reader = frictionless.Field.from_descriptor({"name": "x", **descriptor}).create_value_reader()
    try:
        return reader(text)
    except Exception:
        return None


def _ours(descriptor: dict, text: str) -> bool:
    ok, _ = parsers.read(pl.col("x"), {"name": "x", **descriptor})
    return bool(pl.DataFrame({"x": [text]}).select(ok.fill_null(False)).item())


number_text = _tokens(list("0123456789 ,._-+eE") + ["\u00a0", "nan", "inf"], 10)
NUMBER_FIELDS = [
    {"type": "number"},
    {"type": "number", "decimalChar": ",", "groupChar": " "},
    {"type": "number", "decimalChar": ",", "groupChar": "."},
    {"type": "number", "groupChar": ","},
    {"type": "number", "bareNumber": False},
    {"type": "integer"},
    {"type": "integer", "bareNumber": False},
]


@SETTINGS
@given(text=number_text, descriptor=st.sampled_from(NUMBER_FIELDS))
def test_numbers_read_as_frictionless_reads_them(text, descriptor):
    assert _ours(descriptor, text) == (_frictionless(descriptor, text) is not None)


QUICK_FIELDS = [d for d in NUMBER_FIELDS if parsers.quick_read(pl.col("x"), d) is not None]
quick_text = _tokens(list("0123456789 ._-+eE") + ["nan", "inf", "Infinity", "\uff11", "\t"], 8)


@SETTINGS
@given(text=quick_text, descriptor=st.sampled_from(QUICK_FIELDS))
def test_a_quick_read_reads_only_what_the_full_reader_reads_the_same(text, descriptor):
    """Validation casts number cells first and reads in full only those the cast could
    not read: what the cast reads must be read so, with the same value."""
    field = {"name": "x", **descriptor}
    ok, value = parsers.read(pl.col("x"), field)
    quick = parsers.quick_read(pl.col("x"), field)
    row = pl.DataFrame({"x": [text]}).select(quick.alias("q"), ok.alias("ok"), value.alias("v"))
    fast, full_ok, full = row.row(0)
    if fast is not None:
        assert full_ok
        assert fast == full or (math.isnan(fast) and math.isnan(full))


@SETTINGS
@given(
    number=st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False),
    style=st.sampled_from([(",", " "), (",", "\u00a0"), (",", "."), (".", ","), (".", "")]),
)
def test_formatted_numbers_parse_back(number, style):
    decimal, group = style
    text = (
        f"{number:,.2f}".replace(",", "G")
        .replace(".", "D")
        .replace("G", group)
        .replace("D", decimal)
    )
    assert parsers.parse_number(text, decimal, group) == float(number)


date_text = st.text(alphabet=st.sampled_from(list("0123456789-./ T:")), max_size=12)
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%y", "%Y-%m-%d %H:%M"]


@SETTINGS
@given(text=date_text, fmt=st.sampled_from(DATE_FORMATS))
def test_dates_read_as_strptime_reads_them(text, fmt):
    try:
        expected = datetime.strptime(text, fmt)
    except ValueError:
        expected = None
    kind = "datetime" if "%H" in fmt else "date"
    assert _ours({"type": kind, "format": fmt}, text) == (expected is not None)
    if kind == "date":
        assert parsers.parse_date(text, fmt) == (expected.date() if expected else None)


@SETTINGS
@given(
    day=st.dates(min_value=datetime(1900, 1, 1).date(), max_value=datetime(2099, 12, 31).date()),
    fmt=st.sampled_from(DATE_FORMATS[:5]),
)
def test_written_dates_parse_back(day, fmt):
    assert parsers.parse_date(day.strftime(fmt), fmt) == (
        day if "%y" not in fmt else datetime.strptime(day.strftime(fmt), fmt).date()
    )


@SETTINGS
@given(
    text=st.text(max_size=8),
    descriptor=st.sampled_from(
        [
            {"type": "boolean"},
            {"type": "boolean", "trueValues": ["კი"], "falseValues": ["არა"]},
            {"type": "datetime"},
            {"type": "year"},
        ]
    ),
)
def test_other_types_read_as_frictionless_reads_them(text, descriptor):
    if descriptor["type"] == "year" and any(not c.isascii() for c in text):
        return  # non-ASCII digits: a documented difference
    assert _ours(descriptor, text) == (_frictionless(descriptor, text) is not None)


CELLS = ["", " ", "1", "01", "-5", "2.5", "1e3", "NaN", "１", "abc", "ქ", "a,b", 'q"q']
CELLS += ["2024-01-05", "2024-13-01", "true", "FALSE", "კი", "x y"]
FIELD_SHAPES = [
    {"type": "integer"},
    {"type": "integer", "constraints": {"minimum": 0, "unique": True}},
    {"type": "number", "constraints": {"maximum": 3}},
    {"type": "string", "constraints": {"required": True, "maxLength": 2}},
    {"type": "string", "constraints": {"enum": ["1", "abc", "ქ"], "pattern": "[a-z0-9]+"}},
    {"type": "date", "constraints": {"unique": True}},
    {"type": "boolean", "trueValues": ["true", "კი"], "falseValues": ["FALSE"]},
    {"type": "any"},
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    shapes=st.lists(st.sampled_from(FIELD_SHAPES), min_size=1, max_size=4),
    primary_key=st.booleans(),
    data=st.data(),
)
def test_random_tables_get_the_errors_frictionless_reports(tmp_path, shapes, primary_key, data):
    from tests.tabular.test_validate import frictionless_errors, ghia_errors

    n = len(shapes)
    # Rows about as wide as the header (some a cell short or long): Frictionless takes
    # as header the first row near the average width, and so does a person.
    rows = data.draw(
        st.lists(
            st.lists(st.sampled_from(CELLS), min_size=max(n - 1, 0), max_size=n + 1), max_size=25
        )
    )
    fields = [{"name": f"f{i}", **shape} for i, shape in enumerate(shapes)]
    schema = {"fields": fields} | ({"primaryKey": ["f0"]} if primary_key else {})
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([[f["name"] for f in fields], *rows])
    path = tmp_path / "random.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    assert ghia_errors(path, schema) == frictionless_errors(path, schema)


def test_widths_told_by_bytes_agree_with_pythons_csv(tmp_path, monkeypatch, polars_parsed):
    """CRLF endings, empty lines, escaped quotes, cells with line breaks, and a record
    with more cells than are kept (whose width is then counted from its delimiters)."""
    lines = [
        "a,b,c", "1,2,3", "", '"x ""y""",,"z\r\nw"', "4", ",,", '""', "5,6,7,8",
        ",".join(str(i) for i in range(20)), '"",""', "ქ,ა,ბ,გ",
    ]  # fmt: skip
    text = "\r\n".join(lines) + "\r\n"
    path = tmp_path / "w.csv"
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(delimited, "BLOCK_BYTES", 40)
    stream = open_table(path, header_row=1, dialect=Dialect())
    got = pl.concat([frame for frame, _ in stream.frames()], how="diagonal")
    expected = list(csv.reader(io.StringIO(text, newline="")))[1:]
    assert polars_parsed, "polars parsed no block"
    assert got[delimited.WIDTH].to_list() == [len(record) for record in expected]
    # A cell beyond a record's width is missing whatever the frame holds there.
    firsts = [cell for cell, width in zip(got["a"], got[delimited.WIDTH], strict=True) if width]
    assert firsts == [record[0] for record in expected if record]
