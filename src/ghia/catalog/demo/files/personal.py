"""Files that hold personal data: the reason some datasets stay unpublished or were withdrawn."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from ghia.catalog.demo.files.base import DemoFile, address, author, maker
from ghia.catalog.demo.messy import SheetWriter, date_text, random_day, rng_for
from ghia.catalog.demo.places import AKHALTSIKHE, FIRST_NAMES, KUTAISI, SURNAMES, City
from ghia.catalog.demo.writers import csv_bytes, xlsx_bytes


@maker
def kutaisi_parking_fines_2021() -> DemoFile:
    """Withdrawn from publication: it holds car plates."""
    name = "kutaisi-parking-fines-2021.csv"
    rng = rng_for(name)
    letters = "ABCDEFGHIKLMNOPRSTUVWXZ"
    rows = [["თარიღი", "სახელმწიფო ნომერი", "დარღვევა", "ჯარიმა (ლარი)", "ქუჩა"]]
    for _ in range(80):
        pick = "".join(rng.choice(letters) for _ in range(4))
        plate = (
            f"{pick[:2]}-{rng.randrange(1000):03d}-{pick[2:]}"
            if rng.random() < 0.85
            else f"{pick[:3]}-{rng.randrange(1000):03d}"
        )
        violation, fine = rng.choice(
            (
                ("ფასიანი პარკირების საფასური არ არის გადახდილი", 20),
                ("პარკირება აკრძალულ ადგილას", 50),
            )
        )
        rows.append(
            [
                random_day(rng, dt.date(2021, 1, 1), dt.date(2021, 12, 31)).isoformat(),
                plate,
                violation,
                fine,
                rng.choice(KUTAISI.streets),
            ]
        )
    return DemoFile(
        name,
        csv_bytes(rows),
        {"encoding": "utf-8", "delimiter": ",", "rows": 80, "personal_data": ["სახელმწიფო ნომერი"]},
    )


def _social_assistance(name: str, city: City, count: int) -> DemoFile:
    """Not public: names, personal numbers (some stored as numbers, losing a leading zero)
    and mobile numbers written three ways. All invented."""
    rng = rng_for(name)
    wb = Workbook()
    sheet = SheetWriter(wb.active, width=8)
    sheet.title(f"{city.genitive} მუნიციპალიტეტის სოციალური დახმარების მიმღებები, 2023")
    header_row = sheet.header(
        [
            "№",
            "სახელი, გვარი",
            "პირადი ნომერი",
            "დაბადების თარიღი",
            "მისამართი",
            "ტელეფონი",
            "პროგრამა",
            "თანხა (ლარი)",
        ]
    )
    programmes = ("ერთჯერადი ფინანსური დახმარება", "მრავალშვილიანი ოჯახების დახმარება",
                  "სამედიცინო მომსახურების თანადაფინანსება", "უფასო სასადილო")  # fmt: skip
    for n in range(1, count + 1):
        personal = f"{rng.choice('0123456')}{rng.randrange(10**10):010d}"
        mobile = f"5{rng.randrange(10**8):08d}"
        phone = rng.choice(
            (mobile, f"{mobile[:3]} {mobile[3:5]} {mobile[5:7]} {mobile[7:]}", f"+995{mobile}")
        )
        sheet.data([
            n, f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", int(personal) if rng.random() < 0.3 else personal,
            date_text(random_day(rng, dt.date(1938, 1, 1), dt.date(2004, 12, 31))), address(rng, city), phone,
            rng.choice(programmes), rng.choice((100, 150, 200, 300, 500, 1000)),
        ])  # fmt: skip
    facts = {
        "header_row": header_row,
        "rows": count,
        "personal_data": ["სახელი, გვარი", "პირადი ნომერი", "დაბადების თარიღი", "ტელეფონი"],
    }
    return DemoFile(name, xlsx_bytes(wb, author(city)), facts)


@maker
def kutaisi_social_assistance() -> DemoFile:
    return _social_assistance("kutaisi-social-assistance-recipients-2023.xlsx", KUTAISI, 60)


@maker
def akhaltsikhe_social_assistance() -> DemoFile:
    return _social_assistance("akhaltsikhe-social-assistance-recipients-2023.xlsx", AKHALTSIKHE, 30)
