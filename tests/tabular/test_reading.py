import csv
import io
import json

import polars as pl
import pytest

from ghia.tabular import open_table, read_table
from ghia.tabular.delimited import WIDTH
from ghia.tabular.encoding import detect_encoding
from ghia.tabular.errors import TableReadError
from ghia.tabular.table import ROW
from tests.tabular.conftest import DATA, csv_text

ROWS = [["ქალაქი", "მოსახლეობა"], ["ქუთაისი", "130000"], ["ახალციხე", "17000"]]


def _cells(table) -> list[list[str]]:
    return [list(r) for r in table.data.iter_rows()]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_are_detected(write_csv, encoding):
    table = read_table(write_csv(ROWS, encoding=encoding))
    assert table.labels == ROWS[0]
    assert _cells(table) == ROWS[1:]


def test_windows_1251_and_1252_are_told_apart(write_csv):
    russian = [["город", "население"], ["Кутаиси", "130000"], ["Ахалцихе", "17000"]]
    assert _cells(read_table(write_csv(russian, "ru.csv", "cp1251"))) == russian[1:]
    assert detect_encoding(csv_text(russian).encode("cp1251")) == "cp1251"
    western = [["café", "größe"], ["Zürich", "Señor"], ["naïve", "résumé"]]
    assert read_table(write_csv(western, "de.csv", "cp1252")).labels == western[0]
    assert detect_encoding(csv_text(western).encode("cp1252")) == "cp1252"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_any_delimiter(write_csv, delimiter):
    rows = [["a", "b", "c"], ["1", "x, y", "3"], ["4", "5", "6"]]
    table = read_table(write_csv(rows, delimiter=delimiter))
    assert table.source.dialect.delimiter == delimiter
    assert _cells(table) == rows[1:]


