"""The situational-analysis report and its slide summary, composed from an ``Analysis``.

Words come from ``texts/situational.json`` and from the instrument and rules (all
bilingual data), never from gettext, so a Georgian report is Georgian whatever the
state of the message catalogue. The chart builders are shared with the web dashboard.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

from ghia.assessment.analysis import Analysis, DimensionResult
from ghia.assessment.instrument import UNRATED
from ghia.assessment.texts import percent, tr
from ghia.documents.charts import Chart, Series
from ghia.documents.model import (
    Bullets,
    Callout,
    Cell,
    Deck,
    Document,
    Figure,
    KeyFigures,
    Paragraph,
    Section,
    Slide,
    Table,
    format_date,
)

RATING_TONES = {"RED": "red", "YELLOW": "yellow", "GREEN": "green", UNRATED: "grey"}
RATING_VALUES = {"RED": 1, "YELLOW": 2, "GREEN": 3, UNRATED: 0}
STATUSES = ("planned", "in_preparation", "in_review", "published")
STATUS_TONES = {
    "planned": "grey",
    "in_preparation": "blue",
    "in_review": "yellow",
    "published": "green",
}
MEASURES = (
    "inventoried", "published", "share_digital", "share_published", "share_open_licence",
    "share_machine_readable", "share_with_schema", "share_up_to_date", "share_on_both",
    "personal_data_datasets", "published_with_personal_data",
)  # fmt: skip


@cache
def _texts() -> dict:
    return json.loads(
        (Path(__file__).parent / "texts" / "situational.json").read_text(encoding="utf-8")
    )


class _Words:
    """The report's phrases in one language."""

    def __init__(self, analysis: Analysis, lang: str):
        self.a, self.lang = analysis, lang

    def __call__(self, key: str, **params) -> str:
        return tr(_texts()[key], self.lang).format(**params)

    def of(self, text) -> str:
        return tr(text, self.lang)

    def rating(self, code: str) -> str:
        return self.of(self.a.instrument.ratings[code]["label"])

    def rating_cell(self, code: str) -> Cell:
        return Cell(self.rating(code), RATING_TONES[code])

    def date(self, value: date) -> str:
        return format_date(value, self.lang)

    def measure(self, name: str) -> str:
        value = self.a.measures.get(name)
        if value is None:
            return self("not_measured")
        return percent(value) if name.startswith("share_") else str(int(value))

    def yes_no(self, value: bool) -> str:
        return self("yes") if value else self("no")


# --- charts (also drawn on the dashboard) --------------------------------------------


def rating_chart(analysis: Analysis, lang: str) -> Chart:
    w = _Words(analysis, lang)
    ratings = [d.rating for d in analysis.dimensions]
    return Chart(
        categories=[w.of(d.dimension.title) for d in analysis.dimensions],
        series=[Series(w("col_rating"), [RATING_VALUES[r] for r in ratings])],
        tones=[RATING_TONES[r] for r in ratings],
        bar_labels=[w.rating(r) for r in ratings],
        ticks=[(v, w.rating(code)) for code, v in RATING_VALUES.items() if v],
        max_value=3,
        alt=w("rating_chart"),
    )


def inventory_chart(analysis: Analysis, lang: str) -> Chart:
    w = _Words(analysis, lang)
    services = sorted({r.dataset.service for r in analysis.inventory}, key=lambda s: s.code)
    counts = Counter((r.dataset.service_id, r.dataset.status) for r in analysis.inventory)
    return Chart(
        categories=[w.of(s.name) for s in services] or ["—"],
        series=[
            Series(
                w(f"status_{status}"),
                [counts[(s.id, status)] for s in services] or [0],
                STATUS_TONES[status],
            )
            for status in STATUSES
        ],
        value_label=w("datasets_axis"),
        alt=w("inventory_chart"),
    )


def openness_chart(analysis: Analysis, lang: str) -> Chart:
    w = _Words(analysis, lang)
    return Chart(
        categories=[w(f"openness_{level}") for level in range(4)],
        series=[Series(w("datasets_axis"), [analysis.openness[level] for level in range(4)])],
        tones=["red", "yellow", "blue", "green"],
        value_label=w("datasets_axis"),
        alt=w("openness_chart"),
    )


