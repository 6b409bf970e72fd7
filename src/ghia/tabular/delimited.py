"""Delimited text (CSV, TSV) read in blocks of whole records, each parsed by polars.

The file is never held whole: it is cut into blocks of about ``block_bytes`` that end on
a record boundary (a newline outside quotes), transcoded to UTF-8 when needed, and each
block becomes a polars frame of the fields' text cells, two blocks being parsed at a
time. Polars cannot tell a missing cell from an empty one, which Frictionless reports
differently, so the number of cells of every record is told by its bytes: numpy finds
the quotes and line breaks, and the bytes of a record that are not in its cells are its
delimiters; the few records with more cells than fields are read again by Python's csv
module. A block whose quoting is not RFC 4180 (a quote inside an unquoted cell) is
parsed by Python's csv module instead, the reader Frictionless itself uses, so both
tools see the same cells; so is a small file, which that module reads before polars has
started.
"""

import codecs
import csv
import io
import itertools
import mmap
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from ghia.tabular.encoding import bom_length
from ghia.tabular.errors import TableReadError
from ghia.tabular.limits import DEFAULT_LIMITS, Limits
from ghia.tabular.prefetch import ParallelMap
from ghia.tabular.sniff import Dialect

BLOCK_BYTES = 12 << 20
# A file this small (and within one block) is read by Python's csv module, which is done
# before polars has started on it.
SMALL_FILE_BYTES = 64 << 10
PYTHON_BATCH_ROWS = 100_000
EXTRA_KEPT = 8
PARSERS = 2  # blocks parsed at once
WIDTH = "__width__"
_NL, _CR = 10, 13
# A window of the file is read whole at once: its pages are mapped in one call.
_MAP_FLAGS = mmap.MAP_PRIVATE | getattr(mmap, "MAP_POPULATE", 0)


def cell_column(index: int) -> str:
    return f"c{index}"


@dataclass
class ReadStats:
    """What reading the blocks ran into, reported as notes once reading is done."""

    replaced_bytes: int = 0
    nul_bytes: int = 0
    records: int = 0


