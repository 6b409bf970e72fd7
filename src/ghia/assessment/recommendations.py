"""Recommendations from rules written as data (``rules/v<N>.json``): gap → recommendation,
with its rationale and the reference it follows.

A rule fires when its ``when`` condition holds for the municipality's findings (a flat
map of facts: ``rating.<dimension>``, ``answer.<question>``, ``evidence.<code>``,
``measure.<name>``, ``kind.<kind of data>``, ``maturity.theme.<theme>``); a rule without
``when`` always fires, and a rule with ``otherwise: <id>`` fires exactly when that earlier
rule does not (so one of two alternatives always applies). Texts name the municipality's own figures, datasets and URIs, so
two municipalities with different findings get different advice. Licence, formats,
standards and the URI scheme are always covered.

Conditions: ``{"all": [...]}``, ``{"any": [...]}``, ``{"not": cond}`` or a clause
``{"fact": name, op: value}`` with op one of eq, ne, in, lt, lte, gt, gte, missing. A
comparison with a fact that is not known is false; ``missing`` tests for that.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ghia.assessment.instrument import Instrument
from ghia.assessment.maturity import MaturityResult
from ghia.assessment.rubric import Rating
from ghia.assessment.texts import LANGS, Text, fill, percent, tr

CURRENT_VERSION = "1"
_DIR = Path(__file__).with_name("rules")
_OPS = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "in": lambda a, b: a in b,
    "lt": lambda a, b: a < b,
    "lte": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "gte": lambda a, b: a >= b,
}


@dataclass(frozen=True)
class Reference:
    title: str
    url: str


@dataclass(frozen=True)
class Recommendation:
    id: str
    topic: str
    dimension: str
    priority: int  # 1 first
    title: Text = field(hash=False)
    text: Text = field(hash=False)
    rationale: Text = field(hash=False)
    reference: Reference


@dataclass(frozen=True)
class FormatAdvice:
    kind: str
    label: Text = field(hash=False)
    formats: tuple[str, ...]
    note: Text = field(hash=False)


@dataclass(frozen=True)
class StandardAdvice:
    id: str
    title: str
    use: Text = field(hash=False)
    url: str


@dataclass(frozen=True)
class UriPattern:
    thing: Text = field(hash=False)
    id: str
    doc: str


@dataclass(frozen=True)
class Advice:
    recommendations: tuple[Recommendation, ...]
    formats: tuple[FormatAdvice, ...]
    standards: tuple[StandardAdvice, ...]
    uris: tuple[UriPattern, ...]
    topics: dict = field(hash=False)  # topic -> label

    def by_topic(self, topic: str) -> list[Recommendation]:
        return [r for r in self.recommendations if r.topic == topic]


@cache
def load_rules(version: str = CURRENT_VERSION) -> dict:
    rules = json.loads((_DIR / f"v{version}.json").read_text(encoding="utf-8"))
    ids = [r["id"] for r in rules["rules"]]
    if len(ids) != len(set(ids)):
        raise ValueError(f"rules v{version}: ids are not unique")
    for n, rule in enumerate(rules["rules"]):
        if rule["topic"] not in rules["topics"]:
            raise ValueError(f"rules v{version}: {rule['id']} has unknown topic {rule['topic']}")
        if "otherwise" in rule and rule["otherwise"] not in ids[:n]:
            raise ValueError(f"rules v{version}: {rule['id']} must come after the rule it replaces")
    return rules


def holds(condition: Mapping | None, facts: Mapping) -> bool:
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(c, facts) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, facts) for c in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], facts)
    value = facts.get(condition["fact"])
    (op, expected), *_ = ((k, v) for k, v in condition.items() if k != "fact")
    if op == "missing":
        return (value is None) == expected
    if value is None:
        return False
    return _OPS[op](value, expected)


def findings(
    *,
    ratings: Mapping[str, Rating],
    answers: Mapping[str, int | None],
    evidence_codes: Iterable[str],
    measures: Mapping[str, float | None],
    kinds: Iterable[str],
    maturity: MaturityResult | None = None,
) -> dict:
    """The flat map of facts that rule conditions read."""
    facts: dict = {f"rating.{code}": r.rating for code, r in ratings.items()}
    facts |= {f"answer.{code}": v for code, v in answers.items() if v is not None}
    facts |= {f"evidence.{code}": True for code in evidence_codes}
    facts |= {f"measure.{name}": v for name, v in measures.items() if v is not None}
    facts |= {f"kind.{kind}": True for kind in kinds}
    if maturity:
        facts |= {
            f"maturity.theme.{t}": level
            for t, level in maturity.themes.items()
            if level is not None
        }
        if maturity.overall is not None:
            facts["maturity.overall"] = maturity.overall
    return facts


def text_context(
    instrument: Instrument,
    *,
    municipality: Text,
    base_uri: str,
    measures: Mapping[str, float | None],
    ratings: Mapping[str, Rating],
    top_datasets: Iterable[Text],
) -> dict:
    """The values rule texts may name: the municipality, its URIs, figures and ratings."""
    base = base_uri.rstrip("/")
    top = list(top_datasets)
    none = {
        "ka": "ინვენტარში მაღალი პრიორიტეტის ნაკრები ჯერ არ არის",
        "en": "no high-priority dataset in the inventory yet",
    }
    context = {
        "municipality": municipality,
        "base_uri": base,
        "id_example": f"{base}/id/dataset/{{slug}}",
        "doc_example": f"{base}/doc/dataset/{{slug}}",
        "top_datasets": {lang: "; ".join(tr(t, lang) for t in top) for lang in LANGS}
        if top
        else none,
    }
    for name, value in measures.items():
        context[name] = (
            percent(value)
            if name.startswith("share_")
            else ("—" if value is None else str(int(value)))
        )
    for code, rating in ratings.items():
        context[f"rating_{code}"] = instrument.ratings[rating.rating]["label"]
    return context


def recommend(
    instrument: Instrument, facts: Mapping, context: Mapping, version: str = CURRENT_VERSION
) -> Advice:
    rules = load_rules(version)
    fired, fired_ids = [], set()
    for rule in rules["rules"]:
        if (
            rule["otherwise"] not in fired_ids
            if "otherwise" in rule
            else holds(rule.get("when"), facts)
        ):
            fired.append(rule)
            fired_ids.add(rule["id"])
    fired.sort(key=lambda r: (r["priority"], list(rules["topics"]).index(r["topic"])))
    recommendations = tuple(
        Recommendation(
            id=rule["id"],
            topic=rule["topic"],
            dimension=rule["dimension"],
            priority=rule["priority"],
            title=fill(rule["title"], **context),
            text=fill(rule["text"], **context),
            rationale=fill(rule["rationale"], **context),
            reference=Reference(**rule["reference"]),
        )
        for rule in fired
    )
    present = [name.split(".", 1)[1] for name in facts if name.startswith("kind.")]
    kinds = [k for k in rules["formats_by_kind"] if k in present] or ["other"]
    formats = tuple(
        FormatAdvice(kind=k, label=instrument.kinds[k], formats=tuple(rules["formats_by_kind"][k]["formats"]),
                     note=rules["formats_by_kind"][k]["note"])
        for k in kinds
    )  # fmt: skip
    standards = tuple(
        StandardAdvice(id=s["id"], title=s["title"], use=s["use"], url=s["url"])
        for s in rules["standards"]
        if holds(s.get("when"), facts)
    )
    base = context["base_uri"]
    uris = tuple(
        UriPattern(thing=u["thing"], id=base + u["id"], doc=base + u["doc"])
        for u in rules["uri_patterns"]
    )
    return Advice(recommendations, formats, standards, uris, rules["topics"])