def test_quoting_with_escaped_quotes_and_newlines(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('id,name\n1,"შპს ""ალფა"""\n2,"two\nlines"\n3,\'single\'\n', encoding="utf-8")
    table = read_table(path)
    assert _cells(table) == [["1", 'შპს "ალფა"'], ["2", "two\nlines"], ["3", "'single'"]]
    assert table.frame[ROW].to_list() == [2, 3, 4]


def test_single_quote_character_is_detected(tmp_path):
    path = tmp_path / "single.csv"
    path.write_text("'a','b'\n'1, 2','x'\n'3','y'\n'4','z'\n", encoding="utf-8")
    assert _cells(read_table(path)) == [["1, 2", "x"], ["3", "y"], ["4", "z"]]


def test_ragged_records_keep_their_width(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("a,b,c\n1,2\n1,2,3,4\n\n,,\n", encoding="utf-8")
    frame = pl.concat([f for f, _ in open_table(path).frames()])
    assert frame[WIDTH].to_list() == [2, 4, 0, 3]
    assert frame[ROW].to_list() == [2, 3, 4, 5]
    assert frame["__extra0__"].to_list()[1] == "4"


def test_small_blocks_read_the_same_records_as_one_block(tmp_path):
    # Records cut at every possible place: quotes, escaped quotes, line breaks inside.
    rows = [["id", "text"]] + [[str(i), f'ა"{i}"\n,ბ' if i % 3 else f"x{i}"] for i in range(200)]
    path = tmp_path / "blocks.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    whole = read_table(path, tidy=False).frame
    stream = open_table(path)
    from ghia.tabular import delimited

    original = delimited.BLOCK_BYTES
    try:
        delimited.BLOCK_BYTES = 37
        small = pl.concat([f.select(whole.columns) for f, _ in open_table(path).frames()])
    finally:
        delimited.BLOCK_BYTES = original
    assert stream.labels == ["id", "text"]
    assert small.equals(whole)


def _read_in_small_blocks(tmp_path, monkeypatch, records: list[str]):
    """A CSV of ``records`` under an id,text header read in 256-byte blocks, and its
    records as Python's csv module reads them."""
    from ghia.tabular import delimited

    text = "id,text\n" + "\n".join(records) + "\n"
    path = tmp_path / "records.csv"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(delimited, "BLOCK_BYTES", 256)
    frame = pl.concat([f for f, _ in open_table(path).frames()], how="diagonal")
    return frame, list(csv.reader(io.StringIO(text, newline="")))[1:]


def test_irregular_quoting_after_regular_blocks_is_read_as_pythons_csv(
    tmp_path, monkeypatch, polars_parsed
):
    """Pieces are parsed several at a time; when a later one has a quote inside an
    unquoted cell, it and the pieces after it (some already parsed) go to Python's csv
    module, and the records stay in order."""
    records = [f"{i},ქ{i}" + (",x" if i % 40 == 0 else "") for i in range(300)]
    records[150] = '150,a "quoted" word'
    frame, expected = _read_in_small_blocks(tmp_path, monkeypatch, records)
    assert len(polars_parsed) > 2, "polars parsed no piece before the irregular one"
    assert frame[ROW].to_list() == list(range(2, 302))
    assert frame["id"].to_list() == [r[0] for r in expected]
    assert frame["text"].to_list() == [r[1] for r in expected]
    assert frame[WIDTH].to_list() == [len(r) for r in expected]


def test_pieces_starting_with_extra_cells_are_parsed_by_polars(tmp_path, monkeypatch):
    """Polars takes its number of columns from a piece's first record: one with extra
    cells must not send the piece, and all after it, to Python's csv module."""
    from ghia.tabular import delimited

    def refuse(*args):
        raise AssertionError("a regular piece was handed to Python's csv module")

    monkeypatch.setattr(delimited.DelimitedFile, "_parse_python", refuse)
    records = [f"{i},ქ{i}" + (",x,y" if i % 2 else "") for i in range(400)]
    frame, expected = _read_in_small_blocks(tmp_path, monkeypatch, records)
    assert frame["text"].to_list() == [r[1] for r in expected]
    assert frame[WIDTH].to_list() == [len(r) for r in expected]
    assert frame["__extra0__"].to_list() == [r[2] if len(r) > 2 else None for r in expected]


@pytest.mark.parametrize("first", [100, 60_000], ids=["from-the-start", "after-mapped-blocks"])
def test_nul_bytes_in_blocks_are_removed_and_counted(tmp_path, monkeypatch, first):
    """UTF-8 text is cut from the mapped file until a NUL byte, then read into a buffer
    that drops them: from the first block, or after blocks already cut."""
    from ghia.tabular import delimited

    rows = [["id", "text"]] + [[str(i), f"ქ{i}"] for i in range(8000)]
    text = csv_text(rows).encode("utf-8")
    dirty = bytearray(text)
    places = range(len(dirty) - 5000, first, -5000)
    for at in places:
        dirty[at:at] = b"\x00\x00"
    (tmp_path / "clean.csv").write_bytes(text)
    (tmp_path / "nul.csv").write_bytes(bytes(dirty))
    monkeypatch.setattr(delimited, "BLOCK_BYTES", 4096)
    clean = pl.concat(f for f, _ in open_table(tmp_path / "clean.csv").frames())
    stream = open_table(tmp_path / "nul.csv")
    assert len(dirty) > delimited.SMALL_FILE_BYTES  # read in blocks, not by Python's csv
    assert pl.concat(f for f, _ in stream.frames()).equals(clean)
    assert [n.params["count"] for n in stream.read_notes()] == [2 * len(places)]


def test_header_found_below_title_rows_and_noted(write_xlsx):
    path = write_xlsx(
        {
            "ბიუჯეტი": [
                ["ქუთაისის ბიუჯეტი 2022"],
                ["ათასი ლარი"],
                [],
                ["მუხლი", "თანხა"],
                ["განათლება", 100],
                ["სპორტი", 50],
            ]
        }
    )
    table = read_table(path)
    assert table.labels == ["მუხლი", "თანხა"]
    assert table.header_rows == [4]
    assert table.frame[ROW].to_list() == [5, 6]
    assert any(
        n.code == "header_row_found" and n.params == {"row": 4, "skipped": 3} for n in table.notes
    )


def test_merged_group_header_is_unmerged_and_joined(write_xlsx):
    rows = [
        ["რაიონი", "მოსახლეობა", None, "ფართობი"],
        [None, "2020", "2021", None],
        ["ცენტრი", 1000, 1100, 12.5],
        ["ნიკეა", 2000, 2100, 8.1],
    ]
    path = write_xlsx({"s": rows}, merges=["B1:C1", "A1:A2", "D1:D2"])
    table = read_table(path)
    assert table.labels == ["რაიონი", "მოსახლეობა / 2020", "მოსახლეობა / 2021", "ფართობი"]
    codes = {n.code: n.params for n in table.notes}
    assert codes["header_unmerged"]["count"] >= 3
    assert "header_rows_joined" in codes


def test_empty_rows_columns_and_totals_are_dropped_and_noted(write_xlsx):
    rows = [
        ["სახელი", None, "თანხა"],
        ["ა", None, 1],
        [None, None, None],
        ["ბ", None, 2],
        ["სულ", None, 3],
        ["შენიშვნა: თანხები ლარში.", None, None],
        ["შენიშვნა: ეს სტრიქონი მონაცემია", None, 4],  # a value beside it: not a note
    ]
    table = read_table(write_xlsx({"s": rows}))
    assert table.labels == ["სახელი", "თანხა"]
    assert _cells(table) == [["ა", "1"], ["ბ", "2"], ["შენიშვნა: ეს სტრიქონი მონაცემია", "4"]]
    codes = [n.code for n in table.notes]
    assert codes.count("totals_row_dropped") == 2
    assert {"rows_blank_dropped", "columns_empty_dropped", "totals_row_dropped"} <= set(codes)


def test_every_sheet_by_name_or_number(write_xlsx):
    path = write_xlsx({"პირველი": [["a"], ["1"]], "მეორე": [["b"], ["2"]]})
    assert read_table(path).labels == ["a"]
    assert read_table(path, sheet="მეორე").labels == ["b"]
    assert read_table(path, sheet=2).labels == ["b"]
    assert read_table(path, sheet="2").source.sheet == "მეორე"
    with pytest.raises(TableReadError) as error:
        read_table(path, sheet="მესამე")
    assert error.value.code == "sheet_not_found"
    assert "პირველი, მეორე" in error.value.text("ka")


def test_spreadsheet_values_become_text_dates_in_iso(write_xlsx):
    import datetime

    rows = [
        ["date", "when", "n", "x", "flag"],
        [datetime.date(2024, 1, 5), datetime.datetime(2024, 1, 5, 10, 30), 3, 1.5, True],
    ]
    assert _cells(read_table(write_xlsx({"s": rows}))) == [
        ["2024-01-05", "2024-01-05T10:30:00", "3", "1.5", "true"]
    ]


def test_ods(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    sheet = OdsTable(name="ცხრილი")
    for row in ROWS:
        tr = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            tr.addElement(cell)
        sheet.addElement(tr)
    document.spreadsheet.addElement(sheet)
    path = tmp_path / "t.ods"
    document.save(str(path))
    table = read_table(path)
    assert table.source.format == "ods"
    assert _cells(table) == ROWS[1:]


def test_xls_with_legacy_fonts_and_title_and_totals():
    table = read_table(DATA / "legacy.xls")
    assert table.source.sheets == ["მონაცემები", "Other"]
    assert table.labels == ["id", "რაიონი", "თანხა", "თარიღი"]
    assert _cells(table) == [
        ["1", "ქუთაისი", "1200.5", "2022-01-05"],
        ["2", "ახალციხე", "300", "2022-02-01"],
    ]
    assert any(n.code == "totals_row_dropped" and n.params["label"] == "ჯამი" for n in table.notes)


def test_xlsx_cells_in_legacy_fonts_are_converted(write_xlsx):
    rows = [["ქალაქი", "note"], ["quTaisi", "quTaisi"], ["axalcixe", "plain"]]
    path = write_xlsx({"s": rows}, fonts={(2, 1): "AcadNusx", (3, 1): "Acad Nusx Geo"})
    table = read_table(path)
    assert _cells(table) == [["ქუთაისი", "quTaisi"], ["ახალციხე", "plain"]]
    note = next(n for n in table.notes if n.code == "legacy_font_converted")
    assert note.params["field"] == "ქალაქი" and note.params["cells"] == 2


@pytest.mark.parametrize(
    "content",
    [
        [{"ქალაქი": "ქუთაისი", "n": 1}, {"ქალაქი": "ახალციხე", "n": 2, "extra": True}],
        [["ქალაქი", "n", "extra"], ["ქუთაისი", 1], ["ახალციხე", 2, True]],
        {"data": [{"ქალაქი": "ქუთაისი", "n": 1}, {"ქალაქი": "ახალციხე", "n": 2, "extra": True}]},
    ],
)
def test_json_records(tmp_path, content):
    path = tmp_path / "t.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    table = read_table(path)
    assert table.labels == ["ქალაქი", "n", "extra"]
    assert _cells(table) == [["ქუთაისი", "1", None], ["ახალციხე", "2", "true"]]


def test_header_row_can_be_given(write_csv):
    path = write_csv([["title"], ["a", "b"], ["1", "2"]])
    assert read_table(path, header_row=2).labels == ["a", "b"]


def test_files_are_recognised_by_content_not_name(write_xlsx, tmp_path):
    # Stored uploads carry no extension: the bytes decide, fonts included.
    source = write_xlsx({"s": [["ქალაქი"], ["quTaisi"]]}, fonts={(2, 1): "AcadNusx"})
    for original in (source, DATA / "legacy.xls"):
        blob = tmp_path / f"blob-{original.suffix[1:]}"
        blob.write_bytes(original.read_bytes())
        table = read_table(blob)
        assert table.source.format == original.suffix[1:]
        assert any(n.code == "legacy_font_converted" for n in table.notes)


@pytest.mark.parametrize(
    "title",
    [["ქუთაისის ბიუჯეტი 2022"], ["ქუთაისის ბიუჯეტი 2022", "", "", ""]],
)
def test_csv_title_above_the_header(write_csv, title):
    rows = [title, ["მუხლი", "თანხა", "წელი", "შენიშვნა"]] + [["ა", "1", "2022", "x"]] * 5
    table = read_table(write_csv(rows))
    assert table.header_rows == [2]
    assert table.labels == rows[1]
    assert table.frame[ROW].to_list()[0] == 3
