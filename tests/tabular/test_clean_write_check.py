import json

import openpyxl
import polars as pl
import pytest

from ghia.tabular import (
    TableReadError,
    check,
    clean,
    quality_score,
    read_table,
    undo,
    validate,
    write_table,
)
from ghia.tabular.clean import describe
from ghia.tabular.table import ROW

MESSY = [
    ["სახელი", "თანხა", "თარიღი", "raioni", "პირადი ნომერი"],
    ["  ნინო ", "1 200,50", "05.01.2024", "quTaisi", "01001012345"],
    ["გიორგი", "35,5", "31.12.2023", "axalcixe", "61001054321"],
    ["", "", "", "", ""],
    ["სულ", "1 236,00", "", "", ""],
]


@pytest.fixture
def messy(write_csv):
    return read_table(write_csv(MESSY), tidy=False)


def _column(table, name):
    return table.frame[name].to_list()


def test_each_step(messy):
    steps = [
        {"step": "trim"},
        {"step": "standardize_numbers", "field": "თანხა", "decimalChar": ",", "groupChar": " "},
        {"step": "dates_to_iso", "field": "თარიღი", "format": "%d.%m.%Y"},
        {"step": "convert_legacy", "field": "raioni"},
        {"step": "drop_blank_rows"},
        {"step": "drop_totals"},
        {"step": "mask", "field": "პირადი ნომერი", "kind": "personal_number"},
        {"step": "rename", "names": {"raioni": "რაიონი"}},
    ]
    table = clean(messy, steps)
    assert table.labels == ["სახელი", "თანხა", "თარიღი", "რაიონი", "პირადი ნომერი"]
    assert clean(messy, steps[3:4]).labels[3] == "რაიონი"  # the legacy label converts too
    assert _column(table, "სახელი") == ["ნინო", "გიორგი"]
    assert _column(table, "თანხა") == ["1200.50", "35.5"]
    assert _column(table, "თარიღი") == ["2024-01-05", "2023-12-31"]
    assert _column(table, "რაიონი") == ["ქუთაისი", "ახალციხე"]
    assert _column(table, "პირადი ნომერი") == ["01•••••••45", "61•••••••21"]
    assert table.frame[ROW].to_list() == [2, 3]  # rows keep the file's numbers
    changes = [n.params for n in table.notes if n.code == "step_changed"]
    assert [c["step"] for c in changes] == steps
    assert changes[0]["cells"] == 1 and changes[4]["rows"] == 1
    assert json.loads(json.dumps(changes, ensure_ascii=False))  # provenance is JSON


def test_undo_is_reapplying_without_the_step(messy):
    steps = [{"step": "trim"}, {"step": "drop_column", "field": "raioni"}, {"step": "drop_totals"}]
    table, kept = undo(messy, steps, 1)
    assert kept == [steps[0], steps[2]]
    assert "raioni" in table.field_names
    assert table.frame.equals(clean(messy, kept).frame)


def test_unknown_steps_and_fields_are_read_errors(messy):
    with pytest.raises(TableReadError) as error:
        clean(messy, [{"step": "explode"}])
    assert error.value.code == "step_unknown"
    with pytest.raises(TableReadError) as error:
        clean(messy, [{"step": "mask", "field": "nope"}])
    assert error.value.code == "step_field_unknown"


def test_steps_are_described_in_both_languages():
    step = {"step": "dates_to_iso", "field": "თარიღი", "format": "%d.%m.%Y"}
    assert describe(step, "ka") == "სვეტი „თარიღი“: თარიღები ISO ფორმატში (YYYY-MM-DD)"
    assert (
        describe({"step": "trim", "fields": ["a"]}, "en")
        == "Trim spaces at the start and end of cells (columns: a)"
    )


def test_writers_round_trip(messy, tmp_path):
    table = clean(messy, [{"step": "drop_blank_rows"}, {"step": "drop_totals"}])
    schema = {
        "fields": [
            {"name": "სახელი", "type": "string"},
            {"name": "თანხა", "type": "number", "decimalChar": ",", "groupChar": " "},
            {"name": "თარიღი", "type": "date", "format": "%d.%m.%Y"},
            {"name": "raioni", "type": "string"},
            {"name": "პირადი ნომერი", "type": "string"},
        ]
    }
    csv_path = write_table(table, tmp_path / "out.csv")
    raw = csv_path.read_bytes()
    assert (
        raw.startswith("სახელი,თანხა".encode())
        and b"\r\n" in raw
        and b',"1 200,50",05.01.2024,' in raw
    )
    assert read_table(csv_path).data.equals(table.data)
    rows = json.loads(
        write_table(table, tmp_path / "out.json", schema=schema).read_text(encoding="utf-8")
    )
    assert rows[0]["თანხა"] == 1200.5 and rows[0]["თარიღი"] == "2024-01-05"
    parquet = pl.read_parquet(write_table(table, tmp_path / "out.parquet", schema=schema))
    assert parquet.schema["თანხა"] == pl.Float64 and parquet.schema["თარიღი"] == pl.Date
    sheet = openpyxl.load_workbook(write_table(table, tmp_path / "out.xlsx", schema=schema)).active
    assert [c.value for c in sheet[1]] == table.labels and sheet["B2"].value == 1200.5
    with pytest.raises(TableReadError):
        write_table(table, tmp_path / "out.doc")


