from ghia.assessment.instrument import load
from ghia.assessment.maturity import maturity
from ghia.assessment.priority import HIGH, LOW, MEDIUM, publication_priority

INSTRUMENT = load()


def test_activity_theme_and_overall_take_the_lowest_level():
    answers = {code: 4 for code in INSTRUMENT.maturity_questions}
    answers["release.licence"] = 2  # one question of one activity of "publication"
    result = maturity(INSTRUMENT, answers)
    assert result.activities["release"] == 2
    assert result.activities["standards"] == 4
    assert result.themes["publication"] == 2
    assert result.themes["skills"] == 4
    assert result.overall == 2
    assert (result.answered, result.total) == (13, 13)


def test_an_unanswered_question_leaves_its_activity_and_above_without_level():
    answers = {code: 3 for code in INSTRUMENT.maturity_questions}
    del answers["strategy.privacy"]
    result = maturity(INSTRUMENT, answers)
    assert result.activities["stewardship"] is None
    assert result.themes["strategy"] is None
    assert result.themes["skills"] == 3
    assert result.overall is None


def priority(**kwargs):
    values = {"value": 3, "demand": 3, "effort": 1} | kwargs
    return publication_priority(INSTRUMENT, **values)


def test_priority_score_and_level():
    assert priority().score == 15 and priority().level == HIGH
    assert priority(value=2, demand=2, effort=1).score == 11
    assert priority(value=2, demand=2, effort=1).level == MEDIUM
    assert priority(value=1, demand=1, effort=3).level == LOW


def test_priority_is_explained():
    result = priority(value=2, demand=3, effort=2)
    assert result.score == 12
    assert (
        result.reasons[0].text["en"] == "Score 12 = 2 × value (2) + 2 × demand (3) + 1 × ease (2)."
    )
    assert result.reasons[1].key == "high"
    assert "ქულა 12" in result.reasons[0].text["ka"]


def test_facts_that_block_publication_override_the_score():
    assert priority(exists=False).level == LOW
    assert priority(restricted=True).level == LOW
    personal = priority(personal_data=True)
    assert personal.level == MEDIUM and personal.reasons[-1].key == "personal"
    assert priority(value=1, demand=1, effort=3, personal_data=True).level == LOW


def test_unassessed_priority_is_low_and_says_why():
    result = priority(demand=None)
    assert result.level == LOW and result.score is None
    assert result.reasons[0].key == "missing"
