"""Documents rather than tables: PDF lists and a Word file, as smaller offices publish."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

import docx

from ghia.catalog.demo.files.base import DemoFile, address, author, maker
from ghia.catalog.demo.messy import date_text, random_day, rng_for
from ghia.catalog.demo.places import AKHALTSIKHE, KUTAISI, City
from ghia.catalog.demo.writers import docx_bytes, pdf_bytes

DECISIONS = (
    "{city} მუნიციპალიტეტის {year} წლის ბიუჯეტში ცვლილებების შეტანის შესახებ",
    "მუნიციპალიტეტის საკუთრებაში არსებული უძრავი ქონების პრივატიზების შესახებ",
    "მუნიციპალიტეტის ქონების სარგებლობის უფლებით გადაცემის შესახებ",
    "საკრებულოს რეგლამენტში ცვლილების შეტანის შესახებ",
    "ქუჩისთვის სახელის მინიჭების შესახებ",
    "სოციალური დახმარების პროგრამების დამტკიცების შესახებ",
    "ბაგა-ბაღებში მომსახურების საფასურის დადგენის შესახებ",
    "{city} მუნიციპალიტეტის {prev} წლის ბიუჯეტის შესრულების ანგარიშის მოწონების შესახებ",
    "საპატიო მოქალაქის წოდების მინიჭების შესახებ",
    "ადგილობრივი მოსაკრებლის განაკვეთის დადგენის შესახებ",
)

_PDF_STYLE = """
@page { size: A4; margin: 18mm }
body { font-family: 'Noto Sans Georgian', sans-serif; font-size: 10pt }
h1 { font-size: 13pt; text-align: center } p.sub { text-align: center }
table { border-collapse: collapse; width: 100% } td, th { border: 0.5pt solid #444; padding: 3pt }
"""


def _pdf_table(title: str, subtitle: str, header: Sequence[str], rows: Sequence[Sequence]) -> bytes:
    cells = "".join(
        "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    return pdf_bytes(
        f"<!doctype html><html lang='ka'><head><meta charset='utf-8'><style>{_PDF_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1><p class='sub'>{escape(subtitle)}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table></body></html>"
    )


def _council_decisions(name: str, city: City, count: int) -> DemoFile:
    rng = rng_for(name)
    days = sorted(
        random_day(rng, dt.date(2023, 1, 12), dt.date(2023, 12, 27)) for _ in range(count)
    )
    rows = [
        (
            f"№{n}",
            date_text(day),
            rng.choice(DECISIONS).format(city=city.genitive, year=2023, prev=2022),
        )
        for n, day in enumerate(days, 1)
    ]
    content = _pdf_table(f"{city.genitive} მუნიციპალიტეტის საკრებულოს 2023 წლის გადაწყვეტილებები",
                         "საკრებულოს აპარატი", ("ნომერი", "თარიღი", "დასახელება"), rows)  # fmt: skip
    return DemoFile(name, content, {"rows": count, "kind": "document"})


@maker
def kutaisi_council_decisions() -> DemoFile:
    return _council_decisions("kutaisi-council-decisions-2023.pdf", KUTAISI, 34)


@maker
def akhaltsikhe_council_decisions() -> DemoFile:
    return _council_decisions("akhaltsikhe-council-decisions-2023.pdf", AKHALTSIKHE, 19)


@maker
def akhaltsikhe_sports_facilities() -> DemoFile:
    name = "akhaltsikhe-sports-facilities.pdf"
    rng = rng_for(name)
    kinds = ("სტადიონი", "სპორტული დარბაზი", "მინი-სტადიონი", "საცურაო აუზი", "ჭადრაკის სკოლა")
    rows = [(n, rng.choice(kinds), address(rng, AKHALTSIKHE), rng.choice(("კარგი", "დამაკმაყოფილებელი", "საჭიროებს რემონტს")))
            for n in range(1, 12)]  # fmt: skip
    content = _pdf_table(
        "ახალციხის მუნიციპალიტეტის სპორტული ობიექტები",
        "2023 წელი",
        ("№", "ობიექტი", "მისამართი", "მდგომარეობა"),
        rows,
    )
    return DemoFile(name, content, {"rows": len(rows), "kind": "document"})


@maker
def akhaltsikhe_minibus_routes() -> DemoFile:
    name = "akhaltsikhe-minibus-routes.pdf"
    rng = rng_for(name)
    rows = []
    for number, (district, _) in enumerate(AKHALTSIKHE.districts[1:], 1):
        rows.append(
            (
                f"№{number}",
                f"ავტოსადგური – ცენტრალური მოედანი – {district}",
                "0,50 ლარი",
                f"{rng.choice((15, 20, 30, 40))} წთ",
            )
        )
    content = _pdf_table(
        "ახალციხის სამარშრუტო ტაქსების მარშრუტები",
        "2023 წელი",
        ("მარშრუტი", "გზა", "ტარიფი", "ინტერვალი"),
        rows,
    )
    return DemoFile(name, content, {"rows": len(rows), "kind": "document"})


@maker
def akhaltsikhe_cultural_events() -> DemoFile:
    name = "akhaltsikhe-cultural-events-2023.docx"
    rng = rng_for(name)
    events = ("საახალწლო კონცერტი", "ახალციხობა", "ფოლკლორული ფესტივალი", "ხელნაკეთი ნივთების გამოფენა",
              "საბავშვო ხატვის კონკურსი", "თეატრალური საღამო", "წიგნის დღეები", "ჯაზის საღამო")  # fmt: skip
    document = docx.Document()
    document.add_heading("ახალციხის მუნიციპალიტეტის კულტურული ღონისძიებები, 2023", level=1)
    document.add_paragraph(
        "ღონისძიებები ტარდება მუნიციპალიტეტის ბიუჯეტის 06 00 პროგრამის ფარგლებში."
    )
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("თარიღი", "ღონისძიება", "ადგილი"), strict=True):
        cell.text = label
    days = sorted(random_day(rng, dt.date(2023, 1, 1), dt.date(2023, 12, 31)) for _ in range(22))
    for day in days:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = (
            date_text(day),
            rng.choice(events),
            rng.choice(AKHALTSIKHE.landmarks)[0],
        )
    return DemoFile(
        name, docx_bytes(document, author(AKHALTSIKHE)), {"rows": len(days), "kind": "document"}
    )
