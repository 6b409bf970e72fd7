"""Finding personal data in a table before it is published.

Every column is matched against the shapes of Georgian personal data: personal numbers
(11 digits), phone numbers (+995, mobiles 5XXXXXXXX, landlines 3X/4X), e-mail addresses,
IBANs (GE, two check digits, two bank letters, sixteen digits, verified by mod 97), car
plates (AB-123-CD, ABC-123) and people's names (Georgian first names and surname endings
-ძე, -შვილი, -ია...). The column's label is context: nine digits under "ს/კ" or
"საიდენტიფიკაციო კოდი" are company codes, which are public, while under "ტელეფონი" they
are mobiles. A finding never holds a raw value: its samples are masked.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from ghia.tabular.delimited import WIDTH
from ghia.tabular.layout import blank
from ghia.tabular.messages import render_both
from ghia.tabular.table import Table, TableStream

SCAN_SAMPLE_ROWS = 50_000

FIRST_NAMES = (
    # Georgian first names common in municipal registers, and their usual romanizations.
    "გიორგი", "დავით", "ლევან", "ირაკლი", "ზურაბ", "ნიკოლოზ", "ალექსანდრე", "გიგა", "დათო",
    "ლაშა", "ბექა", "ნიკა", "თორნიკე", "ვახტანგ", "მამუკა", "ზაზა", "გოჩა", "ილია", "სანდრო",
    "ლუკა", "ოთარ", "შოთა", "თამაზ", "ჯემალ", "რევაზ", "ბესიკ", "კახა", "გელა", "მიხეილ",
    "ნინო", "მარიამ", "თამარ", "ანა", "ეკა", "ეკატერინე", "ნათია", "ქეთევან", "ქეთი",
    "სალომე", "მაია", "ნანა", "ლალი", "ხათუნა", "თეა", "ლია", "ნატო", "მანანა", "ირმა",
    "ელენე", "ნესტან", "თინათინ", "ცირა", "მზია", "ლელა", "ინგა", "სოფო", "ბარბარე", "ნუცა",
    "giorgi", "davit", "levan", "irakli", "zurab", "nikoloz", "aleksandre", "luka", "nino",
    "mariam", "tamar", "ana", "eka", "ketevan", "salome", "maia", "nana", "natia", "elene",
)  # fmt: skip
SURNAME_ENDINGS = ("ძე", "შვილი", "ია", "უა", "ავა", "ვა", "ური", "ული", "ანი", "ენი", "ელი", "ონი")
LATIN_SURNAME_ENDINGS = ("dze", "shvili", "ia", "ua", "ava", "uri", "uli", "ani", "eli")

# Column labels that say what a column holds.
_LABEL_HINTS = {
    "person_name": r"სახელ|გვარ|name|surname|პირი|მოქალაქე|განმცხადებ|მფლობელ|applicant|owner|ხელმძღვანელ",
    "personal_number": r"პირადი|პ/ნ|personal|p/n|\bpid\b",
    "phone": r"ტელ|მობ|phone|mobile|tel\b|ტელეფონ",
    "email": r"ელ[-. ]?ფოსტ|mail",
    "iban": r"ანგარიშ|iban|account|ბანკ",
    "car_plate": r"ნომრის ნიშან|სახელმწიფო ნომ|plate|ავტომობ|მანქან|vehicle",
    "company_code": r"ს/კ|საიდენტიფიკაციო|company|tax|საგადასახადო|კომპანი|ორგანიზაცი|id code|identification",
}

_PATTERNS = {
    "personal_number": r"^\d{11}$",
    # Letters in either case: upper-casing every cell (Georgian too) would cost more.
    "iban": r"^[Gg][Ee]\d{2}[A-Za-z]{2}\d{16}$",
    "car_plate": r"^(?:[A-Za-z]{2}-?\d{3}-?[A-Za-z]{2}|[A-Za-z]{3}-?\d{3})$",
    "email": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    # +995 or a trunk 0 before a national number; mobiles start with 5, landlines 3 or 4.
    # The national number alone is nine digits, which company codes are too.
    "phone": r"^(?:(?:\+|00)?995|0)[345]\d{8}$",
    "nine_digits": r"^\d{9}$",
    # A personal number kept as a number in a spreadsheet has lost its leading 0.
    "ten_digits": r"^[1-9]\d{9}$",
}
_CONFIDENCE = {
    "personal_number": 0.8,
    "iban": 0.95,
    "car_plate": 0.7,
    "email": 0.95,
    "phone": 0.75,
    "person_name": 0.6,
}


@dataclass
class Finding:
    field: str
    kind: str  # personal_number, phone, email, iban, car_plate, person_name, company_code
    count: int
    share: float  # of the column's non-blank cells
    samples: list[str]  # masked
    confidence: float
    personal: bool = True

    def to_dict(self) -> dict:
        return {
            "field": self.field,
            "kind": self.kind,
            "kindLabel": render_both(f"pii.{self.kind}"),
            "personal": self.personal,
            "count": self.count,
            "share": round(self.share, 4),
            "samples": self.samples,
            "confidence": round(self.confidence, 2),
        }


@dataclass
class PersonalDataReport:
    rows_scanned: int
    complete: bool  # every row was scanned (not a sample)
    findings: list[Finding] = field(default_factory=list)

    @property
    def personal(self) -> list[Finding]:
        return [f for f in self.findings if f.personal]

    def to_dict(self) -> dict:
        return {
            "rowsScanned": self.rows_scanned,
            "complete": self.complete,
            "findings": [f.to_dict() for f in self.findings],
        }


def _name_regexes() -> tuple[str, str]:
    """A name with a known first name, and any two words one of which has a surname's
    ending. The second alone also fits places ("ბოტანიკური ბაღი"), so it counts only
    under a label that says the column holds names."""
    georgian_word = r"[\u10d0-\u10ff]+"
    latin_word = r"[A-Za-z]+"
    first = "|".join(re.escape(n) for n in FIRST_NAMES)
    surname = rf"(?:{georgian_word}(?:{'|'.join(SURNAME_ENDINGS)})|{latin_word}(?:{'|'.join(LATIN_SURNAME_ENDINGS)}))"
    known = rf"(?i)^(?:(?:{first})\s+{surname}|{surname}\s+(?:{first})|(?:{first}))$"
    shaped = rf"(?i)^(?:{georgian_word}\s+{surname}|{surname}\s+{georgian_word})$"
    return known, shaped


_NAME, _NAME_SHAPED = _name_regexes()


def _forms() -> list[pl.Expr]:
    """The values compacted and stripped, computed once: polars would compute them again
    for every pattern that reads them."""
    value = pl.col("value")
    return [
        value.str.replace_all(r"[\s\-()./]", "").alias("compact"),
        value.str.strip_chars().alias("stripped"),
    ]


def _kind_masks() -> dict[str, pl.Expr]:
    """Which values look like each kind, over the columns ``_forms`` adds."""
    value, compact, stripped = pl.col("value"), pl.col("compact"), pl.col("stripped")
    known_name = stripped.str.contains(_NAME)
    return {
        "personal_number": compact.str.contains(_PATTERNS["personal_number"]),
        "iban": _iban_text(stripped).str.contains(_PATTERNS["iban"]),
        "car_plate": stripped.str.contains(_PATTERNS["car_plate"]),
        "email": value.str.contains(_PATTERNS["email"]),
        "phone": compact.str.contains(_PATTERNS["phone"]),
        "nine_digits": compact.str.contains(_PATTERNS["nine_digits"]),
        "ten_digits": compact.str.contains(_PATTERNS["ten_digits"]),
        "person_name": known_name,
        "name_shaped": known_name | stripped.str.contains(_NAME_SHAPED),
    }


def scan_personal_data(
    table: Table | TableStream,
    sample_rows: int | None = SCAN_SAMPLE_ROWS,
    progress: Callable[[int, int], None] | None = None,
) -> PersonalDataReport:
    """Scan the first ``sample_rows`` rows (every row with None) for personal data."""
    names = table.field_names
    labels = dict(zip(names, table.labels, strict=False))
    totals: dict[tuple[str, str], int] = {}
    filled: dict[str, int] = dict.fromkeys(names, 0)
    samples: dict[tuple[str, str], list[str]] = {}
    rows, complete = 0, True
    frames = (
        table.frames()
        if isinstance(table, TableStream)
        else iter([(table.frame, table.frame.height)])
    )
    for frame, done in frames:
        if sample_rows is not None and rows >= sample_rows:
            complete = False
            break
        if sample_rows is not None and rows + frame.height > sample_rows:
            frame, complete = frame.head(sample_rows - rows), False
        rows += frame.height
        _scan_frame(frame, names, totals, filled, samples)
        if progress:
            progress(done, table.total if isinstance(table, TableStream) else frame.height)
    findings = []
    for name in names:
        findings += _column_findings(name, labels.get(name, name), filled[name], totals, samples)
    return PersonalDataReport(rows_scanned=rows, complete=complete, findings=findings)


def _scan_frame(frame, names, totals, filled, samples) -> None:
    # Each column's distinct values, with how many cells hold each, are looked at once: a
    # column repeats its values (districts, statuses), and a pattern costs per value.
    def distinct(index: int, name: str) -> pl.LazyFrame:
        cell = pl.col(name)
        if WIDTH in frame.columns:
            cell = pl.when(pl.col(WIDTH) > index).then(cell)  # beyond a short record: none
        counted = frame.lazy().group_by(cell.alias("value"), maintain_order=True).len("cells")
        return counted.with_columns(pl.lit(index).alias("column"))

    kinds = _kind_masks()
    present = ~blank(pl.col("value"))
    found = (
        pl.concat([distinct(index, name) for index, name in enumerate(names)])
        .with_columns(_forms())
        .select(
            "column",
            "value",
            "cells",
            present.alias("filled"),
            *((present & mask).fill_null(False).alias(kind) for kind, mask in kinds.items()),
        )
        .collect()
    )
    counts = found.group_by("column").agg(
        pl.col("cells").filter(kind).sum().alias(kind) for kind in ("filled", *kinds)
    )
    for index, *numbers in counts.iter_rows():
        name = names[index]
        values = found.filter(pl.col("column") == index)
        for kind, count in zip(("filled", *kinds), numbers, strict=True):
            if kind == "filled":
                filled[name] += count
                continue
            if kind == "iban" and count:
                count = _valid_ibans(values)
            totals[(name, kind)] = totals.get((name, kind), 0) + count
            kept = samples.setdefault((name, kind), [])
            if count and len(kept) < 20:
                first = values.filter(kind)["value"].head(20)
                kept.extend(v for v in first if v not in kept)


def _iban_text(stripped: pl.Expr) -> pl.Expr:
    """An IBAN's text from the stripped cell."""
    return stripped.str.replace_all(" ", "", literal=True)


