"""The quality score and five stars: a pure function of facts, and the facts of a dataset."""

from datetime import UTC, datetime, timedelta

import pytest

from ghia.preparation.quality import WEIGHTS, QualityFacts, assess, dataset_quality

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _facts(**changes) -> QualityFacts:
    best = {
        "licence_open": True, "format_ids": ["CSV", "XLSX"], "has_schema": True, "schema_matches": True,
        "data_score": 100.0, "descriptions": {"ka": "ა" * 200, "en": "a" * 200},
        "keywords": {"ka": ["ბიუჯეტი", "ფინანსები", "ქუთაისი"], "en": ["budget", "finance", "kutaisi"]},
        "titles": {"ka": "ბიუჯეტი", "en": "Budget"}, "frequency_days": 366, "frequency_set": True,
        "last_update": NOW - timedelta(days=30), "now": NOW,
    }  # fmt: skip
    return QualityFacts(**(best | changes))


def test_everything_right_is_100_and_three_stars():
    quality = assess(_facts())
    assert quality.score == 100 and quality.stars == 3 and all(p.full for p in quality.parts)
    assert sum(WEIGHTS.values()) == 100


@pytest.mark.parametrize(
    ("changes", "lost"),
    [
        ({"licence_open": False}, WEIGHTS["licence"]),
        ({"format_ids": ["XLSX", "PDF"]}, WEIGHTS["format"]),
        ({"has_schema": False, "schema_matches": False}, WEIGHTS["schema"]),
        ({"schema_matches": False}, WEIGHTS["schema"] / 2),
        ({"data_score": 80.0}, WEIGHTS["data"] * 0.2),
        ({"descriptions": {"ka": "ა" * 50, "en": "a" * 200}}, WEIGHTS["description"] * 0.75),
        (
            {"keywords": {"ka": ["ბიუჯეტი"], "en": ["budget", "finance", "kutaisi"]}},
            WEIGHTS["keywords"] / 3,
        ),
        ({"titles": {"ka": "ბიუჯეტი", "en": ""}}, WEIGHTS["languages"] / 6),
        ({"last_update": NOW - timedelta(days=500)}, WEIGHTS["on_time"] / 2),
        ({"last_update": NOW - timedelta(days=800)}, WEIGHTS["on_time"]),
        ({"frequency_set": False, "frequency_days": None}, WEIGHTS["on_time"]),
    ],
)
def test_each_shortcoming_costs_its_part(changes, lost):
    assert assess(_facts(**changes)).score == round(100 - lost)


def test_stars_follow_the_best_format_and_need_an_open_licence():
    assert assess(_facts(format_ids=["XLSX"])).stars == 2
    assert assess(_facts(format_ids=["PDF"])).stars == 1
    assert assess(_facts(licence_open=False)).stars == 0
    assert assess(_facts(format_ids=[])).stars == 0


@pytest.mark.django_db
def test_a_fresh_dataset_scores_its_metadata_and_its_checked_data(make_dataset, upload):
    dataset = make_dataset(
        file=False,
        description={"ka": "ა" * 250, "en": "a" * 250},
        keywords={"ka": "ა, ბ, გ", "en": "a, b, c"},
    )
    before = dataset_quality(dataset)
    upload(
        dataset, "t.csv", ("id,amount\n" + "".join(f"{i},{i * 3}\n" for i in range(1, 20))).encode()
    )
    after = dataset_quality(dataset)
    parts = {p.key: p for p in after.parts}
    assert (
        parts["schema"].full
        and parts["data"].full
        and parts["format"].full
        and parts["languages"].full
    )
    assert not parts["on_time"].full  # no update frequency promised
    assert after.score > before.score and after.stars == 3