class DelimitedFile:
    def __init__(
        self,
        path: Path,
        encoding: str,
        dialect: Dialect,
        limits: Limits = DEFAULT_LIMITS,
        block_bytes: int | None = None,
    ):
        self.path = path
        self.encoding = encoding
        self.dialect = dialect
        self.limits = limits
        self.block_bytes = block_bytes or BLOCK_BYTES
        self.stats = ReadStats()
        self._replaced_lock = threading.Lock()
        self.size = path.stat().st_size
        # Old Mac files end lines with CR alone; polars and numpy both want LF.
        sample = self._first_text(1 << 16)
        self.cr_only = b"\r" in sample and b"\n" not in sample

    # --- Blocks of whole records -------------------------------------------------------

    def _raw_blocks(self, block_bytes: int) -> Iterator[tuple[bytes, int]]:
        """UTF-8 bytes in pieces of ``block_bytes``, with the file offset reached."""
        with open(self.path, "rb") as f:
            f.seek(bom_length(self.encoding))
            decoder = None
            if self.encoding not in ("utf-8", "utf-8-sig"):
                decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
            while True:
                raw = f.read(block_bytes)
                final = not raw
                if decoder is not None:
                    raw = decoder.decode(raw, final=final).encode("utf-8")
                if raw:
                    yield raw, f.tell()
                if final:
                    return

    def _first_text(self, size: int) -> bytes:
        return next((raw for raw, _ in self._raw_blocks(size)), b"")

    def _text_blocks(self) -> Iterator[tuple[bytes, int]]:
        for raw, offset in self._raw_blocks(self.block_bytes):
            if self.cr_only:
                raw = raw.replace(b"\r", b"\n")
            if b"\x00" in raw:  # found far sooner than counted
                raw = self._without_nuls(raw)
            yield raw, offset

    def _without_nuls(self, raw: bytes) -> bytes:
        """``raw`` without its NUL bytes, which are counted."""
        self.stats.nul_bytes += raw.count(b"\x00")
        return raw.replace(b"\x00", b"")

    def frames(self, n_columns: int) -> Iterator[tuple[pl.DataFrame, int]]:
        """Frames of consecutive records and the file offset reached after each.

        A frame has ``__width__`` (the number of cells of the record) and columns
        c0..c{n-1} with the text of each cell; a cell beyond the record's width is
        not in the file (a missing cell) whatever the frame holds there.
        """
        if self.size <= min(SMALL_FILE_BYTES, self.block_bytes):
            yield from self._parse_python((raw for raw, _ in self._text_blocks()), n_columns)
            return
        pieces = _Pieces(self, ord(self.dialect.quote_char))
        parsed = ParallelMap(lambda p: self._parse_regular(p[0], n_columns, p[1]), pieces, PARSERS)
        for (piece, _, offset), found in parsed:
            if found is None:
                # Quoting that only a real CSV parser follows: hand it the rest.
                rest = [piece, *(later for later, _, _ in parsed.unused())]
                yield from self._parse_python(pieces.rest(rest), n_columns)
                return
            del piece  # parsed: not held while the frame is used
            frame, longest = found
            yield self._counted(frame, longest), offset

    def _counted(self, frame: pl.DataFrame, longest: int | None = None) -> pl.DataFrame:
        """``frame``, its records counted; ``longest``: the most bytes in one record's
        cells, when known (no cell is longer)."""
        if longest is None or longest > self.limits.max_cell_bytes:
            self._check_cell_sizes(frame)
        self.stats.records += frame.height
        return frame

    def _parse_regular(
        self, piece: bytes, n_columns: int, quotes=None
    ) -> tuple[pl.DataFrame, int] | None:
        """Polars parse of a piece with RFC 4180 quoting, and the most bytes in one
        record's cells; None when the quoting is not, or when spaces after delimiters
        must be skipped (polars cannot)."""
        if self.dialect.skip_initial_space and _spaces_after_delimiters(
            piece, self.dialect.delimiter
        ):
            return None
        delimiter, quote = ord(self.dialect.delimiter), ord(self.dialect.quote_char)
        found = record_content(piece, delimiter, quote, quotes)
        if found is None:
            return None
        content, ends = found
        columns = max(n_columns, 1)
        options = dict(
            has_header=False,
            separator=self.dialect.delimiter,
            quote_char=self.dialect.quote_char,
            schema={cell_column(i): pl.String for i in range(columns)},
            missing_columns="insert",
            # The first record decides how many columns polars expects: one with more
            # cells than the fields would stop the piece (the rest are truncated).
            extra_columns="ignore",
            truncate_ragged_lines=True,
            empty_string_is_null=False,
            infer_schema=False,
            raise_if_empty=False,
        )
        replaced = False
        try:
            frame = pl.read_csv(piece, **options)
        except pl.exceptions.ComputeError as error:
            if "utf-8" not in str(error).lower():
                return None
            text = piece.decode("utf-8", errors="replace")
            with self._replaced_lock:  # pieces are parsed in several threads
                self.stats.replaced_bytes += text.count("\ufffd")
            replaced = True
            try:
                frame = pl.read_csv(text.encode("utf-8"), **options)
            except pl.exceptions.PolarsError:
                return None
        except pl.exceptions.PolarsError:
            return None
        if frame.height != len(content):
            return None
        # Polars fills the cells a short record lacks with empty text, so the width of a
        # record is told by its bytes: those not in any cell are its delimiters.
        in_cells = frame.select(pl.sum_horizontal(pl.all().str.len_bytes())).to_series()
        widths = content - in_cells.to_numpy() + 1
        if replaced:  # cells changed by decoding: count delimiters
            widths = record_widths(piece, delimiter, quote, quotes)
        # Polars drops the cells beyond the fields; the few records that have them are
        # read again by Python's csv module, for their width and the cells kept for
        # extra-cell errors.
        ragged = np.flatnonzero(widths > columns)
        if len(ragged):
            frame, widths = self._with_extra_cells(frame, widths, piece, ends, ragged, columns)
        longest = int(in_cells.max() or 0)
        return frame.with_columns(pl.Series(WIDTH, widths, dtype=pl.Int32)), longest

    def _with_extra_cells(self, frame, widths, piece, ends, ragged, columns):
        """The widths of the ``ragged`` records, and their first extra cells as columns."""
        starts = np.concatenate(([0], ends[:-1] + 1))
        text = b"".join(piece[starts[i] : ends[i] + 1] for i in ragged)
        records = list(csv.reader(io.StringIO(text.decode("utf-8", "replace"), newline="")))
        widths = widths.astype(np.int32)
        widths[ragged] = [len(record) for record in records]
        kept = min(int(widths.max()), columns + EXTRA_KEPT)
        extra = {}
        for i in range(columns, kept):
            cells = pl.Series([r[i] if i < len(r) else None for r in records], dtype=pl.String)
            column = pl.repeat(None, frame.height, dtype=pl.String, eager=True)
            extra[cell_column(i)] = column.scatter(ragged, cells)
        return frame.with_columns(**extra), widths

    def _parse_python(
        self, pieces: Iterator[bytes], n_columns: int
    ) -> Iterator[tuple[pl.DataFrame, int]]:
        stream = io.TextIOWrapper(
            _BytesStream(pieces), encoding="utf-8", errors="replace", newline=""
        )
        csv.field_size_limit(self.limits.max_cell_bytes)
        reader = csv.reader(stream, **self._csv_options())
        try:
            while True:
                rows = list(itertools.islice(reader, PYTHON_BATCH_ROWS))
                if not rows:
                    return
                for row in rows:
                    self.stats.replaced_bytes += sum(cell.count("\ufffd") for cell in row)
                yield self._counted(_rows_frame(rows, n_columns)), self.size
        except csv.Error as error:
            raise _csv_error(error, self.stats.records, self.limits) from error

    def _csv_options(self) -> dict:
        return {
            "delimiter": self.dialect.delimiter,
            "quotechar": self.dialect.quote_char,
            "skipinitialspace": self.dialect.skip_initial_space,
        }

    def _check_cell_sizes(self, frame: pl.DataFrame) -> None:
        cells = [c for c in frame.columns if c != WIDTH]
        if not cells or not frame.height:
            return
        sizes = frame.select(pl.col(c).str.len_bytes().max() for c in cells).row(0)
        for name, size in zip(cells, sizes, strict=True):
            if size is not None and size > self.limits.max_cell_bytes:
                index = frame[name].str.len_bytes().arg_max()
                raise TableReadError(
                    "cell_too_large",
                    row=self.stats.records + index + 1,
                    column=int(name[1:]) + 1,
                    size=size,
                    limit=self.limits.max_cell_bytes,
                )

    def head_rows(self, max_records: int = 200, max_bytes: int = 1 << 20) -> list[list[str]]:
        """The first records as lists of cells, read with Python's csv module (exact)."""
        text = self._first_text(max_bytes)
        if self.cr_only:
            text = text.replace(b"\r", b"\n")
        text = text.replace(b"\x00", b"")
        # Drop a possibly cut last record.
        quotes = _quote_positions(text, 0, len(text), ord(self.dialect.quote_char))
        cut = _last_boundary(text, quotes, 0, len(text))
        if cut >= 0 and len(text) >= max_bytes:
            text = text[: cut + 1]
        csv.field_size_limit(self.limits.max_cell_bytes)
        reader = csv.reader(
            io.StringIO(text.decode("utf-8", errors="replace"), newline=""), **self._csv_options()
        )
        rows = []
        try:
            for row in reader:
                rows.append(row)
                if len(rows) >= max_records:
                    break
        except csv.Error as error:
            raise _csv_error(error, len(rows), self.limits) from error
        return rows