def _valid_ibans(values: pl.DataFrame) -> int:
    """Cells whose IBAN passes the mod-97 check, of a column's distinct ``values``."""
    shaped = values.filter("iban")
    valid = [
        iban_is_valid(v)
        for v in shaped.select(_iban_text(pl.col("value").str.strip_chars())).to_series().to_list()
    ]
    return int(shaped["cells"].filter(pl.Series(valid, dtype=pl.Boolean)).sum())


def label_kinds(label: str | None) -> set[str]:
    """What a column's label says it holds (personal_number, phone, company_code...)."""
    return {
        kind
        for kind, pattern in _LABEL_HINTS.items()
        if re.search(pattern, f"{label or ''}", re.IGNORECASE)
    }


def _column_findings(name, label, filled, totals, samples) -> list[Finding]:
    if not filled:
        return []
    hints = label_kinds(label)
    findings = []

    def add(kind, count, values, personal=True):
        share = count / filled
        confidence = _CONFIDENCE.get(kind, 0.7)
        if kind in hints:
            confidence = min(0.99, confidence + 0.2)
        elif share < 0.5:
            confidence *= 0.7
        findings.append(
            Finding(
                name, kind, count, share, [mask(kind, v) for v in values[:3]], confidence, personal
            )
        )

    phones = totals.get((name, "phone"), 0)
    nine = totals.get((name, "nine_digits"), 0)
    nine_values = samples.get((name, "nine_digits"), [])
    mobiles = [v for v in nine_values if re.sub(r"\D", "", v).startswith("5")]
    nine_are_phones = (
        bool(nine)
        and (
            "phone" in hints
            or (phones > 0 and "company_code" not in hints)
            or len(mobiles) >= len(nine_values) / 2
        )
        and "company_code" not in hints
    )
    if nine_are_phones:
        # Nine digits beside +995 numbers, or under a phone label, are mobiles too.
        totals[(name, "phone")] = phones + nine
        samples[(name, "phone")] = samples.get((name, "phone"), []) + mobiles
    if "personal_number" in hints and totals.get((name, "ten_digits")):
        # Under a personal-number label, ten digits are personal numbers without their 0.
        totals[(name, "personal_number")] = (
            totals.get((name, "personal_number"), 0) + totals[(name, "ten_digits")]
        )
        samples[(name, "personal_number")] = samples.get((name, "personal_number"), []) + (
            samples.get((name, "ten_digits"), [])
        )
    for kind in ("personal_number", "email", "iban", "car_plate", "phone"):
        count = totals.get((name, kind), 0)
        values = samples.get((name, kind), [])
        if kind == "iban":
            values = [v for v in values if iban_is_valid(v)]
            if not values:
                continue
        if count and (count / filled >= 0.3 or kind in hints or kind in ("email", "iban")):
            add(kind, count, values)
    if nine and not nine_are_phones and nine / filled >= 0.3:
        add("company_code", nine, nine_values, personal=False)
    name_kind = "name_shaped" if "person_name" in hints else "person_name"
    names_count = totals.get((name, name_kind), 0)
    if names_count and (
        names_count / filled >= 0.5 or ("person_name" in hints and names_count / filled >= 0.2)
    ):
        add("person_name", names_count, samples.get((name, name_kind), []))
    return findings


def iban_is_valid(text: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers
    (A=10 ... Z=35), and the number must leave 1 when divided by 97."""
    iban = re.sub(r"\s", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{1,30}", iban):
        return False
    digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def mask(kind: str, value: str) -> str:
    """A value with most of its characters hidden, enough to recognise its shape."""
    value = value.strip()
    if kind == "email" and "@" in value:
        found = re.search(_PATTERNS["email"], value)
        local, _, domain = (found.group() if found else value).partition("@")
        host, dot, tld = domain.rpartition(".")
        return f"{_hide(local, 1, 0)}@{_hide(host, 1, 0)}{dot}{tld}"
    if kind == "person_name":
        return " ".join(_hide(word, 1, 0) for word in value.split())
    if kind == "iban":
        compact = value.replace(" ", "")
        return _hide(compact, 4, 2)
    return _hide(value, 2, 2) if len(value) > 6 else _hide(value, 1, 0)


def _hide(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:
        return "•" * len(text)
    end = text[len(text) - keep_end :] if keep_end else ""
    return text[:keep_start] + "•" * (len(text) - keep_start - keep_end) + end
