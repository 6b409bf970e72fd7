"""The readiness rubric: a RED / YELLOW / GREEN rating per dimension, with its reasons.

Following ODRA, evidence for and against is not netted arithmetically. A dimension is RED
when something is a significant obstacle on its own (a very important question answered
"no", a significant item of evidence against, a gate's red condition) or when most answers
show obstacles; GREEN only when every condition for it holds (gates, answers at least
"largely", enough "fully", evidence for and little against); YELLOW otherwise. Too few
answers leave a dimension unrated. Thresholds and wording are in the instrument's data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ghia.assessment.instrument import UNRATED, Dimension, Gate, Instrument
from ghia.assessment.texts import Text, fill, percent


@dataclass(frozen=True)
class Evidence:
    dimension: str
    direction: str  # "+" for readiness, "-" against
    text: Text = field(hash=False)
    significant: bool = False
    source: str = "consultant"  # instrument, consultant, catalogue or focus_group


@dataclass(frozen=True)
class Reason:
    key: str
    text: Text = field(hash=False)


@dataclass(frozen=True)
class Rating:
    dimension: str
    rating: str  # RED, YELLOW, GREEN or UNRATED
    reasons: tuple[Reason, ...]
    answered: int
    total: int
    evidence_for: int
    evidence_against: int


def rate_dimension(
    instrument: Instrument,
    dimension: Dimension,
    answers: Mapping[str, int | None],
    evidence: Iterable[Evidence],
    measures: Mapping[str, float | None] | None = None,
) -> Rating:
    rubric, texts = instrument.rubric, instrument.rubric["texts"]
    measures = measures or {}
    evidence = [e for e in evidence if e.dimension == dimension.code]
    against = [e for e in evidence if e.direction == "-"]
    n_for = len(evidence) - len(against)
    values = {
        q.code: answers[q.code] for q in dimension.questions if answers.get(q.code) is not None
    }
    total = len(dimension.questions)

    def rating(code: str, reasons: Sequence[Reason]) -> Rating:
        return Rating(dimension.code, code, tuple(reasons), len(values), total, n_for, len(against))

    def reason(key: str, **params) -> Reason:
        return Reason(key, fill(texts[key], **params))

    if len(values) < rubric["min_answered_share"] * total:
        return rating(UNRATED, [reason("unanswered", answered=len(values), total=total)])

    def gate_value(gate: Gate) -> float | None:
        return values.get(gate.question) if gate.question else measures.get(gate.measure)

    red = []
    gated = {g.question for g in dimension.gates if g.red_max is not None}
    for q in dimension.questions:
        if q.importance == "very_high" and values.get(q.code) == 0 and q.code not in gated:
            red.append(reason("critical_absent", question=q.text))
    red += [reason("significant_against", evidence=e.text) for e in against if e.significant]
    for gate in dimension.gates:
        value = gate_value(gate)
        if gate.red_max is not None and value is not None and value <= gate.red_max:
            red.append(reason("gate_red", gate=gate.text))
    low = sum(1 for v in values.values() if v <= 1)
    if low >= rubric["red_low_share"] * len(values):
        red.append(reason("mostly_low", low=low, answered=len(values)))
    if red:
        return rating("RED", red)

    short = []
    for gate in dimension.gates:
        value = gate_value(gate)
        if gate.green_min is not None and (value is None or value < gate.green_min):
            short.append(reason("gate_green_unmet", gate=gate.text))
    below = sum(1 for v in values.values() if v < rubric["green_min_answer"])
    if below:
        short.append(reason("below_largely", count=below))
    full = sum(1 for v in values.values() if v == max(instrument.scale))
    if full < rubric["green_top_share"] * len(values):
        short.append(reason("few_full", full=full, answered=len(values)))
    if n_for < rubric["green_min_for"]:
        short.append(reason("no_evidence_for"))
    if len(against) > rubric["green_max_against"]:
        short.append(reason("much_against", against=len(against)))
    if short:
        return rating("YELLOW", short)
    return rating("GREEN", [reason("favourable")])


def rate_all(
    instrument: Instrument,
    answers: Mapping[str, int | None],
    evidence: Iterable[Evidence],
    measures: Mapping[str, float | None] | None = None,
) -> dict[str, Rating]:
    evidence = list(evidence)
    return {
        d.code: rate_dimension(instrument, d, answers, evidence, measures)
        for d in instrument.dimensions
    }


def evidence_from_instrument(instrument: Instrument, codes: Iterable[str]) -> list[Evidence]:
    """The instrument's evidence items the consultant ticked."""
    specs = instrument.evidence_specs
    return [
        Evidence(
            specs[c][0],
            specs[c][1].direction,
            specs[c][1].text,
            specs[c][1].significant,
            "instrument",
        )
        for c in codes
    ]


def evidence_from_measures(
    instrument: Instrument, measures: Mapping[str, float | None]
) -> list[Evidence]:
    """The catalogue's measures that count as evidence, with their figures in the text."""
    found = []
    for item in instrument.catalogue_evidence:
        value = measures.get(item.measure)
        if value is None:
            continue
        direction = None
        if item.for_min is not None and value >= item.for_min:
            direction = "+"
        elif (item.against_below is not None and value < item.against_below) or (
            item.against_min is not None and value >= item.against_min
        ):
            direction = "-"
        if direction:
            shown = percent(value) if item.kind == "share" else str(int(value))
            found.append(
                Evidence(
                    dimension=item.dimension,
                    direction=direction,
                    text=fill(item.text, value=shown),
                    significant=item.significant and direction == "-",
                    source="catalogue",
                )
            )
    return found