def maturity_chart(analysis: Analysis, lang: str) -> Chart:
    w = _Words(analysis, lang)
    themes = analysis.instrument.maturity_themes
    levels = [analysis.maturity.themes[t.code] or 0 for t in themes]
    return Chart(
        categories=[w.of(t.title) for t in themes],
        series=[Series(w("col_level"), levels, "blue")],
        bar_labels=[str(v) if v else "—" for v in levels],
        ticks=[
            (level, f"{level} {w.of(label)}")
            for level, label in analysis.instrument.maturity_levels.items()
        ],
        max_value=5,
        alt=w("maturity_chart"),
    )


# --- the report ------------------------------------------------------------------------


def _participants(analysis: Analysis) -> dict[str, int]:
    totals = Counter()
    for session in analysis.sessions:
        for p in session.participants.all():
            totals.update({"women": p.women, "men": p.men, "other": p.other})
    totals["participants"] = totals["women"] + totals["men"] + totals["other"]
    return totals


def _key_figures(analysis: Analysis, w: _Words) -> KeyFigures:
    level = analysis.maturity.overall
    return KeyFigures([
        (w.measure("inventoried"), w("kf_inventoried")),
        (w.measure("published"), w("kf_published")),
        (w.measure("share_open_licence"), w("kf_open")),
        (str(level) if level else "—", w("kf_maturity")),
        (str(_participants(analysis)["participants"]), w("kf_participants")),
    ])  # fmt: skip


def _summary(analysis: Analysis, w: _Words) -> Section:
    counts = Counter(analysis.ratings.values())
    first = [w.of(r.title) for r in analysis.advice.recommendations if r.priority == 1]
    return Section(w("summary"), [
        Paragraph(w("summary_lead", municipality=w.of(analysis.municipality.name), started=w.date(analysis.assessment.started)), "lead"),
        _key_figures(analysis, w),
        Figure(rating_chart(analysis, w.lang), w("rating_chart")),
        Paragraph(w("summary_ratings", green=counts["GREEN"], yellow=counts["YELLOW"], red=counts["RED"], unrated=counts[UNRATED])),
        Paragraph(w("summary_priorities"), "label"),
        Bullets(first),
    ], anchor="summary")  # fmt: skip


def _method(analysis: Analysis, w: _Words) -> Section:
    instrument = analysis.instrument
    people = _participants(analysis)
    ratings = instrument.ratings
    return Section(w("method"), [
        Paragraph(w("objectives")),
        Paragraph(w("method_instrument", title=w.of(instrument.title), version=instrument.version, basis=w.of(instrument.basis))),
        Paragraph(w("method_sources", questions=len(instrument.questions) + len(instrument.maturity_questions),
                    services=len(analysis.surveys), submitted=analysis.progress.surveys[0],
                    sessions=len(analysis.sessions), participants=people["participants"])),
        Paragraph(w("method_rubric")),
        Table([w("col_rating"), w("col_meaning")],
              [[w.rating_cell(code), w.of(ratings[code]["meaning"])] for code in ("RED", "YELLOW", "GREEN", UNRATED)],
              caption=w("scale_table"), widths=[1, 4]),
    ], anchor="method")  # fmt: skip


def _source(evidence, w: _Words) -> str:
    return f"{w.of(evidence.text)} ({w('source_' + evidence.source)})"


