"""Helpers that write small tables in every format the engine reads."""

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

DATA = Path(__file__).with_name("data")


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


@pytest.fixture
def polars_parsed(monkeypatch) -> list:
    """A list that gets an entry for each piece of a delimited file polars parses (not
    handed to Python's csv module)."""
    from ghia.tabular import delimited

    parsed = []
    original = delimited.DelimitedFile._parse_regular

    def counted(self, *args):
        found = original(self, *args)
        if found is not None:
            parsed.append(1)
        return found

    monkeypatch.setattr(delimited.DelimitedFile, "_parse_regular", counted)
    return parsed


@pytest.fixture
def write_csv(tmp_path):
    def write(rows, name="table.csv", encoding="utf-8", delimiter=","):
        path = tmp_path / name
        path.write_bytes(csv_text(rows, delimiter).encode(encoding))
        return path

    return write


@pytest.fixture
def write_xlsx(tmp_path):
    def write(sheets: dict, name="table.xlsx", fonts=None, merges=()):
        """``sheets``: sheet name -> rows; ``fonts``: {(row, col): font} on the first sheet."""
        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for index, (title, rows) in enumerate(sheets.items()):
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(row)
            if index == 0:
                for (r, c), font in (fonts or {}).items():
                    sheet.cell(r, c).font = Font(name=font)
                for merge in merges:
                    sheet.merge_cells(merge)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write
