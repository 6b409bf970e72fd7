"""Budget and procurement: the finance service's files."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from openpyxl import Workbook

from ghia.catalog.demo.files.base import DemoFile, author, company_ids, maker
from ghia.catalog.demo.messy import (
    TOTAL_LABEL,
    SheetWriter,
    amount_text,
    date_text,
    random_day,
    rng_for,
    split_total,
)
from ghia.catalog.demo.places import AKHALTSIKHE, KUTAISI, SUPPLIERS, City
from ghia.catalog.demo.writers import csv_bytes, xlsx_bytes
from ghia.standards.legacy_fonts import to_legacy

# --- budget ----------------------------------------------------------------------------

# The programme classification of Georgian municipal budgets (first level), with the
# sub-programmes a city typically has and their usual weight in the programme.
PROGRAMMES = (
    ("01", "წარმომადგენლობითი და აღმასრულებელი ორგანოები",
     (("მუნიციპალიტეტის საკრებულო", 1), ("მუნიციპალიტეტის მერია", 3))),
    ("02", "თავდაცვა, საზოგადოებრივი წესრიგი და უსაფრთხოება",
     (("სამხედრო აღრიცხვა და გაწვევა", 2), ("საზოგადოებრივი წესრიგის დაცვა", 3))),
    ("03", "ინფრასტრუქტურის მშენებლობა, რეაბილიტაცია და ექსპლუატაცია",
     (("გზების მშენებლობა და რეაბილიტაცია", 6), ("გარე განათება", 2), ("მუნიციპალური ტრანსპორტი", 3),
      ("ბინათმესაკუთრეთა ამხანაგობების ხელშეწყობა", 1), ("წყალმომარაგება და წყალარინება", 2))),
    ("04", "დასუფთავება და გარემოს დაცვა",
     (("დასუფთავება და ნარჩენების გატანა", 5), ("მწვანე ნარგავების მოვლა", 2), ("უპატრონო ცხოველების მართვა", 1))),
    ("05", "განათლება",
     (("სკოლამდელი აღზრდა და განათლება", 8), ("მოსწავლეთა ტრანსპორტირება", 1), ("ზოგადი განათლების ხელშეწყობა", 1))),
    ("06", "კულტურა, ახალგაზრდობა და სპორტი",
     (("სპორტის განვითარება", 3), ("კულტურის დაწესებულებების ხელშეწყობა", 3), ("კულტურული ღონისძიებები", 2),
      ("ახალგაზრდული პროგრამები", 1))),
    ("07", "ჯანმრთელობის დაცვა და სოციალური უზრუნველყოფა",
     (("სოციალური დახმარების პროგრამები", 5), ("შშმ პირთა ხელშეწყობა", 2), ("საზოგადოებრივი ჯანდაცვა", 2))),
)  # fmt: skip

KUTAISI_BUDGET_2022 = (
    11_240_000,
    1_150_000,
    31_860_000,
    10_420_000,
    16_930_000,
    9_876_000,
    8_400_000,
)
AKHALTSIKHE_BUDGET_2017 = (2_150_000, 95_000, 2_870_400, 780_000, 1_120_000, 690_000, 207_000)
KUTAISI_BUDGET_2023 = (
    12_610_000,
    1_240_000,
    37_480_000,
    11_950_000,
    19_870_000,
    11_262_300,
    10_100_000,
)


def _budget_lines(amounts: Sequence[int], rng, executed_share: tuple[float, float]):
    """Rows (code, name, approved, revised, executed, is_programme): each programme first,
    then its sub-programmes, as a finance service lays the budget out."""
    for (code, name, subprogrammes), amount in zip(PROGRAMMES, amounts, strict=True):
        rows = []
        for number, ((sub_name, _), approved) in enumerate(
            zip(
                subprogrammes,
                split_total(amount, [w for _, w in subprogrammes], step=100),
                strict=True,
            ),
            1,
        ):
            revised = approved + round(approved * rng.uniform(-0.04, 0.08), -2)
            executed = round(revised * rng.uniform(*executed_share), 2)
            rows.append((f"{code} {number:02d}", sub_name, approved, revised, executed, False))
        yield (
            f"{code} 00",
            name,
            amount,
            sum(r[3] for r in rows),
            round(sum(r[4] for r in rows), 2),
            True,
        )
        yield from rows


def _budget_workbook(
    name: str, city: City, year: int, amounts: Sequence[int], legacy: bool
) -> DemoFile:
    rng = rng_for(name)
    wb = Workbook()
    ws = wb.active
    ws.title = to_legacy("ბიუჯეტი") if legacy else f"ბიუჯეტი {year}"
    sheet = SheetWriter(ws, width=6, legacy=legacy)
    sheet.title(f"{city.genitive} მუნიციპალიტეტის {year} წლის ბიუჯეტის შესრულება")
    sheet.title("ხარჯები პროგრამების მიხედვით (ლარი)")
    sheet.blank()
    header_row = sheet.header(
        [
            "პროგრამული კოდი",
            "დასახელება",
            "დამტკიცებული გეგმა",
            "დაზუსტებული გეგმა",
            "ფაქტიური შესრულება",
            "შესრულება %",
        ]
    )
    lines = list(_budget_lines(amounts, rng, (0.86, 0.995)))
    for code, title, approved, revised, executed, is_programme in lines:
        percent = amount_text(executed / revised * 100, decimals=1) + "%"
        if is_programme:
            sheet.data(
                [code, title, approved, revised, executed, percent],
                bold=True,
                number_format="#,##0.00",
            )
        else:
            # Typed in by hand: the revised plan now a number, now text.
            revised_cell = amount_text(revised) if rng.random() < 0.4 else revised
            sheet.data(
                [code, "   " + title, approved, revised_cell, amount_text(executed), percent]
            )
    programmes = [line for line in lines if line[5]]
    totals = [sum(line[i] for line in programmes) for i in (2, 3, 4)]
    sheet.data(
        [None, TOTAL_LABEL, totals[0], totals[1], round(totals[2], 2), amount_text(totals[2] / totals[1] * 100, decimals=1) + "%"],
        bold=True, number_format="#,##0.00",
    )  # fmt: skip
    sheet.blank()
    sheet.note(f"შენიშვნა: შესრულება მოცემულია 31.12.{year} მდგომარეობით.")
    if legacy:
        # Sheets nobody removed, as in many old workbooks.
        wb.create_sheet("Sheet2")
        wb.create_sheet("Sheet3")
    facts = {
        "sheet": ws.title, "header_row": header_row, "title_rows": 2, "rows": len(lines),
        "totals_label": TOTAL_LABEL, "total_approved": sum(amounts),
        "legacy_font": "AcadNusx" if legacy else None,
    }  # fmt: skip
    return DemoFile(name, xlsx_bytes(wb, author(city)), facts)


@maker
def kutaisi_budget_2022() -> DemoFile:
    return _budget_workbook(
        "kutaisi-budget-2022.xlsx", KUTAISI, 2022, KUTAISI_BUDGET_2022, legacy=False
    )


@maker
def akhaltsikhe_budget_2017() -> DemoFile:
    return _budget_workbook(
        "akhaltsikhe-budget-2017.xlsx", AKHALTSIKHE, 2017, AKHALTSIKHE_BUDGET_2017, legacy=True
    )


def _budget_execution(quarter: int, share: tuple[float, float]) -> DemoFile:
    """An export of the budget system: a plain, tidy CSV (so not every file is a puzzle)."""
    name = f"kutaisi-budget-execution-2023-q{quarter}.csv"
    rng = rng_for(name)
    rows = [["კოდი", "დასახელება", "წლიური გეგმა", "შესრულება", "შესრულება %"]]
    for code, title, _, revised, executed, is_programme in _budget_lines(
        KUTAISI_BUDGET_2023, rng, share
    ):
        if not is_programme:
            rows.append(
                [
                    code,
                    title,
                    f"{revised:.2f}",
                    f"{executed:.2f}",
                    f"{executed / revised * 100:.1f}",
                ]
            )
    return DemoFile(
        name,
        csv_bytes(rows),
        {"encoding": "utf-8", "delimiter": ",", "header_row": 1, "rows": len(rows) - 1},
    )


@maker
def kutaisi_budget_execution_q3() -> DemoFile:
    return _budget_execution(3, (0.62, 0.74))


@maker
def kutaisi_budget_execution_q4() -> DemoFile:
    return _budget_execution(4, (0.90, 0.99))


# --- procurement -----------------------------------------------------------------------

# CPV code, object of the purchase, typical contract range in GEL, procedure (NAT: electronic
# tender, SPA: simplified procurement), trade of the suppliers.
PURCHASES = (
    ("45233142-6", "გზების შეკეთების სამუშაოები", 80_000, 2_400_000, "NAT", "construction"),
    ("45214100-1", "ბაგა-ბაღის შენობის რეაბილიტაცია", 60_000, 900_000, "NAT", "construction"),
    ("09132100-4", "უტყვიო ბენზინი", 20_000, 180_000, "NAT", "fuel"),
    ("15894200-3", "ბაგა-ბაღების კვების მომსახურება", 200_000, 1_800_000, "NAT", "food"),
    ("90511000-2", "ნარჩენების შეგროვება და გატანა", 150_000, 900_000, "NAT", "city services"),
    ("50232100-1", "გარე განათების ქსელის მოვლა-შენახვა", 40_000, 400_000, "NAT", "lighting"),
    ("77310000-6", "მწვანე ნარგავების მოვლა", 30_000, 350_000, "NAT", "city services"),
    ("30192000-1", "საოფისე საქონელი", 1_500, 25_000, "SPA", "office"),
    ("79952000-2", "კულტურული ღონისძიების ორგანიზება", 3_000, 60_000, "SPA", "events"),
    ("44111000-1", "სამშენებლო მასალები", 5_000, 80_000, "SPA", "construction"),
    ("72000000-5", "ინფორმაციული ტექნოლოგიების მომსახურება", 5_000, 45_000, "SPA", "office"),
)
CONTRACT_STATES = ("ხელშეკრულება დადებულია", "შესრულებულია", "შესრულებულია", "მიმდინარე")


def _contracts(rng, count: int, year: int):
    companies = company_ids(rng)
    for _ in range(count):
        cpv, item, low, high, procedure, trade = rng.choice(PURCHASES)
        company = rng.choice(SUPPLIERS[trade])
        # Large contracts are rare: draw on a log scale.
        amount = round(math.exp(rng.uniform(math.log(low), math.log(high))), 2)
        yield {
            "tender": f"{procedure}{year % 100}{rng.randrange(10**7):07d}", "cpv": cpv, "item": item,
            "supplier": company, "supplier_id": companies[company], "amount": amount,
            "date": random_day(rng, dt.date(year, 1, 10), dt.date(year, 12, 28)), "state": rng.choice(CONTRACT_STATES),
        }  # fmt: skip


@maker
def kutaisi_procurement_2023() -> DemoFile:
    """Semicolons, a byte-order mark, decimal commas, text dates, a duplicated row and a
    supplier name with spaces around it: an export reworked in a spreadsheet."""
    name = "kutaisi-procurement-2023.csv"
    rng = rng_for(name)
    header = ["ტენდერის ნომერი", "CPV კოდი", "შესყიდვის ობიექტი", "მიმწოდებელი", "საიდენტიფიკაციო კოდი",
              "ხელშეკრულების თანხა (ლარი)", "ხელშეკრულების თარიღი", "სტატუსი"]  # fmt: skip
    rows = [
        [
            c["tender"],
            c["cpv"],
            c["item"],
            c["supplier"],
            c["supplier_id"],
            f"{c['amount']:.2f}".replace(".", ","),
            date_text(c["date"]),
            c["state"],
        ]
        for c in sorted(_contracts(rng, 140, 2023), key=lambda c: c["date"])
    ]
    rows.insert(57, list(rows[56]))
    rows[90][3] = f"  {rows[90][3]} "
    facts = {
        "encoding": "utf-8-sig",
        "delimiter": ";",
        "decimal": ",",
        "header_row": 1,
        "rows": len(rows),
        "duplicate_rows": 1,
    }
    return DemoFile(name, csv_bytes([header, *rows], delimiter=";", bom=True), facts)


@maker
def akhaltsikhe_procurement_2023() -> DemoFile:
    name = "akhaltsikhe-procurement-2023.csv"
    rng = rng_for(name)
    header = ["tender_id", "object", "supplier", "supplier_code", "amount_gel", "contract_date"]
    rows = [
        [
            c["tender"],
            c["item"],
            c["supplier"],
            c["supplier_id"],
            f"{c['amount'] / 4:.2f}",
            c["date"].isoformat(),
        ]
        for c in sorted(_contracts(rng, 45, 2023), key=lambda c: c["date"])
    ]
    return DemoFile(
        name,
        csv_bytes([header, *rows]),
        {"encoding": "utf-8", "delimiter": ",", "header_row": 1, "rows": len(rows)},
    )
