"""The first rows of a data file, and a chart when the data suits one, for dataset pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from ghia.publishing import chart
from ghia.publishing.records import TABULAR_FORMATS
from ghia.tabular import TableReadError, open_table

PREVIEW_ROWS = 10


@dataclass
class Preview:
    columns: list[str]
    rows: list[list[str]]  # the first PREVIEW_ROWS data rows
    more: bool  # the file has more rows than shown
    chart: str | None  # SVG, when the data suits a chart

    def as_dict(self) -> dict:
        return asdict(self)


def preview(path: str | Path, format_code: str | None, description: str = "") -> Preview | None:
    """None when the file is not a table Ghia can read."""
    if (format_code or "").upper() not in TABULAR_FORMATS:
        return None
    try:
        stream = open_table(path)
        rows = stream.first_rows(chart.MAX_BARS + 1)
    except TableReadError:
        return None
    columns = stream.field_names
    data = chart.chart_data(columns, rows)
    return Preview(
        columns=columns,
        rows=rows[:PREVIEW_ROWS],
        more=len(rows) > PREVIEW_ROWS,
        chart=chart.svg(data, description) if data else None,
    )
