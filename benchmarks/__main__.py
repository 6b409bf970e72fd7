"""`python -m benchmarks [NAME ...]`: run every benchmark module, or the ones named.

A benchmark is a module ``benchmarks/bench_<name>.py`` with ``def run() -> None`` that
prints its own table (and targets) to stdout. Modules run one after another, in name
order; one failing is reported and the others still run; the exit code is 1 if any failed.
"""

import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path


def discover() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        m.name[len("bench_") :]
        for m in pkgutil.iter_modules([str(here)])
        if m.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    names = argv or discover()
    unknown = [n for n in names if n not in discover()]
    if unknown:
        print(
            f"unknown benchmarks: {', '.join(unknown)}; known: {', '.join(discover())}",
            file=sys.stderr,
        )
        return 2
    failed = []
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        started = time.monotonic()
        try:
            importlib.import_module(f"benchmarks.bench_{name}").run()
        except Exception:
            traceback.print_exc()
            failed.append(name)
        print(f"=== {name}: {time.monotonic() - started:.0f} s ===", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
