from collections import Counter

import frictionless
import pytest
from benchmarks.tabular_data import SCHEMA, generate

from ghia.tabular import open_table, validate


def frictionless_errors(path, schema) -> Counter:
    resource = frictionless.Resource(
        path=path.name,
        basepath=str(path.parent),
        schema=frictionless.Schema.from_descriptor(schema),
    )
    report = resource.validate(limit_errors=0)
    return Counter(
        (
            e.type,
            getattr(e, "row_number", None) or (getattr(e, "row_numbers", None) or [None])[0],
            getattr(e, "field_number", None),
        )
        for e in report.tasks[0].errors
    )


def ghia_errors(path, schema) -> Counter:
    report = validate(open_table(path), schema, limit_errors=None)
    assert report.error_count == len(report.errors)
    return Counter((e["type"], e.get("rowNumber"), e.get("fieldNumber")) for e in report.errors)


def test_same_errors_as_frictionless_on_every_kind(tmp_path):
    path = generate(tmp_path / "kinds.csv", 3000)
    ours, theirs = ghia_errors(path, SCHEMA), frictionless_errors(path, SCHEMA)
    kinds = {kind for kind, _, _ in ours}
    assert kinds >= {
        "type-error", "constraint-error", "unique-error", "primary-key", "missing-cell",
        "extra-cell", "blank-row", "duplicate-label", "incorrect-label", "extra-label",
    }  # fmt: skip
    assert ours == theirs


GEORGIAN_SCHEMA = {
    "fields": [
        {"name": "კოდი", "type": "string", "constraints": {"pattern": "[0-9]{4}", "unique": True}},
        {
            "name": "თანხა",
            "type": "number",
            "decimalChar": ",",
            "groupChar": " ",
            "constraints": {"minimum": 0},
        },
        {"name": "თარიღი", "type": "date", "format": "%d.%m.%Y", "constraints": {"required": True}},
        {
            "name": "აქტიური",
            "type": "boolean",
            "trueValues": ["კი", "დიახ"],
            "falseValues": ["არა"],
        },
        {
            "name": "რაოდენობა",
            "type": "integer",
            "constraints": {"maximum": 100, "enum": [1, 2, 3, 50, 200]},
        },
        {"name": "სახელი", "type": "string", "constraints": {"minLength": 2, "maxLength": 10}},
    ],
    "missingValues": ["", "-"],
    "primaryKey": ["კოდი", "თარიღი"],
}

GEORGIAN_ROWS = [
    ["კოდი", "თანხა", "თარიღი", "აქტიური", "რაოდენობა", "სახელი"],
    ["0001", "1 200,50", "05.01.2024", "კი", "1", "ნინო"],
    ["0002", "1.200,50", "31.12.2023", "დიახ", "2", "გიორგი"],
    ["0003", "-5", "31.02.2023", "არა", "200", "ა"],
    ["0001", "7,5", "05.01.2024", "true", "3", "ძალიან გრძელი სახელი"],
    ["abcd", "-", "-", "-", "-", "-"],
    ["", "", "", "", "", ""],
    ["0006", "0", "1.1.2024", "კი", "4", "ანა", "ზედმეტი"],
    ["0007", "12"],
    ["0008", " 12 ", "01.01.2024 ", "კი", " 50 ", "ია"],
]


def test_same_errors_as_frictionless_with_georgian_formats(write_csv):
    path = write_csv(GEORGIAN_ROWS)
    ours = ghia_errors(path, GEORGIAN_SCHEMA)
    assert ours == frictionless_errors(path, GEORGIAN_SCHEMA)
    assert ("type-error", 3, 2) in ours  # "1.200,50": a dot where the decimal is a comma
    assert ("type-error", 4, 3) in ours  # 31 February
    assert ("primary-key", 5, None) in ours  # 0001 on 05.01.2024 again
    assert ("blank-row", 7, None) in ours


