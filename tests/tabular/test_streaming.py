import time

import pytest

from ghia.tabular import delimited, open_table
from ghia.tabular.prefetch import prefetched
from tests.tabular.conftest import csv_text


def test_prefetched_keeps_order_and_reads_at_most_one_ahead():
    produced = []

    def items():
        for n in range(10):
            produced.append(n)
            yield n

    seen = []
    for item in prefetched(items()):
        time.sleep(0.005)  # let the reader run ahead if it would
        assert len(produced) <= item + 2
        seen.append(item)
    assert seen == list(range(10))


def test_prefetched_hands_errors_to_the_consumer():
    def items():
        yield 1
        raise ValueError("broken block")

    with pytest.raises(ValueError, match="broken block"):
        list(prefetched(items()))


def test_prefetched_stops_when_the_consumer_stops():
    produced = []

    def endless():
        n = 0
        while True:
            produced.append(n)
            yield n
            n += 1

    started = time.monotonic()
    for item in prefetched(endless()):
        if item == 3:
            break
    assert time.monotonic() - started < 2
    time.sleep(0.05)
    assert len(produced) <= 5


def test_head_then_frames_reads_each_block_once(tmp_path, monkeypatch):
    monkeypatch.setattr(delimited, "BLOCK_BYTES", 256)
    path = tmp_path / "t.csv"
    path.write_text(
        csv_text([["n", "s"]] + [[str(i), "ქ" * 10] for i in range(300)]), encoding="utf-8"
    )
    parsed = []
    original = delimited.DelimitedFile._parse_regular
    monkeypatch.setattr(
        delimited.DelimitedFile,
        "_parse_regular",
        lambda self, *a, **k: parsed.append(1) or original(self, *a, **k),
    )
    stream = open_table(path)
    assert stream.head(20)["n"].to_list() == [str(i) for i in range(20)]
    assert sum(frame.height for frame, _ in stream.frames()) == 300
    first_pass = len(parsed)
    # A second pass reads every block once; the first did too, head() included.
    assert sum(frame.height for frame, _ in stream.frames()) == 300
    assert first_pass > 1 and len(parsed) == 2 * first_pass


@pytest.mark.parametrize("records", [5, 250])
def test_first_rows_from_opening_equal_the_rows_polars_reads(tmp_path, monkeypatch, records):
    """Below a title, with short, long and empty records; 250 records are more than
    opening reads, so the rows past them must come from the frames."""
    rows = [["ანგარიში 2024"], [], ["n", "სახელი", "თანხა"]]
    for i in range(records):
        cells = [str(i), f"ქ {i}", "1 200,50"] + (["x"] if i % 7 == 0 else [])
        rows.append(cells[:2] if i % 5 == 1 else cells)
        if i % 11 == 0:
            rows.append([])
    path = tmp_path / "t.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    wanted = records + 5
    from_opening = open_table(path).first_rows(wanted)
    stream = open_table(path)
    monkeypatch.setattr(stream, "_first_records", None)
    from_frames = stream.first_rows(wanted)
    assert from_opening == from_frames
    assert len(from_opening) == min(wanted, records + records // 11 + 1)
    assert from_opening[:4] == [
        ["0", "ქ 0", "1 200,50"], ["", "", ""], ["1", "ქ 1", ""], ["2", "ქ 2", "1 200,50"]
    ]  # fmt: skip