class _Pieces:
    """Pieces of whole records cut from a file's text, as (piece, the positions of its
    quote characters or None, file offset reached); what the text leaves after its last
    record boundary is the last piece.

    UTF-8 text is cut from the file mapped into memory a window at a time, each piece
    copied once, straight from the page cache. Other text (decoded, or with NUL bytes to
    remove, from the first NUL on) is read into one buffer used again for every block,
    after what the block before left over (the carry).
    """

    def __init__(self, file: DelimitedFile, quote: int):
        self.file, self.quote = file, quote
        self.limit = max(file.limits.max_cell_bytes * 4, 2 * file.block_bytes)
        self.start = bom_length(file.encoding)  # the file offset of the text not yet cut
        self.buffer = bytearray()
        self.carry = 0  # bytes of the buffer's start left over by the block before
        self.fills: Iterator[tuple[int, int]] | None = None

    def __iter__(self) -> Iterator[tuple[bytes, np.ndarray | None, int]]:
        if self.file.encoding in ("utf-8", "utf-8-sig") and not self.file.cr_only:
            yield from self._mapped()
        self.fills = self._fills()
        yield from self._buffered()

    def _mapped(self) -> Iterator[tuple[bytes, np.ndarray, int]]:
        """Pieces from the file mapped a window at a time, up to its end or a NUL byte."""
        file = self.file
        block = max(file.block_bytes // 3, 1)  # a smaller first block: first rows sooner
        with open(file.path, "rb") as f:
            while self.start < file.size:
                stop = min(file.size, self.start + block)
                base = self.start - self.start % mmap.ALLOCATIONGRANULARITY
                try:
                    window = mmap.mmap(
                        f.fileno(), stop - base, _MAP_FLAGS, mmap.PROT_READ, offset=base
                    )
                except (OSError, ValueError):  # not a file that maps: read it instead
                    return
                with window:
                    first, end = self.start - base, stop - base
                    if window.find(b"\x00", first, end) >= 0:
                        return
                    quotes = _quote_positions(window, first, end, self.quote)
                    cut = (
                        end - 1 if stop == file.size else _last_boundary(window, quotes, first, end)
                    )
                    if cut < 0:
                        self._check_record_size(stop - self.start)
                        block *= 2
                        continue
                    piece = window[first : cut + 1]
                self.start = base + cut + 1
                yield piece, quotes[: np.searchsorted(quotes, len(piece))], self.start
                block = file.block_bytes

    def _fills(self) -> Iterator[tuple[int, int]]:
        """Put the next text after the carry; yield where it ends and the file offset."""
        file = self.file
        if file.encoding not in ("utf-8", "utf-8-sig") or file.cr_only:
            for raw, offset in file._text_blocks():
                self.buffer[self.carry :] = raw
                yield len(self.buffer), offset
            return
        with open(file.path, "rb") as f:
            f.seek(self.start)
            while True:
                if len(self.buffer) < self.carry + file.block_bytes:
                    self.buffer.extend(bytes(self.carry + file.block_bytes - len(self.buffer)))
                with memoryview(self.buffer) as view:
                    read = f.readinto(view[self.carry : self.carry + file.block_bytes])
                if not read:
                    return
                end = self.carry + read
                if self.buffer.find(b"\x00", self.carry, end) >= 0:
                    text = file._without_nuls(self._bytes(self.carry, end))
                    self.buffer[self.carry : end] = text
                    end = self.carry + len(text)
                yield end, f.tell()

    def _buffered(self) -> Iterator[tuple[bytes, np.ndarray | None, int]]:
        for end, offset in self.fills:
            quotes = _quote_positions(self.buffer, 0, end, self.quote)
            cut = _last_boundary(self.buffer, quotes, 0, end)
            if cut < 0:
                self._check_record_size(end)
                self.carry = end
                continue
            piece = self._bytes(0, cut + 1)
            self.buffer[: end - cut - 1] = self.buffer[cut + 1 : end]
            self.carry = end - cut - 1
            yield piece, quotes[: np.searchsorted(quotes, cut)], offset
        if self.carry:
            piece, self.carry = self._bytes(0, self.carry), 0
            yield piece, None, self.file.size

    def _check_record_size(self, size: int) -> None:
        """Refuse a record still unfinished after ``size`` bytes, beyond any cell's limit."""
        if size > self.limit:
            raise TableReadError(
                "cell_too_large",
                row=self.file.stats.records + 1,
                column="?",
                size=size,
                limit=self.file.limits.max_cell_bytes,
            )

    def _bytes(self, start: int, end: int) -> bytes:
        # Copied once (slicing the bytearray itself would copy twice).
        with memoryview(self.buffer) as view:
            return view[start:end].tobytes()

    def rest(self, pieces: list[bytes]) -> Iterator[bytes]:
        """The text from ``pieces`` (already cut) to the end of the file."""
        yield from pieces
        if self.fills is None:  # cut from the mapped file: read on from where it stopped
            self.fills = self._fills()
        yield self._bytes(0, self.carry)
        self.carry = 0
        for end, _ in self.fills:
            yield self._bytes(0, end)


def _quote_positions(data, start: int, end: int, quote: int) -> np.ndarray:
    """Where the quote characters of ``data[start:end]`` are, from ``start``."""
    with memoryview(data) as view:
        positions = np.flatnonzero(np.frombuffer(view[start:end], dtype=np.uint8) == quote)
    return positions


def _spaces_after_delimiters(piece: bytes, delimiter: str) -> bool:
    return piece.startswith(b" ") or (delimiter.encode() + b" ") in piece or b"\n " in piece


def _last_boundary(data, quotes: np.ndarray, start: int, end: int) -> int:
    """Index of the last newline of ``data[start:end]`` outside quotes, -1 if none.

    ``data`` has a record boundary at ``start``, so a newline is outside quotes when an
    even number of quote characters precede it (an escaped quote counts twice); their
    positions from ``start`` are ``quotes``.
    """
    while True:
        nl = data.rfind(b"\n", start, end)
        if nl < 0 or np.searchsorted(quotes, nl - start) % 2 == 0:
            return nl
        end = nl


def _records(piece: bytes, delimiter: int, quote: int, quotes=None):
    """The bytes of ``piece``, its quote positions, the end of each record (a line break
    outside quotes, or the end) and how many quotes precede it; None when its quoting
    is irregular.

    Quoting is regular (RFC 4180) when every opening quote starts a cell and every
    closing quote ends one; only then do counts over the bytes agree with a real CSV parser.
    """
    buf = np.frombuffer(piece, dtype=np.uint8)
    if quotes is None:
        quotes = np.flatnonzero(buf == quote)
    if len(quotes) and not _regular_quotes(buf, quotes, delimiter):
        return None
    ends = np.flatnonzero(buf == _NL)
    quotes_before = np.searchsorted(quotes, ends)  # odd before a line break in quotes
    outside = quotes_before % 2 == 0
    ends, quotes_before = ends[outside], quotes_before[outside]
    if not len(ends) or ends[-1] != len(buf) - 1:
        ends = np.append(ends, len(buf))
        quotes_before = np.append(quotes_before, len(quotes))
    return buf, quotes, ends, quotes_before


def record_content(piece: bytes, delimiter: int, quote: int, quotes=None):
    """For each record of ``piece``, how many of its bytes end up in its cells, plus its
    delimiters, and where each record ends; None when its quoting is irregular.

    That is the record's length without its line break, less its quote characters, plus
    one for each escaped quote ("" stands for one " of a cell); an empty line counts -1,
    so that a record's width is this less the bytes of its cells, plus one. Only the
    quotes and line breaks are looked up: far fewer than the delimiters.
    """
    if not piece:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    found = _records(piece, delimiter, quote, quotes)
    if found is None:
        return None
    buf, quotes, ends, quotes_before = found
    lengths = ends - np.concatenate(([0], ends[:-1] + 1))
    # A CR before the line break is not part of the record (CRLF line endings).
    lengths -= (lengths > 0) & (buf[np.maximum(ends - 1, 0)] == _CR)
    content = lengths.astype(np.int64)
    if len(quotes):
        content -= np.diff(quotes_before, prepend=0)
        # An escaped quote is a closing quote right before an opening one.
        closing, opening = quotes[1:-1:2], quotes[2::2]
        escaped = closing[opening == closing + 1]
        content += np.bincount(np.searchsorted(ends, escaped), minlength=len(ends))
    content[lengths == 0] = -1
    return content, ends


def record_widths(piece: bytes, delimiter: int, quote: int, quotes=None) -> np.ndarray | None:
    """Number of cells of each record of ``piece``, or None when its quoting is irregular:
    the delimiters outside quotes between line breaks outside quotes, counted."""
    if not piece:
        return np.zeros(0, dtype=np.int32)
    found = _records(piece, delimiter, quote, quotes)
    if found is None:
        return None
    buf, quotes, ends, _ = found
    starts = np.concatenate(([0], ends[:-1] + 1))
    delimiters = np.flatnonzero(buf == delimiter)
    counts = np.searchsorted(delimiters, ends) - np.searchsorted(delimiters, starts)
    if len(quotes):
        # Take away the delimiters inside each quoted span from its record's count
        # (looking the few quotes up among the delimiters, not the other way round).
        opening, closing = quotes[0::2], quotes[1::2]
        inside = np.searchsorted(delimiters, closing) - np.searchsorted(delimiters, opening)
        record = np.searchsorted(ends, opening)
        counts = counts - np.bincount(record, weights=inside, minlength=len(ends)).astype(
            counts.dtype
        )
    widths = counts + 1
    lengths = ends - starts
    # An empty line (or one holding only the CR of CRLF) is a record with no cells.
    empty = (lengths == 0) | ((lengths == 1) & (buf[np.minimum(starts, len(buf) - 1)] == _CR))
    widths[empty] = 0
    return widths.astype(np.int32)


def _regular_quotes(buf: np.ndarray, quotes: np.ndarray, delimiter: int) -> bool:
    if len(quotes) % 2:
        return False
    n = len(buf)
    opening, closing = quotes[0::2], quotes[1::2]
    # A quote opens a cell after a delimiter or a line break, or is the second half of
    # an escaped pair ("") right after the quote before it.
    before = buf[np.maximum(opening - 1, 0)]
    after_quote = np.zeros(len(opening), dtype=bool)
    after_quote[1:] = opening[1:] - 1 == closing[:-1]
    opens_cell = (opening == 0) | np.isin(before, (delimiter, _NL, _CR)) | after_quote
    # A quote closes a cell before a delimiter, a line break or the end, or is the first
    # half of an escaped pair.
    after = buf[np.minimum(closing + 1, n - 1)]
    before_quote = np.zeros(len(closing), dtype=bool)
    before_quote[:-1] = closing[:-1] + 1 == opening[1:]
    closes_cell = (closing == n - 1) | np.isin(after, (delimiter, _NL, _CR)) | before_quote
    return bool(opens_cell.all() and closes_cell.all())


def _rows_frame(rows: list[list[str]], n_columns: int) -> pl.DataFrame:
    max_width = max((len(r) for r in rows), default=0)
    n = max(n_columns, min(max_width, n_columns + EXTRA_KEPT), 1)
    columns = {
        cell_column(i): pl.Series([r[i] if i < len(r) else None for r in rows], dtype=pl.String)
        for i in range(n)
    }
    columns[WIDTH] = pl.Series([len(r) for r in rows], dtype=pl.Int32)
    return pl.DataFrame(columns)


class _BytesStream(io.RawIOBase):
    """A readable binary stream over an iterator of byte strings."""

    def __init__(self, pieces: Iterator[bytes]):
        self._pieces = pieces
        self._buffer = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not len(self._buffer):
            try:
                self._buffer = memoryview(next(self._pieces))
            except StopIteration:
                return 0
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


def _csv_error(error: csv.Error, records: int, limits: Limits) -> TableReadError:
    if "field limit" in str(error):
        return TableReadError(
            "cell_too_large", row=records + 1, column="?", size="?", limit=limits.max_cell_bytes
        )
    return TableReadError("file_corrupt", format="CSV", reason=str(error))
