"""Construction permits, municipal property and street repairs."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from ghia.catalog.demo.files.base import DemoFile, address, author, cadastral, maker
from ghia.catalog.demo.messy import (
    TOTAL_LABEL,
    SheetWriter,
    amount_text,
    date_text,
    random_day,
    rng_for,
)
from ghia.catalog.demo.places import AKHALTSIKHE, KUTAISI, SUPPLIERS, City
from ghia.catalog.demo.writers import xlsx_bytes

PURPOSES = ("ინდივიდუალური საცხოვრებელი სახლი", "მრავალბინიანი საცხოვრებელი სახლი", "კომერციული ფართი",
            "სასტუმრო", "ავტოფარეხი", "შენობის მიშენება", "სავაჭრო ობიექტი")  # fmt: skip


def _permits(name: str, city: City, count: int, grouped_header: bool) -> DemoFile:
    """Permits with a two-row header in Kutaisi; dates as text, some as real dates."""
    rng = rng_for(name)
    wb = Workbook()
    ws = wb.active
    ws.title = "ნებართვები 2023"
    sheet = SheetWriter(ws, width=9)
    sheet.title(f"{city.genitive} მუნიციპალიტეტის მიერ 2023 წელს გაცემული მშენებლობის ნებართვები")
    if grouped_header:
        sheet.group_header((("", 1), ("ნებართვა", 3), ("ობიექტი", 3), ("", 2)))
    header_row = sheet.header(
        [
            "№",
            "ნებართვის ნომერი",
            "გაცემის თარიღი",
            "კლასი",
            "დანიშნულება",
            "მისამართი",
            "საკადასტრო კოდი",
            "განმცხადებელი",
            "ფართი (მ²)",
        ]
    )
    days = sorted(random_day(rng, dt.date(2023, 1, 9), dt.date(2023, 12, 29)) for _ in range(count))
    for n, day in enumerate(days, 1):
        applicant = (
            rng.choice(SUPPLIERS["construction"]) if rng.random() < 0.45 else "ფიზიკური პირი"
        )
        sheet.data([
            n, f"{n:04d}/23", day if rng.random() < 0.3 else date_text(day), rng.choice(("II", "II", "III", "III", "IV")),
            rng.choice(PURPOSES), address(rng, city), cadastral(rng, city), applicant,
            amount_text(rng.uniform(40, 4800)),
        ])  # fmt: skip
    facts = {
        "header_row": header_row,
        "header_rows": 2 if grouped_header else 1,
        "rows": count,
        "mixed_dates": True,
    }
    return DemoFile(name, xlsx_bytes(wb, author(city)), facts)


@maker
def kutaisi_permits() -> DemoFile:
    return _permits("kutaisi-construction-permits-2023.xlsx", KUTAISI, 92, grouped_header=True)


@maker
def akhaltsikhe_permits() -> DemoFile:
    return _permits(
        "akhaltsikhe-construction-permits-2023.xlsx", AKHALTSIKHE, 26, grouped_header=False
    )


@maker
def kutaisi_municipal_property() -> DemoFile:
    """Areas with a no-break space between thousands, as Excel's Georgian locale writes them."""
    name = "kutaisi-municipal-property.xlsx"
    rng = rng_for(name)
    wb = Workbook()
    sheet = SheetWriter(wb.active, width=7)
    sheet.title("ქუთაისის მუნიციპალიტეტის საკუთრებაში არსებული უძრავი ქონება")
    sheet.blank()
    header_row = sheet.header(
        [
            "№",
            "ობიექტი",
            "მისამართი",
            "საკადასტრო კოდი",
            "მიწის ფართი (მ²)",
            "შენობის ფართი (მ²)",
            "გამოყენება",
        ]
    )
    kinds = (
        "არასაცხოვრებელი ფართი",
        "მიწის ნაკვეთი",
        "ადმინისტრაციული შენობა",
        "სავაჭრო ფართი",
        "ავტოსადგომი",
    )
    uses = ("იჯარით გაცემული", "თავისუფალი", "მუნიციპალური საჭიროებისთვის")
    for n in range(1, 51):
        kind = rng.choice(kinds)
        building = (
            ""
            if kind in ("მიწის ნაკვეთი", "ავტოსადგომი")
            else amount_text(rng.uniform(35, 2600), thousands="\u00a0")
        )
        sheet.data(
            [
                n,
                kind,
                address(rng, KUTAISI),
                cadastral(rng, KUTAISI),
                amount_text(rng.uniform(80, 12000), thousands="\u00a0"),
                building,
                rng.choice(uses),
            ]
        )
    return DemoFile(
        name,
        xlsx_bytes(wb, author(KUTAISI)),
        {"header_row": header_row, "rows": 50, "thousands": "\u00a0"},
    )


@maker
def kutaisi_road_repairs_2023() -> DemoFile:
    name = "kutaisi-road-repairs-2023.xlsx"
    rng = rng_for(name)
    wb = Workbook()
    sheet = SheetWriter(wb.active, width=9)
    sheet.title("2023 წელს შეკეთებული ქუჩები")
    header_row = sheet.header(
        [
            "№",
            "ქუჩა",
            "სამუშაოს სახე",
            "სიგრძე (მ)",
            "ფართობი (მ²)",
            "კონტრაქტორი",
            "ღირებულება (ლარი)",
            "დაწყება",
            "დასრულება",
        ]
    )
    works = ("ასფალტის საფარის მოწყობა", "ორმული შეკეთება", "ტროტუარის მოწყობა")
    total = 0.0
    for n in range(1, 36):
        start = random_day(rng, dt.date(2023, 3, 1), dt.date(2023, 10, 15))
        length = rng.randint(80, 1400)
        cost = round(length * rng.uniform(90, 260), 2)
        total += cost
        finish = (
            date_text(start + dt.timedelta(days=rng.randint(14, 90)))
            if rng.random() < 0.85
            else "მიმდინარე"
        )
        sheet.data([n, rng.choice(KUTAISI.streets), rng.choice(works), length, amount_text(length * rng.uniform(6, 12), decimals=0),
                    rng.choice(SUPPLIERS["construction"]), cost, date_text(start), finish], number_format="#,##0.00")  # fmt: skip
    sheet.data(
        [None, TOTAL_LABEL, None, None, None, None, round(total, 2)],
        bold=True,
        number_format="#,##0.00",
    )
    return DemoFile(
        name,
        xlsx_bytes(wb, author(KUTAISI)),
        {"header_row": header_row, "rows": 35, "totals_label": TOTAL_LABEL},
    )
