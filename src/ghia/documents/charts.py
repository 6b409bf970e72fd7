"""Charts for documents and the web, drawn with matplotlib without pyplot (no global state,
safe in a web process).

A ``Chart`` is a description; ``to_svg`` and ``to_png`` draw it. Labels may be Georgian:
the font list puts Noto Sans first and Noto Sans Georgian next, and matplotlib falls back
glyph by glyph, so Latin and Georgian both come out right. SVG text is drawn as paths so
the picture does not depend on the reader's fonts.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field

import matplotlib
from matplotlib.figure import Figure

FONTS = ["Noto Sans", "Noto Sans Georgian", "DejaVu Sans"]
TONE_COLOURS = {
    "red": "#c62828",
    "yellow": "#f0b400",
    "green": "#2e7d32",
    "grey": "#9e9e9e",
    "blue": "#1f5fa8",
}
PALETTE = ["#1f5fa8", "#f0b400", "#2e7d32", "#8e44ad", "#c62828", "#00838f", "#9e9e9e"]
_RC = {
    "font.family": FONTS,
    "font.size": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "ghia",  # stable ids: the same chart gives the same SVG
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass
class Series:
    name: str
    values: list[float]
    tone: str | None = None


@dataclass
class Chart:
    """Horizontal bars, one bar per category; several series are stacked.

    ``tones`` colours a single series bar by bar (a rating per dimension); ``bar_labels``
    are written at the end of each bar; ``ticks`` replaces the numbers of the value axis
    with words (rating levels, maturity levels).
    """

    categories: list[str]
    series: list[Series]
    title: str = ""
    value_label: str = ""
    tones: list[str] | None = None
    bar_labels: list[str] | None = None
    ticks: list[tuple[float, str]] | None = None
    max_value: float | None = None
    alt: str = ""
    legend: bool = field(default=True)


def _draw(chart: Chart) -> Figure:
    labels = [textwrap.fill(c, 38) for c in chart.categories]
    lines = sum(label.count("\n") + 1 for label in labels)
    fig = Figure(figsize=(7.0, 0.9 + 0.28 * lines + 0.1 * len(labels)), layout="constrained")
    ax = fig.subplots()
    positions = list(range(len(labels)))[::-1]  # the first category on top
    left = [0.0] * len(labels)
    for n, series in enumerate(chart.series):
        if chart.tones and len(chart.series) == 1:
            colours = [TONE_COLOURS[t] for t in chart.tones]
        else:
            colours = TONE_COLOURS.get(series.tone or "", PALETTE[n % len(PALETTE)])
        ax.barh(positions, series.values, left=left, color=colours, label=series.name, height=0.62)
        left = [a + b for a, b in zip(left, series.values, strict=True)]
    ax.set_yticks(positions, labels)
    ax.tick_params(axis="y", length=0)
    top = chart.max_value or max(left + [1.0])
    ax.set_xlim(0, top * (1.18 if chart.bar_labels else 1.05))
    if chart.bar_labels:
        for y, x, text in zip(positions, left, chart.bar_labels, strict=True):
            ax.text(x + top * 0.015, y, text, va="center", fontsize=8)
    if chart.ticks:
        ax.set_xticks([t for t, _ in chart.ticks], [label for _, label in chart.ticks])
    elif all(float(v).is_integer() for s in chart.series for v in s.values):
        ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(chart.value_label)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if chart.title:
        ax.set_title(chart.title, loc="left", fontsize=10, fontweight="bold")
    if chart.legend and len(chart.series) > 1:
        fig.legend(loc="outside lower center", ncols=len(chart.series), fontsize=8, frameon=False)
    return fig


def _save(chart: Chart, fmt: str, **kwargs) -> bytes:
    with matplotlib.rc_context(_RC):
        fig = _draw(chart)
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def to_svg(chart: Chart) -> str:
    return _save(chart, "svg", metadata={"Date": None}).decode("utf-8")


def to_png(chart: Chart, dpi: int = 200) -> bytes:
    return _save(chart, "png", dpi=dpi, metadata={"Software": None})