def test_cells_a_cast_cannot_read_are_read_in_full(write_csv):
    """Integer and number cells are cast first; cells with spaces, underscores, fullwidth
    digits or other text are then read in full, as Frictionless reads them."""
    cells = [" 7", "1_000", "\uff11\uff12", "+5", "-0", "x", "", "NA", "1.5", "1e3", "nan", "0"]
    rows = [["n", "x", "u"]] + [[c, c, c] for c in cells] + [["7", "1e3", "-0"]]
    path = write_csv(rows)
    schema = {
        "fields": [
            {"name": "n", "type": "integer"},
            {"name": "x", "type": "number", "constraints": {"minimum": 0}},
            {"name": "u", "type": "integer", "constraints": {"unique": True}},
        ],
        "missingValues": ["", "NA"],
    }
    ours = ghia_errors(path, schema)
    assert ours == frictionless_errors(path, schema)
    assert ("type-error", 7, 1) in ours and ("type-error", 11, 1) in ours  # "x", "1.5"
    assert ("unique-error", 14, 3) in ours  # "-0" again: 0 once read


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["a", "b"], {"missing-label"}),
        (["a", "", "c"], {"blank-label"}),
        (["a", "a", "c"], {"duplicate-label"}),
        (["a", "x", "c"], {"incorrect-label"}),
        (["a", "b", "c", "d"], {"extra-label"}),
    ],
)
def test_header_errors_agree_with_frictionless(write_csv, labels, expected):
    schema = {"fields": [{"name": n, "type": "integer"} for n in ("a", "b", "c")]}
    path = write_csv([labels, ["1", "2", "x"][: len(labels)] + ["4"] * (len(labels) - 3)])
    ours = ghia_errors(path, schema)
    assert {t for t, _, _ in ours if t.endswith("label")} == expected
    assert ours == frictionless_errors(path, schema)


def test_row_numbers_follow_the_file_and_blank_rows_replace_other_errors(write_csv):
    schema = {
        "fields": [
            {"name": "n", "type": "integer", "constraints": {"required": True}},
            {"name": "s", "type": "string"},
        ]
    }
    path = write_csv([["n", "s"], ["1", "a"], ["", ""], ["x"], ["2", "b", "c"]])
    report = validate(open_table(path), schema, limit_errors=None)
    assert [(e["type"], e["rowNumber"]) for e in report.errors] == [
        ("blank-row", 3),
        ("type-error", 4),
        ("missing-cell", 4),
        ("extra-cell", 5),
    ]
    assert report.invalid_rows == 3


def test_errors_are_listed_in_frictionless_order_with_their_cells(write_csv):
    """In a row: blank row, each field's type then constraint errors, extra cells, missing
    cells, then unique and primary-key errors; a long record's extra cells keep their
    text up to EXTRA_KEPT of them."""
    from ghia.tabular.delimited import EXTRA_KEPT

    extra = ["e1", ""] + [f"e{k}" for k in range(3, 13)]
    rows = [["id", "n", "s"]] + [[str(i), str(i), "ab"[i % 2]] for i in range(10, 20)]
    rows += [
        ["1", "x", "a"],
        ["2", "-5", "b", *extra],
        ["1", "7"],
        ["", "", ""],
        ["3", "y", "a", "z"],
    ]
    schema = {
        "fields": [
            {"name": "id", "type": "integer"},
            {"name": "n", "type": "integer", "constraints": {"minimum": 0}},
            {"name": "s", "constraints": {"unique": True, "enum": ["a", "b"]}},
        ],
        "primaryKey": ["id"],
    }
    path = write_csv(rows)
    ours = validate(open_table(path), schema, limit_errors=None).errors
    resource = frictionless.Resource(
        path=path.name,
        basepath=str(path.parent),
        schema=frictionless.Schema.from_descriptor(schema),
    )
    theirs = resource.validate(limit_errors=0).tasks[0].errors
    assert [(e["type"], e["rowNumber"], e.get("fieldNumber"), e.get("cell")) for e in ours] == [
        (
            e.type,
            e.row_number,
            getattr(e, "field_number", None),
            "" if getattr(e, "field_number", 0) > 3 + EXTRA_KEPT else getattr(e, "cell", None),
        )
        for e in theirs
    ]
    assert {e["type"] for e in ours} >= {"blank-row", "extra-cell", "missing-cell", "primary-key"}
    assert (
        ours[0]["message"]["en"] == "The value must be unique but is repeated: the same as in row 2"
    )


