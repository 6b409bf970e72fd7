"""The document model every renderer reads: sections holding blocks of text, tables,
figures and highlighted boxes. Texts are already in the document's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ghia.documents.charts import Chart

TONES = ("red", "yellow", "green", "grey", "blue")
LABELS = {
    "ka": {"contents": "სარჩევი", "figure": "სურათი", "table": "ცხრილი", "page": "გვერდი"},
    "en": {"contents": "Contents", "figure": "Figure", "table": "Table", "page": "Page"},
}
_MONTHS_KA = (
    "იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი",
    "ივლისი", "აგვისტო", "სექტემბერი", "ოქტომბერი", "ნოემბერი", "დეკემბერი",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(value: date, lang: str) -> str:
    """A date as Georgian documents write it ("2020 წლის 3 იანვარი") or "3 January 2020"."""
    if lang == "ka":
        return f"{value.year} წლის {value.day} {_MONTHS_KA[value.month - 1]}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


@dataclass
class Paragraph:
    text: str
    style: str = ""  # "lead" opens a section, "note" is small print, "label" heads a list


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Cell:
    """A table cell with a colour, for ratings and statuses."""

    text: str
    tone: str | None = None


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str | Cell]]
    caption: str = ""
    widths: list[float] | None = None  # relative column widths


@dataclass
class Figure:
    chart: Chart
    caption: str


@dataclass
class Callout:
    """A highlighted box, such as a dimension's rating with its reasons."""

    title: str
    text: str
    tone: str = "grey"
    items: list[str] = field(default_factory=list)


@dataclass
class KeyFigures:
    items: list[tuple[str, str]]  # (value, label)


Block = Paragraph | Bullets | Table | Figure | Callout | KeyFigures


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    anchor: str = ""


@dataclass
class Document:
    lang: str
    title: str
    subtitle: str = ""
    publisher: str = ""
    date: date | None = None
    sections: list[Section] = field(default_factory=list)

    def label(self, key: str) -> str:
        return LABELS[self.lang][key]


@dataclass
class Slide:
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Deck:
    lang: str
    title: str
    subtitle: str = ""
    date: date | None = None
    slides: list[Slide] = field(default_factory=list)
