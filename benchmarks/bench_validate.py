"""`ghia check` against `frictionless validate` on a large Georgian CSV.

Generates a CSV of GHIA_BENCH_ROWS rows (default 1,000,000, about 240 MB of Georgian
text) with errors of ten kinds injected (``tabular_data``), then runs, each in a child
process timed from the outside with its peak memory:

* ``frictionless validate --trusted --schema S --limit-errors 0 --json FILE``
  (``--limit-errors 0`` is Frictionless's "no limit": it tests ``if limit_errors:``);
* ``ghia check FILE --schema S --limit-errors 0 --json``, five times after a run not
  timed (warm-up): its time is the median of the five.

Before each run what was written before (the file, earlier reports) is flushed to disk.

It prints rows per second of each and their ratio (target: ghia at least 30 times
Frictionless), the error counts by type of both on the same file (which must be equal),
and ghia's peak memory against the file size (target: at most twice). With
GHIA_BENCH_FRICTIONLESS_ROWS smaller than the row count, Frictionless runs on a prefix
of that many rows, its speed is taken from the prefix, and the counts are compared on the
prefix (ghia is run on it too); the output says so.

Finally it shows streaming: the file repeated to GHIA_BENCH_STREAM_COPIES times its size
(default 10, about 2.4 GB) is validated under an address-space limit smaller than the file
(GHIA_BENCH_LIMIT_MB, default 2048), while reading the file whole under that limit fails.
That run uses the schema without ``unique`` and ``primaryKey``, whose memory grows with
the rows in any validator. GHIA_BENCH_STREAM_COPIES=0 skips it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.tabular_data import SCHEMA, generate

RATIO_TARGET = 30
GHIA_RUNS = 5
MEMORY_TARGET = 2.0
MB = 1 << 20

# Runs a command with its stdout in a file, optionally under an address-space limit, and
# prints the wall time and the peak resident memory of the command.
_MEASURE = """
import json, resource, subprocess, sys, time
out, limit, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def limited():
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
started = time.perf_counter()
with open(out, "wb") as stdout:
    done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, preexec_fn=limited)
