"""A large Georgian CSV with known errors of every kind, and the Table Schema it breaks.

Rows are generated from a seed, so a run is repeatable. Errors are injected at fixed
strides: every kind Frictionless reports for a CSV appears many times, spread through
the whole file, so a reader that skips or shifts rows changes the counts.
"""

import json
import random
from pathlib import Path

FIRST_NAMES = [
    "გიორგი",
    "ნინო",
    "დავით",
    "მარიამ",
    "ლევან",
    "თამარ",
    "ირაკლი",
    "ანა",
    "ზურაბ",
    "ეკა",
]
SURNAMES = [
    "ბერიძე",
    "კაპანაძე",
    "გელაშვილი",
    "ჯაფარიძე",
    "ლომიძე",
    "ქავთარაძე",
    "ხარაიშვილი",
    "ნოზაძე",
]
DISTRICTS = ["ცენტრი", "ავტოქარხანა", "ნიკეა", "სატრანსპორტო", "ბალახვანი", "მეჯვრისხევი"]
STREETS = ["რუსთაველის გამზირი", "ჭავჭავაძის ქუჩა", "წერეთლის ქუჩა", "გელათის ქუჩა", "ნიკეას ქუჩა"]
NOTES = ["განხილულია", "საჭიროებს დოკუმენტს", "გადაგზავნილია"]
STATUSES = ["ახალი", "დასრულებული", "მიმდინარე"]

# The header breaks the schema three ways: "registration" is an incorrect label for the
# field "registered", the second "note" a duplicate label, and "extra" an extra label.
LABELS = [
    "id", "name", "district", "address", "amount", "registration", "active", "code",
    "note", "note", "extra",
]  # fmt: skip

SCHEMA = {
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True}},
        {"name": "name", "type": "string", "constraints": {"required": True}},
        {"name": "district", "type": "string", "constraints": {"enum": DISTRICTS}},
        {"name": "address", "type": "string", "constraints": {"maxLength": 60}},
        {"name": "amount", "type": "number", "constraints": {"minimum": 0}},
        {"name": "registered", "type": "date"},
        {"name": "active", "type": "boolean"},
        {
            "name": "code",
            "type": "string",
            "constraints": {"unique": True, "pattern": "[A-Z]{2}-[0-9]{6}"},
        },
        {"name": "note", "type": "string"},
        {"name": "comment", "type": "string"},
    ],
    "primaryKey": ["id"],
}

# Stride (in data rows) of each injected error; primes, so injections rarely collide.
STRIDES = {
    "type_amount": 101,
    "type_date": 211,
    "type_bool": 307,
    "required_name": 401,
    "enum_district": 503,
    "max_length": 601,
    "minimum": 701,
    "pattern": 809,
    "duplicate_code": 907,
    "duplicate_id": 1009,
    "missing_cell": 1103,
    "extra_cell": 1201,
    "blank_row": 1301,
}


def generate(path: Path, rows: int, seed: int = 7) -> Path:
    """Write ``rows`` data rows (plus a header) to ``path``; returns the path."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(LABELS) + "\n")
        buffer = []
        for n in range(1, rows + 1):
            buffer.append(_row(n, rng))
            if len(buffer) >= 10_000:
                f.write("".join(buffer))
                buffer.clear()
        f.write("".join(buffer))
    return path


def _hit(n: int, kind: str) -> bool:
    return n % STRIDES[kind] == 0


def _row(n: int, rng: random.Random) -> str:
    if _hit(n, "blank_row"):
        return "\n" if n % 2 else ",,,,,,,,,,\n"
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    district = rng.choice(DISTRICTS)
    address = f"{rng.choice(STREETS)} N{rng.randint(1, 150)}, ბინა {rng.randint(1, 90)}"
    amount = f"{rng.randint(0, 99999)}.{rng.randint(0, 99):02d}"
    registered = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    active = rng.choice(("true", "false"))
    code = f"KT-{n:06d}"
    note = rng.choice(NOTES)
    row_id = str(n)
    if _hit(n, "type_amount"):
        amount = "ათასი"
    if _hit(n, "type_date"):
        registered = f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2023"
    if _hit(n, "type_bool"):
        active = "კი"
    if _hit(n, "required_name"):
        name = ""
    if _hit(n, "enum_district"):
        district = "თბილისი"
    if _hit(n, "max_length"):
        address = address + ", " + "მეორე სართული, შესასვლელი ეზოდან, " * 2
    if _hit(n, "minimum"):
        amount = "-" + amount
    if _hit(n, "pattern"):
        code = f"kt{n}"
    if _hit(n, "duplicate_code"):
        code = f"KT-{n - 1:06d}"
    if _hit(n, "duplicate_id"):
        row_id = str(n - 1)
    cells = [row_id, _quoted(name), district, _quoted(address), amount, registered, active]
    cells += [code, note, rng.choice(STATUSES), ""]
    if _hit(n, "missing_cell"):
        cells = cells[:7]
    if _hit(n, "extra_cell"):
        cells += ["ზედმეტი", "ზედმეტი"]
    return ",".join(cells) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if ("," in text or '"' in text) else text


def write_schema(path: Path) -> Path:
    path.write_text(json.dumps(SCHEMA, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
