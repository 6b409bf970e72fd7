"""A small document exercising every block, in Georgian and in English."""

from datetime import date

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
)

TEXTS = {
    "ka": {
        "title": "ქუთაისის მუნიციპალიტეტის სიტუაციური ანალიზი",
        "publisher": "ქუთაისის მუნიციპალიტეტის მერია",
        "intro": "მერია ღია მონაცემებისთვის მზადყოფნას აფასებს: ხელმძღვანელობა, კანონმდებლობა, მოთხოვნა და ინფრასტრუქტურა.",
        "quote": "სამსახურები „ღია მონაცემებს“ ჯერ მხოლოდ PDF-ად აქვეყნებენ — 2024 წლის მდგომარეობით.",
        "section": "შეფასებები განზომილებების მიხედვით",
        "cell": "ხელმძღვანელობის მხარდაჭერა",
        "rating": "წითელი",
        "caption": "შეფასებების მიმოხილვა",
        "bullet": "ბიუჯეტის შესრულება კვარტლების მიხედვით",
        "callout": "მნიშვნელოვანი დაბრკოლებებია",
    },
    "en": {
        "title": "Situational analysis of Kutaisi municipality",
        "publisher": "Mayor's office of Kutaisi municipality",
        "intro": "The mayor's office assesses its readiness for open data: leadership, law, demand and infrastructure.",
        "quote": "Services publish “open data” only as PDF so far — as of 2024.",
        "section": "Ratings by dimension",
        "cell": "Senior leadership",
        "rating": "RED",
        "caption": "Overview of the ratings",
        "bullet": "Budget execution by quarter",
        "callout": "Significant obstacles",
    },
}


def chart(lang):
    t = TEXTS[lang]
    return Chart(
        categories=[t["cell"], t["bullet"]],
        series=[Series(t["rating"], [1, 3])],
        tones=["red", "green"],
        bar_labels=[t["rating"], t["rating"]],
        max_value=3,
    )


def document(lang):
    t = TEXTS[lang]
    return Document(
        lang=lang,
        title=t["title"],
        subtitle=t["section"],
        publisher=t["publisher"],
        date=date(2024, 5, 3),
        sections=[
            Section(
                t["section"],
                [
                    Paragraph(t["intro"], "lead"),
                    Paragraph(t["quote"]),
                    KeyFigures([("12", t["cell"]), ("45%", t["rating"])]),
                    Bullets([t["bullet"]]),
                ],
                [
                    Section(
                        t["cell"],
                        [
                            Table(
                                [t["cell"], t["rating"]],
                                [[t["cell"], Cell(t["rating"], "red")]],
                                caption=t["caption"],
                            )
                        ],
                    )
                ],
            ),
            Section(
                t["caption"],
                [
                    Figure(chart(lang), t["caption"]),
                    Callout(t["cell"], t["callout"], "red", [t["bullet"]]),
                ],
            ),
        ],
    )


def deck(lang):
    t = TEXTS[lang]
    return Deck(
        lang,
        t["title"],
        t["section"],
        date(2024, 5, 3),
        [
            Slide(t["section"], [Figure(chart(lang), t["caption"])]),
            Slide(t["cell"], [Bullets([t["bullet"], t["quote"]])]),
        ],
    )
