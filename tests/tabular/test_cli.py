import json

import pytest

from ghia.cli import main

GOOD = [["id", "ქალაქი"], ["1", "ქუთაისი"], ["2", "ახალციხე"]]
BAD = [["id", "ქალაქი"], ["1", "ქუთაისი"], ["x", "ახალციხე"], []]


@pytest.fixture
def schema(tmp_path):
    path = tmp_path / "schema.json"
    path.write_text(
        json.dumps({"fields": [{"name": "id", "type": "integer"}, {"name": "ქალაქი"}]}),
        encoding="utf-8",
    )
    return str(path)


def test_check_exit_codes(write_csv, schema, tmp_path, capsys):
    assert (
        main(["check", str(write_csv(GOOD, "good.csv")), "--schema", schema, "--lang", "en"]) == 0
    )
    assert "✓ The table is valid: 2 rows, 2 columns" in capsys.readouterr().out
    assert main(["check", str(write_csv(BAD, "bad.csv")), "--schema", schema, "--lang", "ka"]) == 1
    out = capsys.readouterr().out
    assert "✗ ნაპოვნია 2 შეცდომა" in out and "სტრიქონი 3, სვეტი id" in out
    assert main(["check", str(tmp_path / "none.csv"), "--lang", "ka"]) == 2
    assert "ფაილი ვერ მოიძებნა" in capsys.readouterr().err


def test_check_json_is_versioned_and_limits_listed_errors(write_csv, schema, capsys):
    rows = [["id", "ქალაქი"]] + [["x", "ა"] for _ in range(30)]
    assert (
        main(["check", str(write_csv(rows)), "--schema", schema, "--json", "--limit-errors", "3"])
        == 1
    )
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    assert data["validation"]["stats"]["errors"] == 30 and len(data["validation"]["errors"]) == 3


def test_check_language_follows_the_locale(write_csv, schema, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ka_GE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    main(["check", str(write_csv(GOOD)), "--schema", schema])
    assert "ცხრილი ვალიდურია" in capsys.readouterr().out


def test_progress_bar_goes_to_stderr(write_csv, schema, capsys, monkeypatch):
    monkeypatch.setenv("GHIA_PROGRESS", "1")
    main(["check", str(write_csv(GOOD)), "--schema", schema, "--lang", "en"])
    assert "Checking" in capsys.readouterr().err


def test_infer_writes_the_schema(write_csv, tmp_path, capsys):
    target = tmp_path / "out.json"
    assert main(["infer", str(write_csv(GOOD)), "-o", str(target), "--lang", "en"]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["fields"][0] == {
        "name": "id",
        "type": "integer",
        "constraints": {"required": True},
    }
    assert "Schema written" in capsys.readouterr().out
    assert main(["infer", str(write_csv(GOOD)), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == 1


def test_scan_exit_codes(write_csv, capsys):
    assert main(["scan", str(write_csv(GOOD, "g.csv")), "--lang", "en"]) == 0
    assert "No personal data found" in capsys.readouterr().out
    people = [["პირადი ნომერი"], ["01001012345"], ["61001054321"]]
    assert main(["scan", str(write_csv(people, "p.csv")), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["complete"] is True and data["findings"][0]["kind"] == "personal_number"


@pytest.mark.parametrize(
    "steps",
    [None, "trim,drop_blank_rows", '[{"step": "trim"}]', "suggested"],
)
def test_clean_writes_the_output(write_csv, tmp_path, capsys, steps):
    out = tmp_path / "clean.csv"
    argv = ["clean", str(write_csv(BAD)), "-o", str(out), "--json"]
    assert main(argv + (["--steps", steps] if steps else [])) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1 and out.exists()
    assert data["rows"] == (2 if steps != '[{"step": "trim"}]' else 3)


def test_clean_rejects_unknown_steps(write_csv, tmp_path, capsys):
    assert (
        main(
            [
                "clean",
                str(write_csv(GOOD)),
                "-o",
                str(tmp_path / "o.csv"),
                "--steps",
                "explode",
                "--lang",
                "en",
            ]
        )
        == 2
    )
    assert "Unknown clean step: explode" in capsys.readouterr().err


def test_an_unexpected_failure_is_a_message_not_a_traceback(write_csv, capsys, monkeypatch):
    import ghia.tabular

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ghia.tabular, "check", broken)
    assert main(["check", str(write_csv(GOOD)), "--lang", "en"]) == 2
    assert (
        capsys.readouterr().err.strip() == "The file could not be read: RuntimeError: disk on fire"
    )


def test_json_output_writes_keys_that_are_not_text(capsys):
    from ghia.cli.tabular import _json

    _json({"rows": {2: "x"}, "ok": True})
    assert json.loads(capsys.readouterr().out) == {"rows": {"2": "x"}, "ok": True}