def test_counts_are_complete_when_items_are_limited(write_csv):
    rows = [["n"]] + [["x"] for _ in range(50)]
    report = validate(
        open_table(write_csv(rows)), {"fields": [{"name": "n", "type": "integer"}]}, limit_errors=5
    )
    assert report.error_count == 50 and report.by_type == {"type-error": 50}
    assert [e["rowNumber"] for e in report.errors] == [2, 3, 4, 5, 6]
    assert report.to_dict()["truncated"] is True


KEYS = {
    "fields": [
        {"name": "id", "type": "integer"},
        {"name": "code", "type": "string", "constraints": {"unique": True}},
    ],
    "primaryKey": ["id"],
}


def test_unique_and_primary_key_across_blocks(write_csv, monkeypatch):
    from ghia.tabular import delimited

    monkeypatch.setattr(delimited, "BLOCK_BYTES", 64)
    path = write_csv([["id", "code"]] + [[str(i % 40), f"c{i % 30}"] for i in range(100)])
    report = validate(open_table(path), KEYS, limit_errors=None)
    assert report.by_type == {"primary-key": 60, "unique-error": 70}
    first = next(e for e in report.errors if e["type"] == "unique-error")
    assert first["rowNumber"] == 32 and first["note"] == "the same as in row 2"
    assert ghia_errors(path, KEYS) == frictionless_errors(path, KEYS)


def test_keys_that_may_repeat_are_told_by_hash():
    import polars as pl

    from ghia.tabular.validate import _sharing_a_hash

    text = pl.Series(["a", "b", "a", None, "c", None])
    assert _sharing_a_hash(text).to_list() == [0, 2, 3, 5]
    # Equal numbers hash alike, as they compare (Frictionless: Decimal("-0") == 0).
    assert _sharing_a_hash(pl.Series([0.0, 1.0, -0.0, 2.5])).to_list() == [0, 2]


def test_keys_whose_hashes_collide_are_compared_exactly(write_csv, monkeypatch):
    """Keys are compared only where their hash repeats; were every hash to collide
    (simulated), a key that merely shares its hash must not be an error."""
    import importlib

    import polars as pl

    # The package exports a function named like the module.
    module = importlib.import_module("ghia.tabular.validate")
    rows = [["id", "code"]] + [[str(i % 7), f"c{i % 5}"] for i in range(20)] + [["99", "z"]]
    path = write_csv(rows)
    exact = validate(open_table(path), KEYS, limit_errors=None)
    assert exact.by_type == {"primary-key": 13, "unique-error": 15}
    monkeypatch.setattr(
        module, "_sharing_a_hash", lambda key: pl.Series(range(len(key)), dtype=pl.UInt32)
    )
    assert validate(open_table(path), KEYS, limit_errors=None).errors == exact.errors


def test_progress_is_reported(write_csv):
    calls = []
    path = write_csv([["a"], ["1"], ["2"]])
    validate(
        open_table(path),
        {"fields": [{"name": "a"}]},
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls and calls[-1][0] == calls[-1][1]


def test_report_is_json_serialisable_and_bilingual(write_csv):
    import json

    path = write_csv([["n"], ["x"]])
    report = validate(open_table(path), {"fields": [{"name": "n", "type": "integer"}]})
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    item = data["errors"][0]
    assert item["cell"] == "x" and item["rowNumber"] == 2 and item["fieldName"] == "n"
    assert item["message"]["ka"].startswith("მნიშვნელობა არ შეესაბამება")
    assert data["errorsByType"] == {"type-error": 1}


def test_invalid_schema_is_a_read_error(write_csv):
    from ghia.tabular import TableReadError

    with pytest.raises(TableReadError) as error:
        validate(open_table(write_csv([["a"], ["1"]])), {"fields": "nope"})
    assert error.value.code == "schema_invalid"


def test_unknown_types_are_schema_errors_and_bad_formats_type_errors(write_csv):
    from ghia.tabular import TableReadError

    stream = open_table(write_csv([["d"], ["2024-01-05"]]))
    with pytest.raises(TableReadError) as error:
        validate(stream, {"fields": [{"name": "d", "type": "money"}]})
    assert "money" in error.value.text("ka")
    # Python's strptime refuses an unknown directive, so every cell is a type error.
    report = validate(
        open_table(stream.source.path), {"fields": [{"name": "d", "type": "date", "format": "%Q"}]}
    )
    assert report.by_type == {"type-error": 1}
