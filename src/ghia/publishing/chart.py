"""A small bar chart of a table, as SVG text, for dataset pages.

Written directly rather than with matplotlib: a site of 10,000 datasets draws thousands of
charts, and matplotlib takes about 30 ms each (measured), which alone would exceed the
build's 30-second budget; this takes well under a millisecond. Text stays text (Georgian
labels render in the reader's font and can be selected), and the same table always gives
the same bytes, which keeps incremental builds and checksums stable.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

MAX_BARS = 40
MAX_SERIES = 3
COLOURS = ("#0b6e4f", "#e0a800", "#1f4fa3")
WIDTH, HEIGHT = 720, 340
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 34, 100

_GROUPED = re.compile(r"^-?\d{1,3}([ \u00a0\u202f']\d{3})+([.,]\d+)?$")
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$|^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_CODE = re.compile(r"^0\d")  # 01, 0431...: a code, not a quantity


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartData:
    title: str  # the label column's name
    labels: tuple[str, ...]
    series: tuple[Series, ...]


def number(text: str | None) -> float | None:
    """A number as offices type it: "1 200,50", "1,200.50", "1.200,50", "1200.5", "-3";
    None for anything else, codes with a leading zero included."""
    if text is None:
        return None
    value = str(text).strip()
    if not value or _CODE.match(value.lstrip("-")):
        return None
    if _GROUPED.match(value):
        value = re.sub(r"[ \u00a0\u202f']", "", value)
    elif not _PLAIN.match(value):
        return None
    if "," in value and "." in value:
        value = (
            value.replace(",", "")
            if value.rfind(".") > value.rfind(",")
            else value.replace(".", "").replace(",", ".")
        )
    elif value.count(",") == 1 and len(value.split(",")[1]) != 3:
        value = value.replace(",", ".")
    elif "," in value:
        value = value.replace(",", "")
    elif value.count(".") > 1:
        value = value.replace(".", "")
    return float(value)


def chart_data(columns: list[str], rows: list[list[str | None]]) -> ChartData | None:
    """What to draw, when the table suits a bar chart: a label column followed or preceded by
    numeric columns, 2 to MAX_BARS rows, every value of a numeric column a number."""
    if not 2 <= len(rows) <= MAX_BARS or len(columns) < 2:
        return None
    numeric = [
        i for i in range(len(columns)) if all(number(_cell(row, i)) is not None for row in rows)
    ]
    labels = [i for i in range(len(columns)) if i not in numeric]
    numeric = [
        i for i in numeric if not _looks_like_identifiers([number(_cell(row, i)) for row in rows])
    ]
    if not numeric:
        return None
    # A column of years reads better as the labels than as a quantity.
    if not labels and _looks_like_years([_cell(row, numeric[0]) for row in rows]):
        labels = [numeric.pop(0)]
    if not labels or not numeric:
        return None
    label = labels[0]
    series = [Series(columns[i], tuple(number(_cell(row, i)) for row in rows)) for i in numeric]
    # Series on a scale of their own (a percentage beside amounts) would be flat lines.
    largest = max(max(abs(v) for v in s.values) for s in series) or 1
    series = tuple(s for s in series if max(abs(v) for v in s.values) >= largest / 20)[:MAX_SERIES]
    if len({_cell(row, label) for row in rows}) < len(rows):
        return None  # repeated labels: the rows are records, not one value per category
    return ChartData(columns[label], tuple(str(_cell(row, label) or "") for row in rows), series)


def _cell(row: list, index: int):
    return row[index] if index < len(row) else None


def _looks_like_identifiers(values: list[float]) -> bool:
    """Row numbers (1, 2, 3 ...) or codes and phone numbers: numbers that are not quantities."""
    whole = all(v == int(v) for v in values)
    counting = whole and [int(v) for v in values] == list(
        range(int(values[0]), int(values[0]) + len(values))
    )
    return counting and values[0] in (0, 1) or whole and all(abs(v) >= 1_000_000 for v in values)


def _looks_like_years(values: list) -> bool:
    return all(
        v is not None and str(v).strip().isdigit() and 1900 <= int(str(v).strip()) <= 2100
        for v in values
    )


def _nice_step(span: float) -> float:
    raw = span / 5 or 1
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _format(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if abs(value) >= 10_000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def svg(data: ChartData, description: str = "") -> str:
    values = [v for s in data.series for v in s.values]
    low, high = min(0.0, min(values)), max(0.0, max(values))
    step = _nice_step(high - low)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step or step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot_h * (high - value) / (high - low)

    group = plot_w / len(data.labels)
    bar = group * 0.8 / len(data.series)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'font-family="Noto Sans Georgian, Noto Sans, sans-serif" font-size="12">',
        f"<title>{escape(description or ', '.join(s.name for s in data.series))}</title>",
    ]
    tick = low
    while tick <= high + step / 2:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#d9dee4"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#5b6775">{_format(tick)}</text>'
        )
        tick += step
    for i, label in enumerate(data.labels):
        x0 = LEFT + group * i + group * 0.1
        for k, series in enumerate(data.series):
            value = series.values[i]
            top, bottom = sorted((y(value), y(0)))
            parts.append(
                f'<rect x="{x0 + k * bar:.1f}" y="{top:.1f}" width="{bar * 0.95:.1f}" height="{bottom - top:.1f}" '
                f'fill="{COLOURS[k]}"><title>{escape(label)} — {escape(series.name)}: {value:g}</title></rect>'
            )
        cx = LEFT + group * (i + 0.5)
        short = label if len(label) <= 16 else label[:15] + "…"
        parts.append(
            f'<text x="{cx:.1f}" y="{TOP + plot_h + 14}" text-anchor="end" transform="rotate(-40 {cx:.1f} {TOP + plot_h + 14})">{escape(short)}</text>'
        )
    for k, series in enumerate(data.series):
        lx = LEFT + k * 210
        parts.append(f'<rect x="{lx}" y="6" width="12" height="12" fill="{COLOURS[k]}"/>')
        parts.append(f'<text x="{lx + 16}" y="16">{escape(series.name[:30])}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