def _dimension(result: DimensionResult, w: _Words) -> Section:
    instrument = w.a.instrument
    if result.override:
        headline = w(
            "rating_overridden",
            rating=w.rating(result.rating),
            proposed=w.rating(result.proposed.rating),
        )
        reasons = [w("override_reason", reason=w.of(result.override.reason))] + [
            w.of(r.text) for r in result.proposed.reasons
        ]
    else:
        headline = w("rating_proposed", rating=w.rating(result.rating))
        reasons = [w.of(r.text) for r in result.proposed.reasons]
    meaning = w.of(instrument.ratings[result.rating]["meaning"])
    rows = [
        [w.of(q.text), w.of(instrument.importance[q.importance]),
         w.of(instrument.scale[value]) if value is not None else w("not_answered"), note]
        for q, value, note in result.answers
    ]  # fmt: skip
    blocks = [
        Callout(headline, meaning, RATING_TONES[result.rating], reasons),
        Paragraph(w.of(result.dimension.description)),
        Table([w("col_question"), w("col_importance"), w("col_answer"), w("col_note")], rows,
              caption=w("answers_table", dimension=w.of(result.dimension.title)), widths=[5, 1.4, 1.6, 2.5]),
    ]  # fmt: skip
    for direction, key in (("+", "evidence_for"), ("-", "evidence_against")):
        items = [_source(e, w) for e in result.evidence if e.direction == direction]
        blocks += [
            Paragraph(w(key), "label"),
            Bullets(items) if items else Paragraph(w("no_evidence"), "note"),
        ]
    return Section(w.of(result.dimension.title), blocks)


def _maturity(analysis: Analysis, w: _Words) -> Section:
    instrument, result = analysis.instrument, analysis.maturity
    rows = [
        [w.of(t.title), str(level) if (level := result.themes[t.code]) else w("no_level"),
         w.of(instrument.maturity_levels[level]) if level else w("not_answered")]
        for t in instrument.maturity_themes
    ]  # fmt: skip
    overall = (
        w(
            "maturity_overall",
            level=f"{result.overall} ({w.of(instrument.maturity_levels[result.overall])})",
        )
        if result.overall
        else w("maturity_incomplete", answered=result.answered, total=result.total)
    )
    return Section(w("maturity"), [
        Paragraph(w("maturity_lead", rule=w.of(instrument.maturity_rule))),
        Paragraph(overall),
        Table([w("col_theme"), w("col_level"), w("col_meaning")], rows, caption=w("maturity_chart"), widths=[4, 1, 2]),
        Figure(maturity_chart(analysis, w.lang), w("maturity_chart")),
    ], anchor="maturity")  # fmt: skip


def _inventory(analysis: Analysis, w: _Words) -> Section:
    kinds = analysis.instrument.kinds
    services = sorted({r.dataset.service for r in analysis.inventory}, key=lambda s: s.code)
    surveys = {s.service_id: s for s in analysis.surveys}
    subsections = []
    for service in services:
        rows = []
        for row in (r for r in analysis.inventory if r.dataset.service_id == service.id):
            d = row.dataset
            rows.append([
                w.of(d.title),
                w.of(kinds[row.entry.kind]) if row.entry else "—",
                d.current_format or "—",
                w.yes_no(d.digital) if d.exists else w("not_exists"),
                w.of(d.frequency.label) if d.frequency else "—",
                w.yes_no(d.personal_data),
                Cell(w(f"status_{d.status}"), STATUS_TONES.get(d.status)),
                Cell(w(f"priority_{row.priority.level}"), {1: "green", 2: "yellow", 3: "grey"}[row.priority.level])
                if row.priority else w("not_assessed"),
            ])  # fmt: skip
        blocks = []
        if service.id in surveys:
            blocks.append(
                Paragraph(
                    w("survey_status", status=w(f"survey_{surveys[service.id].status}")), "note"
                )
            )
        blocks.append(Table(
            [w("col_dataset"), w("col_kind"), w("col_format"), w("col_digital"), w("col_frequency"),
             w("col_personal"), w("col_status"), w("col_priority")],
            rows, caption=w("service_table", service=w.of(service.name)), widths=[4, 1.6, 1.2, 1, 1.3, 1, 1.4, 1.2],
        ))  # fmt: skip
        subsections.append(Section(w.of(service.name), blocks))
    return Section(w("inventory"), [
        Paragraph(w("inventory_lead", inventoried=w.measure("inventoried"), services=len(services))),
        Figure(inventory_chart(analysis, w.lang), w("inventory_chart")),
        Table([w("col_measure"), w("col_value")], [[w(f"measure_{m}"), w.measure(m)] for m in MEASURES],
              caption=w("measures_table"), widths=[4, 1]),
        Figure(openness_chart(analysis, w.lang), w("openness_chart")),
    ], subsections, anchor="inventory")  # fmt: skip


