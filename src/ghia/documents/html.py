"""HTML from the document model: one self-contained file (styles inline, charts as SVG
data URIs) that a browser shows and WeasyPrint prints. Every text is escaped here."""

from __future__ import annotations

import base64
from functools import cache
from html import escape
from pathlib import Path

from ghia.documents import charts
from ghia.documents.model import (
    Block,
    Bullets,
    Callout,
    Deck,
    Document,
    Figure,
    KeyFigures,
    Paragraph,
    Section,
    Table,
    format_date,
)

_CSS = Path(__file__).with_name("css")


@cache
def stylesheet(name: str) -> str:
    return (_CSS / f"{name}.css").read_text(encoding="utf-8")


def chart_data_uri(chart: charts.Chart) -> str:
    svg = charts.to_svg(chart).encode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


class _Numbering:
    """Running numbers of figures and tables, in the order the reader meets them."""

    def __init__(self, doc_labels):
        self.labels, self.figures, self.tables = doc_labels, 0, 0

    def figure(self) -> str:
        self.figures += 1
        return f"{self.labels('figure')} {self.figures}."

    def table(self) -> str:
        self.tables += 1
        return f"{self.labels('table')} {self.tables}."


def _cell(value) -> str:
    tone = getattr(value, "tone", None)
    text = escape(getattr(value, "text", value))
    return f'<td class="tone-{tone}">{text}</td>' if tone else f"<td>{text}</td>"


def render_block(block: Block, numbering: _Numbering | None = None) -> str:
    if isinstance(block, Paragraph):
        css = f' class="{escape(block.style)}"' if block.style else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Table):
        number = numbering.table() + " " if numbering and block.caption else ""
        caption = f"<caption>{escape(number + block.caption)}</caption>" if block.caption else ""
        cols = ""
        if block.widths:
            total = sum(block.widths)
            cols = (
                "<colgroup>"
                + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in block.widths)
                + "</colgroup>"
            )
        head = (
            "<thead><tr>"
            + "".join(f"<th>{escape(c)}</th>" for c in block.columns)
            + "</tr></thead>"
        )
        body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in block.rows)
        return f"<table>{caption}{cols}{head}<tbody>{body}</tbody></table>"
    if isinstance(block, Figure):
        number = numbering.figure() + " " if numbering else ""
        alt = escape(block.chart.alt or block.caption)
        return (
            f'<figure><img src="{chart_data_uri(block.chart)}" alt="{alt}">'
            f"<figcaption>{escape(number + block.caption)}</figcaption></figure>"
        )
    if isinstance(block, Callout):
        items = "".join(f"<li>{escape(i)}</li>" for i in block.items)
        return (
            f'<div class="callout tone-{escape(block.tone)}"><p class="callout-title">{escape(block.title)}</p>'
            + (f"<p>{escape(block.text)}</p>" if block.text else "")
            + (f"<ul>{items}</ul>" if items else "")
            + "</div>"
        )
    if isinstance(block, KeyFigures):
        items = "".join(
            f'<div class="figure-item"><span class="value">{escape(v)}</span><span class="label">{escape(label)}</span></div>'
            for v, label in block.items
        )
        return f'<div class="key-figures">{items}</div>'
    raise TypeError(f"unknown block {type(block).__name__}")


def _section(section: Section, number: str, level: int, numbering: _Numbering) -> str:
    anchor = section.anchor or f"s{number.replace('.', '-')}"
    heading = f'<h{level + 1} id="{escape(anchor)}"><span class="num">{number}</span> {escape(section.title)}</h{level + 1}>'
    blocks = "".join(render_block(b, numbering) for b in section.blocks)
    subs = "".join(
        _section(sub, f"{number}.{n}", level + 1, numbering)
        for n, sub in enumerate(section.subsections, 1)
    )
    return f'<section class="level-{level}">{heading}{blocks}{subs}</section>'


def _contents(doc: Document) -> str:
    items = []
    for n, section in enumerate(doc.sections, 1):
        anchor = section.anchor or f"s{n}"
        items.append(
            f'<li><a href="#{escape(anchor)}"><span class="num">{n}</span> {escape(section.title)}</a></li>'
        )
    return f'<nav class="contents"><h2>{escape(doc.label("contents"))}</h2><ol>{"".join(items)}</ol></nav>'


def render_document(doc: Document) -> str:
    numbering = _Numbering(doc.label)
    body = "".join(_section(s, str(n), 1, numbering) for n, s in enumerate(doc.sections, 1))
    when = f'<p class="date">{escape(format_date(doc.date, doc.lang))}</p>' if doc.date else ""
    cover = (
        f'<header class="cover"><p class="publisher">{escape(doc.publisher)}</p>'
        f"<h1>{escape(doc.title)}</h1>"
        + (f'<p class="subtitle">{escape(doc.subtitle)}</p>' if doc.subtitle else "")
        + when
        + "</header>"
    )
    return _page(
        doc.lang, doc.title, stylesheet("document"), cover + _contents(doc) + body, "document"
    )


def render_deck(deck: Deck) -> str:
    when = f'<p class="date">{escape(format_date(deck.date, deck.lang))}</p>' if deck.date else ""
    slides = [
        f'<section class="slide title-slide" id="slide-1"><h1>{escape(deck.title)}</h1>'
        + (f'<p class="subtitle">{escape(deck.subtitle)}</p>' if deck.subtitle else "")
        + when
        + "</section>"
    ]
    for n, slide in enumerate(deck.slides, 2):
        blocks = "".join(render_block(b) for b in slide.blocks)
        slides.append(
            f'<section class="slide" id="slide-{n}"><h2>{escape(slide.title)}</h2>'
            f'<div class="slide-body">{blocks}</div><p class="slide-number">{n}</p></section>'
        )
    return _page(deck.lang, deck.title, stylesheet("slides"), "".join(slides), "deck")


def _page(lang: str, title: str, css: str, body: str, kind: str) -> str:
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css}</style></head>"
        f'<body class="{kind}">{body}</body></html>\n'
    )