print(json.dumps({"code": done.returncode, "seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}))
"""


def _measure(command: list[str], out: Path, limit_bytes: int = 0) -> dict:
    # What earlier runs wrote (reports of 16 to 40 MB) goes to disk first: no run is
    # timed against another's writeback.
    os.sync()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(out), str(limit_bytes), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _ghia(
    path: Path, schema: Path, out: Path, limit_bytes: int = 0, listed: int = 0
) -> tuple[dict, dict]:
    """Run ghia check; ``listed`` errors itemised (0: all, as Frictionless is asked)."""
    command = [sys.executable, "-m", "ghia.cli", "check", str(path), "--schema", str(schema)]
    run = _measure([*command, "--limit-errors", str(listed), "--json"], out, limit_bytes)
    if run["code"] not in (0, 1):
        raise RuntimeError(f"ghia check failed ({run['code']}): {run['stderr']}")
    report = json.loads(out.read_text(encoding="utf-8"))
    return run, report


def _frictionless(path: Path, schema: Path, out: Path) -> tuple[dict, Counter]:
    program = str(Path(sys.executable).with_name("frictionless"))
    command = [
        program,
        "validate",
        "--trusted",
        "--schema",
        str(schema),
        "--limit-errors",
        "0",
        "--json",
        str(path),
    ]
    run = _measure(command, out)
    task = json.loads(out.read_text(encoding="utf-8"))["tasks"][0]
    return run, Counter(error["type"] for error in task["errors"])


def _prefix(source: Path, target: Path, rows: int) -> Path:
    with (
        open(source, encoding="utf-8", newline="") as reader,
        open(target, "w", encoding="utf-8", newline="") as writer,
    ):
        for n, line in enumerate(reader):
            if n > rows:
                break
            writer.write(line)
    return target


def run() -> None:
    rows = int(os.environ.get("GHIA_BENCH_ROWS", "1000000"))
    frictionless_rows = min(int(os.environ.get("GHIA_BENCH_FRICTIONLESS_ROWS", str(rows))), rows)
    copies = int(os.environ.get("GHIA_BENCH_STREAM_COPIES", "10"))
    limit_mb = int(os.environ.get("GHIA_BENCH_LIMIT_MB", "2048"))
    with tempfile.TemporaryDirectory(prefix="ghia-bench-validate-") as tmp:
        work = Path(tmp)
        data = generate(work / "data.csv", rows)
        schema = work / "schema.json"
        schema.write_text(json.dumps(SCHEMA, ensure_ascii=False), encoding="utf-8")
        size_mb = data.stat().st_size / MB
        print(
            f"validate: {rows:,} rows, {size_mb:.0f} MB of Georgian CSV, 11 columns, errors of 10 kinds"
        )

        # A run of about a second varies by a tenth on a busy machine: ghia's is the
        # median of five (the highest peak memory of the five is kept), after a run
        # not timed: the first reads of a file just written cost the kernel more.
        _ghia(data, schema, work / "ghia.json")
        runs = [_ghia(data, schema, work / "ghia.json") for _ in range(GHIA_RUNS)]
        ghia_run, ghia_report = sorted(runs, key=lambda run: run[0]["seconds"])[GHIA_RUNS // 2]
        ghia_run = ghia_run | {"peak_mb": max(run["peak_mb"] for run, _ in runs)}
        ghia_rate = rows / ghia_run["seconds"]
        same_file = frictionless_rows == rows
        checked = data if same_file else _prefix(data, work / "prefix.csv", frictionless_rows)
        fric_run, fric_counts = _frictionless(checked, schema, work / "frictionless.json")
        fric_rate = frictionless_rows / fric_run["seconds"]
        ghia_counts = Counter(ghia_report["validation"]["errorsByType"])
        if not same_file:
            ghia_counts = Counter(
                _ghia(checked, schema, work / "ghia-prefix.json")[1]["validation"]["errorsByType"]
            )

        where = (
            "the same file"
            if same_file
            else f"its first {frictionless_rows:,} rows (speed and counts from that prefix)"
        )
        print(f"frictionless ran on {where}; each time is the whole command, start-up included")
        seconds = ", ".join(f"{run['seconds']:.2f}" for run, _ in runs)
        print(f"ghia check: the median of {GHIA_RUNS} runs after a warm-up run ({seconds} s)")
        print(f"{'tool':<14}{'rows':>12}{'seconds':>10}{'rows/s':>12}{'peak MB':>10}")
        print(
            f"{'frictionless':<14}{frictionless_rows:>12,}{fric_run['seconds']:>10.1f}{fric_rate:>12,.0f}{fric_run['peak_mb']:>10.0f}"
        )
        print(
            f"{'ghia check':<14}{rows:>12,}{ghia_run['seconds']:>10.1f}{ghia_rate:>12,.0f}{ghia_run['peak_mb']:>10.0f}"
        )
        ratio = ghia_rate / fric_rate
        print(
            f"speed ratio: {ratio:.1f}x (target >= {RATIO_TARGET}x: {'met' if ratio >= RATIO_TARGET else 'NOT met'})"
        )
        memory = ghia_run["peak_mb"] / size_mb
        print(
            f"ghia peak memory: {ghia_run['peak_mb']:.0f} MB = {memory:.2f}x the file "
            f"(target <= {MEMORY_TARGET}x: {'met' if memory <= MEMORY_TARGET else 'NOT met'})"
        )

        print(f"\nerrors by type on {'the same file' if same_file else 'the prefix'}:")
        print(f"{'type':<18}{'frictionless':>14}{'ghia':>10}  equal")
        for error_type in sorted(set(fric_counts) | set(ghia_counts)):
            a, b = fric_counts.get(error_type, 0), ghia_counts.get(error_type, 0)
            print(f"{error_type:<18}{a:>14,}{b:>10,}  {'yes' if a == b else 'NO'}")
        total_a, total_b = sum(fric_counts.values()), sum(ghia_counts.values())
        print(
            f"{'total':<18}{total_a:>14,}{total_b:>10,}  {'yes' if fric_counts == ghia_counts else 'NO'}"
        )

        if copies > 0:
            _streaming(work, data, copies, limit_mb)


def _streaming(work: Path, data: Path, copies: int, limit_mb: int) -> None:
    big = work / "big.csv"
    with open(data, "rb") as source, open(big, "wb") as target:
        header = source.readline()
        target.write(header)
        for _ in range(copies):
            source.seek(len(header))
            shutil.copyfileobj(source, target, 16 * MB)
    schema = work / "schema-streaming.json"
    streaming = {
        "fields": [{k: v for k, v in f.items() if k != "constraints"} for f in SCHEMA["fields"]]
    }
    schema.write_text(json.dumps(streaming, ensure_ascii=False), encoding="utf-8")
    big_mb = big.stat().st_size / MB
    limit = limit_mb * MB
    whole = _measure(
        [sys.executable, "-c", f"open({str(big)!r}, 'rb').read()"], work / "whole.out", limit
    )
    # Listing every error would hold them all in memory; counts stay complete.
    run, report = _ghia(big, schema, work / "ghia-big.json", limit, listed=1000)
    print(
        f"\nstreaming: a {big_mb:,.0f} MB file under a {limit_mb:,} MB address-space limit (RLIMIT_AS)"
    )
    failed = "MemoryError" in whole["stderr"]
    outcome = (
        "fails (MemoryError)" if failed else "succeeds (the limit is too high to show anything)"
    )
    print(f"  reading it whole under the limit: {outcome}")
    rows = report["validation"]["stats"]["rows"]
    print(
        f"  ghia check: exit {run['code']}, {rows:,} rows validated in {run['seconds']:.1f} s "
        f"({rows / run['seconds']:,.0f} rows/s), peak resident memory {run['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    run()