def _sessions(analysis: Analysis, w: _Words) -> Section:
    if not analysis.sessions:
        return Section(w("sessions"), [Paragraph(w("no_sessions"))], anchor="sessions")
    groups = analysis.instrument.stakeholder_groups
    dimensions = {d.code: d.title for d in analysis.instrument.dimensions}
    people = _participants(analysis)
    rows, subsections = [], []
    for s in analysis.sessions:
        parts = list(s.participants.all())
        women, men, other = (sum(getattr(p, g) for p in parts) for g in ("women", "men", "other"))
        rows.append([w.date(s.held_on), s.place, w.of(groups.get(s.stakeholder_group, s.stakeholder_group)),
                     str(women), str(men), str(other), str(women + men + other)])  # fmt: skip
        findings = [
            w("finding_line", sign="+" if f.direction == "+" else "−", dimension=w.of(dimensions.get(f.dimension, f.dimension)), text=w.of(f.text))
            for f in s.findings.all()
        ]  # fmt: skip
        blocks = []
        if s.question_list:
            blocks += [Paragraph(w("questions_asked"), "label"), Bullets(s.question_list)]
        if findings:
            blocks += [Paragraph(w("session_findings"), "label"), Bullets(findings)]
        title = w(
            "session_title", title=w.of(s.title), kind=w(f"kind_{s.kind}"), date=w.date(s.held_on)
        )
        subsections.append(Section(title, blocks))
    return Section(w("sessions"), [
        Paragraph(w("sessions_lead", sessions=len(analysis.sessions), **people)),
        Table([w("col_date"), w("col_place"), w("col_group"), w("col_women"), w("col_men"), w("col_other"), w("col_total")],
              rows, caption=w("sessions_table"), widths=[2, 2.5, 2.5, 1, 1, 1, 1]),
    ], subsections, anchor="sessions")  # fmt: skip


def _why(row, w: _Words) -> str:
    scales = {name: w.a.instrument.inventory_scale(name) for name in ("value", "demand", "effort")}
    entry = row.entry
    return w("why_line", **{name: w.of(scales[name][getattr(entry, name)]) for name in scales})


def _key_datasets(analysis: Analysis, w: _Words) -> Section:
    rows = [
        [w.of(r.dataset.title), w.of(r.dataset.service.name), w.of(analysis.instrument.kinds[r.entry.kind]),
         str(r.priority.score), _why(r, w)]
        for r in analysis.key_datasets()
    ]  # fmt: skip
    if not rows:
        return Section(w("key_datasets"), [Paragraph(w("no_key_datasets"))], anchor="key-datasets")
    return Section(w("key_datasets"), [
        Paragraph(w("key_datasets_lead")),
        Table([w("col_dataset"), w("col_service"), w("col_kind"), w("col_score"), w("col_why")], rows,
              caption=w("key_datasets"), widths=[3.5, 3, 1.6, 0.8, 3]),
    ], anchor="key-datasets")  # fmt: skip


