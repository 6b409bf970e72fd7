"""A data-quality sub-score of a table from its validation report, needing no database.

The score (0-100) weighs what a re-user meets first: rows free of errors (60), a header
that matches the schema (15), a regular structure (15: no blank rows, no missing or
extra cells) and cells of the right type (10). Each part is the share that is right.
"""

from dataclasses import dataclass

from ghia.tabular.report import HEADER_TYPES, ValidationReport

WEIGHTS = {"rows": 60, "header": 15, "structure": 15, "types": 10}


@dataclass(frozen=True)
class QualityScore:
    score: float
    parts: dict[str, float]  # each 0..1

    def to_dict(self) -> dict:
        return {
            "score": self.score,
            "parts": {k: round(v, 4) for k, v in self.parts.items()},
            "weights": WEIGHTS,
        }


def quality_score(report: ValidationReport) -> QualityScore:
    rows = max(report.rows, 1)
    cells = max(report.rows * max(report.fields, 1), 1)
    by_type = report.by_type
    header_errors = sum(n for t, n in by_type.items() if t in HEADER_TYPES)
    # Missing and extra cells count as the share of a row they spoil.
    ragged = (by_type.get("missing-cell", 0) + by_type.get("extra-cell", 0)) / max(report.fields, 1)
    structure_errors = by_type.get("blank-row", 0) + ragged
    parts = {
        "rows": 1 - min(report.invalid_rows / rows, 1),
        "header": 1 - min(header_errors / max(report.fields, 1), 1),
        "structure": 1 - min(structure_errors / rows, 1),
        "types": 1 - min(by_type.get("type-error", 0) / cells, 1),
    }
    score = sum(WEIGHTS[k] * v for k, v in parts.items())
    return QualityScore(score=round(score, 1), parts=parts)
