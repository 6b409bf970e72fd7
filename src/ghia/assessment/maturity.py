"""Maturity levels 1–5 after the ODI Open Data Maturity Model (2024).

An activity is at the highest level L at which every one of its questions is answered at
L or above, that is the lowest of its answers; a theme is at the lowest level of its
activities; the municipality overall at the lowest level of its themes. Anything with an
unanswered question has no level yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ghia.assessment.instrument import Instrument


@dataclass(frozen=True)
class MaturityResult:
    activities: dict[str, int | None]
    themes: dict[str, int | None]
    overall: int | None
    answered: int
    total: int


def _lowest(levels) -> int | None:
    levels = list(levels)
    return None if not levels or None in levels else min(levels)


def maturity(instrument: Instrument, answers: Mapping[str, int | None]) -> MaturityResult:
    activities, themes = {}, {}
    for theme in instrument.maturity_themes:
        for activity in theme.activities:
            activities[activity.code] = _lowest(answers.get(q.code) for q in activity.questions)
        themes[theme.code] = _lowest(activities[a.code] for a in theme.activities)
    codes = instrument.maturity_questions
    return MaturityResult(
        activities=activities,
        themes=themes,
        overall=_lowest(themes.values()),
        answered=sum(1 for code in codes if answers.get(code) is not None),
        total=len(codes),
    )
