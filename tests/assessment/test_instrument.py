import json

import pytest

from ghia.assessment import instrument as instrument_module
from ghia.assessment.instrument import CURRENT_VERSION, load, versions


def test_current_version_loads_with_eight_dimensions_in_odra_order():
    instrument = load()
    assert instrument.version == CURRENT_VERSION
    assert [d.number for d in instrument.dimensions] == list(range(1, 9))
    assert instrument.dimension("leadership").importance == "very_high"
    assert instrument.dimension("demand").importance == "very_high"
    assert instrument.dimension("funding").importance == "medium_high"


def test_every_text_exists_in_georgian_and_english():
    instrument = load()
    texts = [d.title for d in instrument.dimensions] + [
        d.description for d in instrument.dimensions
    ]
    texts += [q.text for q in instrument.questions.values()]
    texts += [e.text for _, e in instrument.evidence_specs.values()]
    texts += [s for q in instrument.maturity_questions.values() for s in q.statements]
    texts += list(instrument.kinds.values()) + list(instrument.stakeholder_groups.values())
    for text in texts:
        assert text["ka"].strip() and text["en"].strip(), text
        # Georgian text is written in Georgian letters, not transliterated.
        assert any("\u10d0" <= ch <= "\u10f0" for ch in text["ka"]), text


def test_evidence_points_both_ways_in_every_dimension():
    for dimension in load().dimensions:
        directions = {e.direction for e in dimension.evidence}
        assert directions == {"+", "-"}, dimension.code


def test_leadership_gate_requires_visible_support_for_green():
    gate = load().dimension("leadership").gates[0]
    assert gate.question == "leadership.visible_support"
    assert gate.green_min == 3


def test_maturity_questions_have_one_statement_per_level():
    instrument = load()
    assert sorted(instrument.maturity_levels) == [1, 2, 3, 4, 5]
    assert len(instrument.maturity_themes) == 5
    assert all(len(q.statements) == 5 for q in instrument.maturity_questions.values())


def test_versions_lists_the_files():
    assert CURRENT_VERSION in versions()
    with pytest.raises(KeyError):
        load("999")


def test_a_broken_edition_is_refused(tmp_path, monkeypatch):
    raw = json.loads((instrument_module._DIR / "v1.json").read_text(encoding="utf-8"))
    raw["version"] = "9"
    raw["dimensions"][0]["gates"][0]["question"] = "policy.licence"  # not a question of leadership
    (tmp_path / "v9.json").write_text(json.dumps(raw), encoding="utf-8")
    monkeypatch.setattr(instrument_module, "_DIR", tmp_path)
    with pytest.raises(ValueError, match="gate of leadership"):
        load("9")