def _recommendations(analysis: Analysis, w: _Words) -> Section:
    advice = analysis.advice
    tables = {
        "formats": Table([w("col_kind"), w("col_formats"), w("col_how")],
                         [[w.of(f.label), ", ".join(f.formats), w.of(f.note)] for f in advice.formats],
                         caption=w("formats_table"), widths=[2, 1.5, 4]),
        "standards": Table([w("col_standard"), w("col_use"), w("col_url")],
                           [[s.title, w.of(s.use), s.url] for s in advice.standards],
                           caption=w("standards_table"), widths=[2, 3, 3]),
        "uri": Table([w("col_thing"), w("col_identifier"), w("col_document")],
                     [[w.of(u.thing), u.id, u.doc] for u in advice.uris],
                     caption=w("uri_table"), widths=[1.6, 3, 3]),
    }  # fmt: skip
    subsections = []
    for topic, label in advice.topics.items():
        blocks = []
        for r in advice.by_topic(topic):
            blocks += [
                Callout(w.of(r.title), w.of(r.text), {1: "blue", 2: "grey", 3: "grey"}[r.priority], [w("priority_label", n=r.priority)]),
                Paragraph(w("why", text=w.of(r.rationale))),
                Paragraph(w("reference", title=r.reference.title, url=r.reference.url), "note"),
            ]  # fmt: skip
        if topic in tables:
            blocks.append(tables[topic])
        if blocks:
            subsections.append(Section(w.of(label), blocks))
    return Section(w("recommendations"), [
        Paragraph(w("recommendations_lead", municipality=w.of(analysis.municipality.name))),
    ], subsections, anchor="recommendations")  # fmt: skip


def _conclusions(analysis: Analysis, w: _Words) -> Section:
    titles = {d.code: d.title for d in analysis.instrument.dimensions}
    weak = [w.of(d.dimension.title) for d in analysis.dimensions if d.rating in ("RED", "YELLOW")]
    blocks = []
    if own := w.of(analysis.assessment.conclusions).strip():
        blocks += [Paragraph(p) for p in own.split("\n\n") if p.strip()]
    first = [r for r in analysis.advice.recommendations if r.priority == 1]
    blocks += [
        Paragraph(w("conclusions_generated", weakest=", ".join(weak) or w("no_weak"))),
        Bullets([w.of(r.title) for r in first]),
        Table([w("col_recommendation"), w("col_dimension"), w("col_priority")],
              [[w.of(r.title), w.of(titles[r.dimension]), str(r.priority)] for r in analysis.advice.recommendations],
              caption=w("priorities_table"), widths=[5, 3, 1]),
    ]  # fmt: skip
    return Section(w("conclusions"), blocks, anchor="conclusions")


def _annex(analysis: Analysis, w: _Words) -> Section:
    instrument = analysis.instrument
    scale = "; ".join(f"{v} {w.of(label)}" for v, label in instrument.scale.items())
    subsections = []
    for d in instrument.dimensions:
        blocks = [
            Paragraph(
                f"{w('col_importance')}: {w.of(instrument.importance[d.importance])}. {w.of(d.description)}"
            ),
            Bullets(
                [
                    f"{w.of(q.text)} ({w.of(instrument.importance[q.importance])})"
                    for q in d.questions
                ]
            ),
            Paragraph(w("annex_evidence"), "label"),
            Bullets([f"{'+' if e.direction == '+' else '−'} {w.of(e.text)}" for e in d.evidence]),
        ]
        if d.gates:
            blocks += [
                Paragraph(w("annex_gates"), "label"),
                Bullets([w.of(g.text) for g in d.gates]),
            ]
        subsections.append(Section(f"{d.number}. {w.of(d.title)}", blocks))
    maturity_blocks = [Paragraph(w.of(instrument.maturity_rule))]
    for theme in instrument.maturity_themes:
        for activity in theme.activities:
            for q in activity.questions:
                maturity_blocks += [
                    Paragraph(
                        f"{w.of(theme.title)} · {w.of(activity.title)}: {w.of(q.text)}", "label"
                    ),
                    Bullets([f"{n}. {w.of(s)}" for n, s in enumerate(q.statements, 1)]),
                ]
    subsections.append(Section(w("annex_maturity"), maturity_blocks))
    priority = instrument.inventory["priority"]
    weights = {f"w_{k}": v for k, v in priority["weights"].items()}
    subsections.append(Section(w("annex_inventory"), [
        Bullets([w.of(q["text"]) for q in instrument.inventory["questions"]]),
        Paragraph(w("annex_priority"), "label"),
        Paragraph(w("annex_priority_text", high_min=priority["high_min"], medium_min=priority["medium_min"], **weights)),
    ]))  # fmt: skip
    guide = instrument.focus_guide
    subsections.append(
        Section(w("annex_focus"), [Bullets([w.of(q) for part in guide.values() for q in part])])
    )
    return Section(w("annex"), [Paragraph(w("annex_lead", title=w.of(instrument.title), version=instrument.version, scale=scale))],
                   subsections, anchor="annex")  # fmt: skip


