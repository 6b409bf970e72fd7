"""How office files look: the habits of people who prepare tables for print, not for reuse.

Numbers typed as text with a space between thousands and a decimal comma, dates as
"31.12.2023" text, a merged title above the header, a totals row (ჯამი) below the data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ghia.standards.legacy_fonts import to_legacy

TOTAL_LABEL = "ჯამი"
LEGACY_FONT = "AcadNusx"


def rng_for(name: str) -> random.Random:
    """A random generator of its own for each file, so adding a file changes no other."""
    return random.Random(f"ghia-demo:{name}")


def amount_text(value: float, thousands: str = " ", decimals: int = 2) -> str:
    """1200.5 as "1 200,50", as a Georgian spreadsheet shows it."""
    whole, frac = f"{value:,.{decimals}f}".split(".") if decimals else (f"{value:,.0f}", "")
    whole = whole.replace(",", thousands)
    return f"{whole},{frac}" if decimals else whole


def date_text(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def split_total(total: int, weights: Sequence[float], step: int = 1000) -> list[int]:
    """Shares of a total by weight, rounded to step; the last share takes the remainder."""
    scale = sum(weights)
    shares = [round(total * w / scale / step) * step for w in weights[:-1]]
    return [*shares, total - sum(shares)]


def random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


class SheetWriter:
    """Writes a table the way an office does: titles, header, rows, totals, a note below.

    With ``legacy`` every text cell is written as AcadNusx stores it (Latin letters) and
    gets that font, as in a sheet typed before Unicode.
    """

    def __init__(self, ws: Worksheet, width: int, legacy: bool = False):
        self.ws, self.width, self.legacy, self.row = ws, width, legacy, 0

    def _font(self, bold: bool = False) -> Font:
        return Font(
            name=LEGACY_FONT if self.legacy else "Sylfaen", bold=bold, size=11 if bold else 10
        )

    def _value(self, value):
        return to_legacy(value) if self.legacy and isinstance(value, str) else value

    def title(self, text: str) -> None:
        self.row += 1
        cell = self.ws.cell(self.row, 1, self._value(text))
        cell.font = self._font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        self.ws.merge_cells(
            start_row=self.row, start_column=1, end_row=self.row, end_column=self.width
        )

    def blank(self) -> None:
        self.row += 1

    def group_header(self, groups: Sequence[tuple[str, int]]) -> None:
        """A header row above the header whose labels span several columns."""
        self.row += 1
        column = 1
        for label, span in groups:
            cell = self.ws.cell(self.row, column, self._value(label))
            cell.font = self._font(bold=True)
            cell.alignment = Alignment(horizontal="center")
            if span > 1:
                self.ws.merge_cells(
                    start_row=self.row,
                    start_column=column,
                    end_row=self.row,
                    end_column=column + span - 1,
                )
            column += span

    def header(self, labels: Sequence[str]) -> int:
        self.row += 1
        for column, label in enumerate(labels, 1):
            cell = self.ws.cell(self.row, column, self._value(label))
            cell.font = self._font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            self.ws.column_dimensions[get_column_letter(column)].width = max(
                10, min(45, len(label) + 4)
            )
        return self.row

    def data(self, values: Sequence, bold: bool = False, number_format: str | None = None) -> None:
        self.row += 1
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            cell = self.ws.cell(self.row, column, self._value(value))
            # Numbers and dates stay in a Unicode font even in a legacy sheet, as they did.
            cell.font = (
                self._font(bold)
                if isinstance(value, str)
                else Font(name="Arial", bold=bold, size=10)
            )
            if number_format and isinstance(value, int | float):
                cell.number_format = number_format
            if isinstance(value, dt.date):
                cell.number_format = "DD.MM.YYYY"

    def note(self, text: str) -> None:
        self.row += 1
        self.ws.cell(self.row, 1, self._value(text)).font = self._font()
