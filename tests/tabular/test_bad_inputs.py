"""A corpus of broken files, made here: each gives a clear bilingual message or a report,
never a traceback or a hang, in bounded memory."""

import gzip
import io
import json
import os
import random
import resource
import time
import zipfile

import openpyxl
import pytest

from ghia.tabular import TableReadError, check
from ghia.tabular.messages import MESSAGES
from tests.tabular.conftest import csv_text


def _xlsx_bytes(rows=(("a", "b"), (1, 2)), formulas=False) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(list(row))
    if formulas:
        workbook.active["C2"] = "=A2+B2"
        workbook.active["C1"] = "sum"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _zip_bomb(path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            zeros = b"0" * (1 << 20)
            for _ in range(64):
                member.write(zeros)


def _encrypted_ole2() -> bytes:
    """An OLE2 compound file header and a directory naming the streams Office writes
    when it encrypts an XLSX (EncryptionInfo, EncryptedPackage)."""
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    )
    header += b"\x00" * (512 - len(header))
    directory = b""
    for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        directory += (
            encoded + b"\x00" * (64 - len(encoded)) + bytes([len(encoded), 0, 2, 1]) + b"\x00" * 60
        )
    return header + directory + os.urandom(2048)


def _csv(rows) -> bytes:
    return csv_text(rows).encode("utf-8")


GOOD_CSV = _csv([["id", "ქალაქი"], ["1", "ქუთაისი"], ["2", "ახალციხე"]])
random.seed(5)

# name -> (file name, bytes or a writer, expected read-error code or None for a report)
CORPUS = {
    "empty": ("t.csv", b"", "file_empty"),
    "only newlines": ("t.csv", b"\n\n\r\n  \n", "no_table"),
    "only delimiters": ("t.csv", b",,,\n,,,\n", "no_table"),
    "only a BOM": ("t.csv", b"\xef\xbb\xbf", "no_table"),
    "only a header": ("t.csv", b"id,name\n", None),
    "header without newline": ("t.csv", b"id,name", None),
    "truncated xlsx": ("t.xlsx", _xlsx_bytes()[:700], "file_corrupt"),
    "half an xlsx": ("t.xlsx", _xlsx_bytes()[: len(_xlsx_bytes()) // 2], "file_corrupt"),
    "zip bomb as xlsx": ("t.xlsx", _zip_bomb, "archive_too_large"),
    "encrypted xlsx": ("t.xlsx", _encrypted_ole2(), "file_encrypted"),
    "garbage ole2 as xls": (
        "t.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000),
        "file_corrupt",
    ),
    "zip of a csv as xlsx": ("t.xlsx", _zip({"data.csv": GOOD_CSV}), "format_unsupported"),
    "docx as xlsx": (
        "t.xlsx",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}),
        "format_unsupported",
    ),
    "xlsx with broken xml": (
        "t.xlsx",
        _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook><sheets><sheet"}),
        "file_corrupt",
    ),
    "truncated ods": (
        "t.ods",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})[:60],
        "file_corrupt",
    ),
    "ods without content": (
        "t.ods",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
        "file_corrupt",
    ),
    "png as csv": ("t.csv", b"\x89PNG\r\n\x1a\n" + os.urandom(500), "file_binary"),
    "pdf as csv": ("t.csv", b"%PDF-1.7\n" + os.urandom(500), "file_binary"),
    "gzip as csv": ("t.csv", gzip.compress(GOOD_CSV), "file_binary"),
    "exe as csv": ("t.csv", b"MZ\x90\x00" + os.urandom(500), "file_binary"),
    "random bytes as csv": (
        "t.csv",
        bytes(random.randrange(0, 32) for _ in range(4000)),
        "file_binary",
    ),
    "nul bytes only": ("t.csv", b"\x00" * 1000, "file_binary"),
    "sqlite as csv": ("t.csv", b"SQLite format 3\x00" + os.urandom(200), "file_binary"),
    "nul bytes inside": ("t.csv", "id,na\x00me\n1,\x00ქუთაისი\n2,x\n".encode(), None),
    "mixed encodings": (
        "t.csv",
        "id,ქალაქი\n1,ქუთაისი\n".encode() + "2,Кутаиси\n".encode("cp1251"),
        None,
    ),
    "utf-16 cut in half a character": (
        "t.csv",
        "\ufeffid,ქალაქი\n1,ქუთაისი\n".encode("utf-16-le")[:-1],
        None,
    ),
    "ragged rows": ("t.csv", b"a,b,c\n1\n1,2,3,4,5\n,\n", None),
    "unclosed quote": ("t.csv", b'a,b\n1,"never closed\n2,3\n', None),
    "stray quotes": ("t.csv", b'a,b\n1,x"y\n"2"z,3\n', None),
    "cr line ends": ("t.csv", b"a,b\r1,2\r3,4\r", None),
    "5000 columns": (
        "t.csv",
        _csv([[f"c{i}" for i in range(5000)], ["1"] * 5000]),
        "too_many_columns",
    ),
    "a wide row after the header": (
        "t.csv",
        b"a,b\n" + b",".join([b"1"] * 3000) + b"\n",
        "too_many_columns",
    ),
    "10 MB single cell": ("t.csv", b"a,b\n1," + b"x" * (10 << 20) + b"\n", "cell_too_large"),
    "2 MB quoted cell": (
        "t.csv",
        b'a,b\n1,"' + "ა".encode() * (700_000) + b'"\n',
        "cell_too_large",
    ),
    "one line of 20 MB": ("t.csv", b"x" * (20 << 20), "cell_too_large"),
    "duplicate headers": ("t.csv", _csv([["a", "a", "b"], ["1", "2", "3"]]), None),
    "blank header cells": ("t.csv", _csv([["a", "", "c"], ["1", "2", "3"]]), None),
    "formulas": ("t.xlsx", _xlsx_bytes(formulas=True), None),
    "empty sheet": ("t.xlsx", _xlsx_bytes(rows=()), "no_table"),
    "json invalid": ("t.json", b'[{"a": 1},', "json_invalid"),
    "json scalar": ("t.json", b"42", "json_not_records"),
    "json empty array": ("t.json", b"[]", "json_not_records"),
    "json mixed records": ("t.json", b'[{"a": 1}, [1, 2], "x"]', "json_not_records"),
    "json too deep": ("t.json", b"[" * 100_000 + b"]" * 100_000, "json_invalid"),
    "json nested values": ("t.json", json.dumps([{"a": {"b": [1, 2]}, "c": None}]).encode(), None),
    "json in latin-1": ("t.json", '[{"name": "café"}]'.encode("cp1252"), None),
    "many blank lines first": ("t.csv", b"\n" * 300 + GOOD_CSV, "no_table"),
    "a directory": ("dir", None, "file_unreadable"),
}


