"""What a file is, told from its bytes rather than its name, and how its text is delimited.

A ``.csv`` may hold a PDF and an ``.xlsx`` may be an encrypted OLE2 container; the
magic numbers decide. For delimited text the delimiter is the candidate that splits
the first lines into the most consistent number of fields.
"""

import csv
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ghia.tabular.encoding import BOMS, utf16_without_bom
from ghia.tabular.errors import TableReadError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Binary formats people upload by mistake, named in the error message.
_BINARY_MAGICS = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7z"),
    (b"\x7fELF", "ELF"),
    (b"MZ", "EXE"),
    (b"PAR1", "Parquet"),
    (b"SQLite format 3", "SQLite"),
)

DELIMITERS = (",", ";", "\t", "|")
SPREADSHEET_FORMATS = ("xlsx", "xls", "ods")


def detect_format(path: Path, head: bytes) -> str:
    """One of csv, tsv, json, xlsx, xls, ods; raises TableReadError for anything else."""
    if not head:
        raise TableReadError("file_empty")
    if head.startswith(ZIP_MAGICS):
        return _zip_format(path)
    if head.startswith(OLE2_MAGIC):
        # Office encrypts XLSX and DOCX alike into an OLE2 container with these streams.
        if "EncryptedPackage".encode("utf-16-le") in _read_prefix(path, 1 << 20):
            raise TableReadError("file_encrypted")
        return "xls"
    for magic, kind in _BINARY_MAGICS:
        if head.startswith(magic):
            raise TableReadError("file_binary", kind=kind)
    if _looks_binary(head):
        raise TableReadError("file_binary", kind="?")
    suffix = path.suffix.lower()
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".json" or (
        stripped[:1] in (b"[", b"{") and suffix not in (".csv", ".tsv", ".tab", ".txt")
    ):
        return "json"
    return "tsv" if suffix in (".tsv", ".tab") else "csv"


def _read_prefix(path: Path, size: int) -> bytes:
    with open(path, "rb") as f:
        return f.read(size)


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
            if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
                return "xlsx"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise TableReadError("file_corrupt", format="ZIP", reason=str(error)) from error
    raise TableReadError("format_unsupported", format="ZIP")


def _looks_binary(head: bytes) -> bool:
    """Many NUL or control bytes, and not UTF-16 text (which has NULs by design)."""
    if any(head.startswith(bom) for bom, _ in BOMS) or utf16_without_bom(head):
        return False
    sample = head[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.10


@dataclass(frozen=True)
class Dialect:
    delimiter: str = ","
    quote_char: str = '"'
    # Spaces after a delimiter are not part of the next cell (Python's skipinitialspace).
    skip_initial_space: bool = False

    def to_dict(self) -> dict:
        return {
            "delimiter": self.delimiter,
            "quoteChar": self.quote_char,
            "skipInitialSpace": self.skip_initial_space,
        }


def detect_dialect(text: str, fmt: str = "csv") -> Dialect:
    """The delimiter, quote character and initial-space rule of delimited ``text``.

    Where Python's csv.Sniffer decides, as Frictionless asks it to (on the first hundred
    lines, among , TAB ; |), its delimiter and initial-space rule are taken, so both
    tools split cells alike; where it cannot, the delimiter that splits the first lines
    most consistently is.
    """
    delimiter = "\t" if fmt == "tsv" else _consistent_delimiter(text)
    skip = False
    first_lines = "".join(re.split(r"(?<=\n)", text)[:100])
    try:
        sniffed = csv.Sniffer().sniff(first_lines, "\t" if fmt == "tsv" else ",\t;|")
        delimiter, skip = sniffed.delimiter, bool(sniffed.skipinitialspace)
    except csv.Error:
        pass
    return Dialect(
        delimiter=delimiter, quote_char=_quote_char(text, delimiter), skip_initial_space=skip
    )


def _consistent_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    if not lines:
        return ","
    # A delimiter in the first line (the header, usually) beats one only found below it.
    first = next(csv.reader(io.StringIO(lines[0]), delimiter="\x00"))[0]
    candidates = [d for d in DELIMITERS if d in first] or list(DELIMITERS)
    best, best_score = candidates[0], (-1.0, 0)
    for delimiter in candidates:
        counts = [
            len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
        ]
        mode, frequency = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        score = (frequency / len(counts), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _quote_char(text: str, delimiter: str) -> str:
    """Single quotes only when they, not double quotes, open fields."""
    starts = Counter()
    for line in text.splitlines()[:200]:
        for part in line.split(delimiter):
            if part[:1] in ("'", '"'):
                starts[part[:1]] += 1
    return "'" if starts["'"] > 2 * starts['"'] and starts["'"] >= 3 else '"'
