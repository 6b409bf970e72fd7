"""The assessment instrument, kept as versioned data (``v<N>.json``) in Georgian and English.

An assessment records the version it was made with, so a later edition of the questions
never changes what an old assessment meant. ``load`` checks the file's internal
references (gates point at real questions, five statements per maturity question, unique
codes) so a broken edition fails at once, not in a report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ghia.assessment.texts import Text

CURRENT_VERSION = "1"
RATINGS = ("RED", "YELLOW", "GREEN")
UNRATED = "UNRATED"
_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Question:
    code: str
    text: Text = field(hash=False)
    importance: str


@dataclass(frozen=True)
class EvidenceSpec:
    """An observable fact the consultant can tick; it points for (+) or against (-) readiness."""

    code: str
    direction: str
    text: Text = field(hash=False)
    significant: bool = False  # against, and enough on its own to mean a significant obstacle


@dataclass(frozen=True)
class Gate:
    """A condition a rating must pass, on an answer or on a measure from the catalogue."""

    text: Text = field(hash=False)
    question: str | None = None
    measure: str | None = None
    green_min: float | None = None
    red_max: float | None = None


@dataclass(frozen=True)
class Dimension:
    code: str
    number: int
    importance: str
    title: Text = field(hash=False)
    description: Text = field(hash=False)
    questions: tuple[Question, ...]
    evidence: tuple[EvidenceSpec, ...]
    gates: tuple[Gate, ...]


@dataclass(frozen=True)
class CatalogueEvidence:
    """How a measure of the catalogue becomes evidence: for at or above ``for_min``,
    against below ``against_below`` or at or above ``against_min``; in between it is
    reported but counts neither way."""

    measure: str
    dimension: str
    kind: str  # "share" or "count"
    text: Text = field(hash=False)
    for_min: float | None = None
    against_below: float | None = None
    against_min: float | None = None
    significant: bool = False


@dataclass(frozen=True)
class MaturityQuestion:
    code: str
    text: Text = field(hash=False)
    statements: tuple[Text, ...] = field(hash=False)  # statement i is level i + 1


@dataclass(frozen=True)
class MaturityActivity:
    code: str
    title: Text = field(hash=False)
    questions: tuple[MaturityQuestion, ...]


@dataclass(frozen=True)
class MaturityTheme:
    code: str
    title: Text = field(hash=False)
    activities: tuple[MaturityActivity, ...]


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    title: Text = field(hash=False)
    basis: Text = field(hash=False)
    scale: dict = field(hash=False)  # answer value -> label
    importance: dict = field(hash=False)
    ratings: dict = field(hash=False)
    rubric: dict = field(hash=False)
    dimensions: tuple[Dimension, ...]
    catalogue_evidence: tuple[CatalogueEvidence, ...]
    maturity_levels: dict = field(hash=False)  # level -> label
    maturity_rule: Text = field(hash=False)
    maturity_themes: tuple[MaturityTheme, ...]
    inventory: dict = field(hash=False)
    stakeholder_groups: dict = field(hash=False)  # code -> label
    focus_guide: dict = field(hash=False)

    def dimension(self, code: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension
        raise KeyError(code)

    @property
    def questions(self) -> dict[str, Question]:
        return {q.code: q for d in self.dimensions for q in d.questions}

    @property
    def evidence_specs(self) -> dict[str, tuple[str, EvidenceSpec]]:
        """Evidence code -> (dimension code, spec)."""
        return {e.code: (d.code, e) for d in self.dimensions for e in d.evidence}

    @property
    def maturity_questions(self) -> dict[str, MaturityQuestion]:
        return {q.code: q for t in self.maturity_themes for a in t.activities for q in a.questions}

    @property
    def kinds(self) -> dict[str, Text]:
        return {k["code"]: k["label"] for k in self.inventory["kinds"]}

    def inventory_scale(self, name: str) -> dict[int, Text]:
        return {item["value"]: item["label"] for item in self.inventory["scales"][name]}

    def inventory_question(self, code: str) -> Text:
        return next(q["text"] for q in self.inventory["questions"] if q["code"] == code)


def versions() -> list[str]:
    return sorted(p.stem[1:] for p in _DIR.glob("v*.json"))


@cache
def load(version: str = CURRENT_VERSION) -> Instrument:
    path = _DIR / f"v{version}.json"
    if not path.exists():
        raise KeyError(f"no instrument version {version!r}")
    raw = json.loads(path.read_text(encoding="utf-8"))
    instrument = Instrument(
        id=raw["id"],
        version=raw["version"],
        title=raw["title"],
        basis=raw["basis"],
        scale={item["value"]: item["label"] for item in raw["scale"]},
        importance=raw["importance"],
        ratings=raw["ratings"],
        rubric=raw["rubric"],
        dimensions=tuple(_dimension(d) for d in raw["dimensions"]),
        catalogue_evidence=tuple(CatalogueEvidence(**item) for item in raw["catalogue_evidence"]),
        maturity_levels={item["level"]: item["label"] for item in raw["maturity"]["levels"]},
        maturity_rule=raw["maturity"]["rule"],
        maturity_themes=tuple(_theme(t) for t in raw["maturity"]["themes"]),
        inventory=raw["inventory"],
        stakeholder_groups={g["code"]: g["label"] for g in raw["stakeholder_groups"]},
        focus_guide=raw["focus_guide"],
    )
    _check(instrument, version)
    return instrument


def _dimension(raw: dict) -> Dimension:
    return Dimension(
        code=raw["code"],
        number=raw["number"],
        importance=raw["importance"],
        title=raw["title"],
        description=raw["description"],
        questions=tuple(Question(**q) for q in raw["questions"]),
        evidence=tuple(EvidenceSpec(**e) for e in raw["evidence"]),
        gates=tuple(Gate(**g) for g in raw["gates"]),
    )


def _theme(raw: dict) -> MaturityTheme:
    return MaturityTheme(
        code=raw["code"],
        title=raw["title"],
        activities=tuple(
            MaturityActivity(
                code=a["code"],
                title=a["title"],
                questions=tuple(
                    MaturityQuestion(
                        code=q["code"], text=q["text"], statements=tuple(q["statements"])
                    )
                    for q in a["questions"]
                ),
            )
            for a in raw["activities"]
        ),
    )


def _check(instrument: Instrument, version: str) -> None:
    problems = []
    if instrument.version != version:
        problems.append(f"file v{version} says version {instrument.version}")
    codes = [q.code for d in instrument.dimensions for q in d.questions]
    codes += [e.code for d in instrument.dimensions for e in d.evidence]
    codes += [q.code for t in instrument.maturity_themes for a in t.activities for q in a.questions]
    codes += [a.code for t in instrument.maturity_themes for a in t.activities]
    if len(codes) != len(set(codes)):
        problems.append("codes are not unique")
    dimension_codes = {d.code for d in instrument.dimensions}
    for d in instrument.dimensions:
        own = {q.code for q in d.questions}
        for gate in d.gates:
            if (gate.question is None) == (gate.measure is None) or (
                gate.question and gate.question not in own
            ):
                problems.append(f"gate of {d.code} must name one of its questions or a measure")
        if any(q.importance not in instrument.importance for q in d.questions):
            problems.append(f"unknown importance in {d.code}")
        if any(e.direction not in "+-" for e in d.evidence):
            problems.append(f"evidence direction in {d.code} must be + or -")
    for item in instrument.catalogue_evidence:
        if item.dimension not in dimension_codes:
            problems.append(
                f"catalogue evidence {item.measure} names unknown dimension {item.dimension}"
            )
    for q in instrument.maturity_questions.values():
        if len(q.statements) != len(instrument.maturity_levels):
            problems.append(f"maturity question {q.code} needs one statement per level")
    texts = [d.title for d in instrument.dimensions] + [
        q.text for q in instrument.questions.values()
    ]
    if any(not (t.get("ka") and t.get("en")) for t in texts):
        problems.append("every title and question needs Georgian and English")
    if problems:
        raise ValueError(f"instrument v{version}: " + "; ".join(problems))