@pytest.mark.parametrize("case", list(CORPUS), ids=list(CORPUS))
def test_broken_file_gives_a_message_or_a_report(tmp_path, case):
    name, content, expected = CORPUS[case]
    path = tmp_path / name
    if content is None:
        path.mkdir()
    elif callable(content):
        content(path)
    else:
        path.write_bytes(content)
    started = time.monotonic()
    try:
        report = check(path)
    except TableReadError as error:
        assert error.code == expected, error.text("en")
        assert error.code in MESSAGES
        assert error.text("ka") != error.text("en") and "{" not in error.text("ka")
    else:
        assert expected is None, f"expected {expected}"
        data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
        assert data["version"] == 1
    assert time.monotonic() - started < 20


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 40


def test_notes_tell_what_was_repaired(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(CORPUS["mixed encodings"][1])
    codes = {n.code for n in check(path).notes}
    assert "encoding_mixed" in codes
    path.write_bytes(CORPUS["nul bytes inside"][1])
    report = check(path)
    assert "nul_bytes_removed" in {n.code for n in report.notes}
    assert report.labels == ["id", "name"]
    path = tmp_path / "f.xlsx"
    path.write_bytes(_xlsx_bytes(formulas=True))
    assert "formulas_found" in {n.code for n in check(path).notes}


def test_memory_stays_bounded():
    # The whole corpus above ran in this process: 10 MB cells, 64 MB zip members and
    # 5,000 columns must not have cost more than a few hundred MB.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < 1500
