"""Priority for publication of an inventoried dataset, from its value, demand and effort.

score = w_value × value + w_demand × demand + w_ease × ease, where ease = 4 − effort (each
on a 1–3 scale); the weights and thresholds are in the instrument. Facts that make early
publication impossible override the score: data that does not exist yet or that a law
restricts is low priority, and personal data caps it at medium (it must be anonymised
first). Every result carries the reasons that explain it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ghia.assessment.instrument import Instrument
from ghia.assessment.rubric import Reason
from ghia.assessment.texts import fill

HIGH, MEDIUM, LOW = 1, 2, 3  # the catalogue's Priority values


@dataclass(frozen=True)
class PriorityResult:
    level: int
    score: int | None
    reasons: tuple[Reason, ...]


def publication_priority(
    instrument: Instrument,
    *,
    value: int | None,
    demand: int | None,
    effort: int | None,
    exists: bool = True,
    personal_data: bool = False,
    restricted: bool = False,
) -> PriorityResult:
    spec = instrument.inventory["priority"]
    texts = spec["texts"]
    limits = {
        "high_min": spec["high_min"],
        "medium_min": spec["medium_min"],
        "high_below": spec["high_min"] - 1,
    }

    def reason(key: str, **params) -> Reason:
        return Reason(key, fill(texts[key], **params))

    if None in (value, demand, effort):
        return PriorityResult(LOW, None, (reason("missing"),))
    ease = 4 - effort
    weights = spec["weights"]
    score = weights["value"] * value + weights["demand"] * demand + weights["ease"] * ease
    reasons = [
        reason(
            "score",
            score=score,
            value=value,
            demand=demand,
            ease=ease,
            **{f"w_{k}": w for k, w in weights.items()},
        )
    ]
    if score >= spec["high_min"]:
        level = HIGH
        reasons.append(reason("high", **limits))
    elif score >= spec["medium_min"]:
        level = MEDIUM
        reasons.append(reason("medium", **limits))
    else:
        level = LOW
        reasons.append(reason("low", **limits))
    if not exists:
        level = LOW
        reasons.append(reason("not_exists"))
    if restricted:
        level = LOW
        reasons.append(reason("restricted"))
    if personal_data:
        level = max(level, MEDIUM)
        reasons.append(reason("personal"))
    return PriorityResult(level, score, tuple(reasons))
