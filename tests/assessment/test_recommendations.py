import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghia.assessment.instrument import load
from ghia.assessment.maturity import maturity
from ghia.assessment.recommendations import findings, holds, load_rules, recommend, text_context
from ghia.assessment.rubric import evidence_from_instrument, evidence_from_measures, rate_all

INSTRUMENT = load()
MEASURE_NAMES = [
    "inventoried", "published", "share_digital", "share_published", "share_open_licence",
    "share_machine_readable", "share_with_schema", "share_up_to_date", "share_on_both",
    "personal_data_datasets", "published_with_personal_data",
]  # fmt: skip


def advise(answer_value, measures, kinds=(), evidence_codes=(), base="https://data.example.gov.ge"):
    answers = {code: answer_value for code in INSTRUMENT.questions}
    evidence = evidence_from_measures(INSTRUMENT, measures) + evidence_from_instrument(
        INSTRUMENT, evidence_codes
    )
    ratings = rate_all(INSTRUMENT, answers, evidence, measures)
    facts = findings(
        ratings=ratings, answers=answers, evidence_codes=evidence_codes, measures=measures, kinds=kinds,
        maturity=maturity(INSTRUMENT, {c: answer_value + 1 for c in INSTRUMENT.maturity_questions}),
    )  # fmt: skip
    context = text_context(
        INSTRUMENT, municipality={"ka": "ქალაქი", "en": "Town"}, base_uri=base, measures=measures,
        ratings=ratings, top_datasets=[{"ka": "ბიუჯეტი", "en": "Budget"}],
    )  # fmt: skip
    return recommend(INSTRUMENT, facts, context)


STARTING = {name: None for name in MEASURE_NAMES} | {
    "inventoried": 8, "published": 0, "share_digital": 0.4, "personal_data_datasets": 3,
}  # fmt: skip
ADVANCED = {
    "inventoried": 40, "published": 25, "share_digital": 0.95, "share_published": 0.62,
    "share_open_licence": 1.0, "share_machine_readable": 0.92, "share_with_schema": 0.8,
    "share_up_to_date": 0.9, "share_on_both": 1.0, "personal_data_datasets": 0,
    "published_with_personal_data": 0,
}  # fmt: skip


def ids(advice):
    return {r.id for r in advice.recommendations}


def test_a_starting_municipality_gets_foundations_first():
    advice = advise(1, STARTING, kinds=["budget"], evidence_codes=["data_management.legacy_fonts"])
    assert {"licence.adopt", "leadership.order", "publication.first_release", "privacy.procedure",
            "formats.legacy_fonts", "formats.digitise", "publication.inventory"} <= ids(advice)  # fmt: skip
    assert "licence.keep" not in ids(advice)
    first = advice.by_topic("publication")
    assert any("Budget" in r.text["en"] and "ბიუჯეტი" in r.text["ka"] for r in first)


def test_an_advanced_municipality_gets_different_advice():
    supportive = [
        code for code, (_, spec) in INSTRUMENT.evidence_specs.items() if spec.direction == "+"
    ]
    starting, advanced = advise(1, STARTING), advise(3, ADVANCED, evidence_codes=supportive)
    assert ids(starting) != ids(advanced)
    assert "licence.keep" in ids(advanced) and "licence.adopt" not in ids(advanced)
    assert "leadership.report" in ids(advanced)
    assert not {"publication.first_release", "formats.machine_readable", "privacy.procedure"} & ids(
        advanced
    )


def test_figures_of_the_municipality_appear_in_the_texts():
    measures = ADVANCED | {"share_machine_readable": 0.45}
    (rule,) = [r for r in advise(3, measures).recommendations if r.id == "formats.machine_readable"]
    assert "45%" in rule.text["en"] and "45%" in rule.text["ka"]


def test_domain_standards_follow_the_kinds_of_data_held():
    plain = {s.id for s in advise(2, STARTING).standards}
    assert plain == {"dcat-ap", "table-schema", "schema-org"}
    rich = {
        s.id
        for s in advise(
            2, STARTING, kinds=["procurement", "transport", "spending", "geospatial"]
        ).standards
    }
    assert {"ocds", "gtfs", "fiscal-data-package", "geojson"} <= rich


def test_formats_are_given_per_kind_of_data_held():
    advice = advise(2, STARTING, kinds=["transport", "procurement"])
    assert {f.kind: f.formats for f in advice.formats} == {
        "procurement": ("JSON", "CSV"),
        "transport": ("GTFS", "GEOJSON"),
    }
    assert [f.kind for f in advise(2, STARTING).formats] == ["other"]


def test_the_uri_scheme_is_the_municipality_s_own():
    advice = advise(2, STARTING, base="https://data.akhaltsikhe.gov.ge/")
    dataset = advice.uris[1]
    assert dataset.id == "https://data.akhaltsikhe.gov.ge/id/dataset/{slug}"
    assert dataset.doc == "https://data.akhaltsikhe.gov.ge/doc/dataset/{slug}"
    (uri,) = advice.by_topic("uri")
    assert "https://data.akhaltsikhe.gov.ge/id/dataset/{slug}" in uri.text["ka"]
    assert "303" in uri.text["en"]


measure_values = st.one_of(st.none(), st.floats(0, 1))


@settings(max_examples=60, deadline=None)
@given(
    answer_value=st.integers(0, 3),
    measures=st.fixed_dictionaries({name: measure_values for name in MEASURE_NAMES}),
    kinds=st.lists(st.sampled_from(sorted(INSTRUMENT.kinds)), max_size=4),
)
def test_licence_formats_standards_and_uris_are_always_covered(answer_value, measures, kinds):
    advice = advise(answer_value, measures, kinds=kinds)
    for topic in load_rules()["always_topics"]:
        assert advice.by_topic(topic), topic
    assert len(advice.by_topic("licence")) == 1  # adopt or keep, never both
    assert advice.formats and advice.standards and advice.uris
    for r in advice.recommendations:
        assert (
            r.title["ka"]
            and r.text["ka"]
            and r.rationale["ka"]
            and r.reference.url.startswith("https://")
        )


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"fact": "a", "lt": 2}, True),
        ({"fact": "a", "gte": 2}, False),
        ({"fact": "missing", "lt": 2}, False),
        ({"fact": "missing", "missing": True}, True),
        ({"fact": "a", "missing": True}, False),
        ({"fact": "r", "in": ["RED", "YELLOW"]}, True),
        ({"any": [{"fact": "a", "eq": 5}, {"fact": "r", "ne": "GREEN"}]}, True),
        ({"all": [{"fact": "a", "eq": 1}, {"fact": "r", "eq": "GREEN"}]}, False),
        ({"not": {"fact": "a", "eq": 1}}, False),
        (None, True),
    ],
)
def test_conditions(condition, expected):
    assert holds(condition, {"a": 1, "r": "RED"}) is expected


def test_the_recommended_scheme_is_the_one_ghia_mints():
    from ghia.publishing.uris import UriPolicy

    policy = UriPolicy("https://data.kutaisi.gov.ge")
    uris = {u.thing["en"]: u for u in advise(2, STARTING, base=policy.base).uris}
    assert uris["catalogue"].id == policy.catalog()
    assert uris["dataset"].id == policy.dataset("{slug}")
    assert uris["dataset"].doc == policy.dataset_document("{slug}")
    assert uris["distribution (file)"].id == policy.distribution("{uuid}")
    assert uris["organisation (the mayor's office)"].id == policy.organization("{municipality}")
    assert uris["vocabulary or code list"].id == policy.definition("{concept}")