def build_report(analysis: Analysis, lang: str, today: date | None = None) -> Document:
    w = _Words(analysis, lang)
    name = w.of(analysis.municipality.name)
    return Document(
        lang=lang,
        title=w("title", municipality=name),
        subtitle=w("subtitle"),
        publisher=name,
        date=today or date.today(),
        sections=[
            _summary(analysis, w),
            _method(analysis, w),
            Section(
                w("findings"),
                [],
                [_dimension(d, w) for d in analysis.dimensions],
                anchor="findings",
            ),
            _maturity(analysis, w),
            _inventory(analysis, w),
            _sessions(analysis, w),
            _key_datasets(analysis, w),
            _recommendations(analysis, w),
            _conclusions(analysis, w),
            _annex(analysis, w),
        ],
    )


def build_deck(analysis: Analysis, lang: str, today: date | None = None) -> Deck:
    w = _Words(analysis, lang)
    advice = analysis.advice
    obstacles = [
        f"{w.of(d.dimension.title)}: {w.of(d.proposed.reasons[0].text)}"
        for d in analysis.dimensions if d.rating == "RED" and d.proposed.reasons
    ]  # fmt: skip
    heard = [
        f"{'+' if f.direction == '+' else '−'} {w.of(f.text)}"
        for s in analysis.sessions
        for f in s.findings.all()
    ][:8]
    key = [f"{w.of(r.dataset.title)} ({r.priority.score})" for r in analysis.key_datasets(8)]
    foundations = [
        w.of(r.title)
        for topic in ("licence", "formats", "standards", "uri")
        for r in advice.by_topic(topic)
    ]
    next_steps = [
        w.of(r.title)
        for r in advice.recommendations
        if r.priority == 1 and r.topic not in ("licence", "formats", "standards", "uri")
    ]
    slides = [
        Slide(w("slide_ratings"), [Figure(rating_chart(analysis, lang), w("rating_chart"))]),
        Slide(w("slide_figures"), [_key_figures(analysis, w), Figure(openness_chart(analysis, lang), w("openness_chart"))]),
        Slide(w("slide_obstacles"), [Bullets(obstacles) if obstacles else Paragraph(w("no_obstacles"))]),
        Slide(w("inventory"), [Figure(inventory_chart(analysis, lang), w("inventory_chart"))]),
        Slide(w("key_datasets"), [Bullets(key) if key else Paragraph(w("no_key_datasets"))]),
        Slide(w("slide_heard"), [Bullets(heard) if heard else Paragraph(w("no_sessions"))]),
        Slide(w("slide_foundations"), [Bullets(foundations)]),
        Slide(w("slide_next"), [Bullets(next_steps)]),
    ]  # fmt: skip
    name = w.of(analysis.municipality.name)
    return Deck(
        lang, w("title", municipality=name), w("deck_subtitle"), today or date.today(), slides
    )


# Output formats: name -> (media type, file extension).
FORMATS = {
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "html": ("text/html; charset=utf-8", "html"),
    "slides": ("text/html; charset=utf-8", "html"),
    "slides-pdf": ("application/pdf", "pdf"),
}


def render(analysis: Analysis, lang: str, fmt: str, today: date | None = None) -> bytes:
    """The report (pdf, docx, html) or the slide summary (slides, slides-pdf) as bytes."""
    from ghia.documents.html import render_deck, render_document
    from ghia.documents.pdf import render_pdf
    from ghia.documents.word import render_docx

    if fmt in ("slides", "slides-pdf"):
        deck = build_deck(analysis, lang, today)
        return render_deck(deck).encode("utf-8") if fmt == "slides" else render_pdf(deck)
    doc = build_report(analysis, lang, today)
    if fmt == "pdf":
        return render_pdf(doc)
    if fmt == "docx":
        return render_docx(doc)
    if fmt == "html":
        return render_document(doc).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")