def test_quality_score_falls_with_errors(write_csv):
    schema = {"fields": [{"name": "n", "type": "integer"}]}
    clean_report = validate(read_table(write_csv([["n"], ["1"], ["2"]], "a.csv")), schema)
    dirty_report = validate(
        read_table(write_csv([["x"], ["1"], ["z"]], "b.csv"), tidy=False), schema
    )
    assert quality_score(clean_report).score == 100.0
    dirty = quality_score(dirty_report)
    assert dirty.score < 100 and dirty.parts["rows"] == 0.5 and dirty.parts["header"] == 0


def test_check_report_json(write_csv):
    calls = []
    report = check(write_csv(MESSY), progress=lambda done, total: calls.append(total))
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["version"] == 1 and data["schemaInferred"] is True
    assert data["valid"] is False and data["problems"] is True
    assert data["validation"]["errorsByType"]["blank-row"] == 1
    assert {f["kind"] for f in data["personalData"]["findings"]} >= {"personal_number"}
    assert {"step": "convert_legacy", "field": "raioni"} in data["suggestedSteps"]
    assert {"step": "drop_totals"} in data["suggestedSteps"]
    assert {"step": "dates_to_iso", "field": "თარიღი", "format": "%d.%m.%Y"} in data[
        "suggestedSteps"
    ]
    codes = [n["code"] for n in data["notes"]]
    assert {"legacy_font_proposed", "totals_rows_found", "schema_inferred"} <= set(codes)
    assert calls


def test_check_with_a_schema_file(write_csv, tmp_path):
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({"fields": [{"name": "a", "type": "integer"}]}), encoding="utf-8")
    report = check(write_csv([["a"], ["1"], ["2"]]), schema=schema)
    assert report.valid and not report.has_problems and not report.schema_inferred
    with pytest.raises(TableReadError) as error:
        check(write_csv([["a"], ["1"]]), schema=tmp_path / "missing.json")
    assert error.value.code == "file_not_found"


def test_numbers_written_in_several_styles_are_made_standard_step_by_step(write_csv):
    """A column mixing "7 234,50", "7234.75" and "7,234.25" is text to inference; the
    check proposes one step per style, and after them the column is numbers."""
    styles = ["{i} 234,50", "{i}234.75", "{i},234.25"]
    rows = [["id", "თანხა", "ერთი სახით", "ქუჩა", "გეგმა"]]
    for i in range(1, 31):
        amount, plan = styles[i % 3].format(i=i), styles[i % 2].format(i=i)
        rows.append([str(i), amount, f"{i} 234,5", f"ქუჩა N{i}, 234", plan])
    report = check(write_csv(rows))
    assert report.inference.mixed_number_styles == {
        "თანხა": [{"decimalChar": ".", "groupChar": ","}, {"decimalChar": ",", "groupChar": " "}],
        "გეგმა": [{"decimalChar": ".", "groupChar": ""}, {"decimalChar": ",", "groupChar": " "}],
    }
    # "7234.75" is standard already: no step for it.
    assert [s for s in report.suggested_steps if s["field"] == "გეგმა"] == [
        {"step": "standardize_numbers", "field": "გეგმა", "decimalChar": ",", "groupChar": " "}
    ]
    assert report.schema["fields"][2]["type"] == "number"  # one style: a number already
    proposed = [s for s in report.suggested_steps if s["field"] == "თანხა"]
    assert proposed == [
        {"step": "standardize_numbers", "field": "თანხა", "decimalChar": ".", "groupChar": ","},
        {"step": "standardize_numbers", "field": "თანხა", "decimalChar": ",", "groupChar": " "},
    ]
    note = next(n for n in report.notes if n.code == "number_styles_mixed")
    assert note.params == {"field": "თანხა", "examples": "1,234.5; 1 234,5"}  # the first
    assert "1 234,5" in note.text("ka") and "1 234,5" in describe(proposed[1], "ka")
    cleaned = clean(read_table(report.source["path"]), proposed)
    fractions = [0.5, 0.75, 0.25]
    expected = [i * 1000 + 234 + fractions[i % 3] for i in range(1, 31)]
    assert [float(v) for v in _column(cleaned, "თანხა")] == expected
