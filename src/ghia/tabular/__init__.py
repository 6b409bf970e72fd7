"""Ghia's pure tabular engine: read, infer, validate, scan, clean and write tables.

No Django here; the web and the command line call the same functions::

    from ghia.tabular import check, read_table, infer_schema, validate
    from ghia.tabular import scan_personal_data, clean, write_table

    report = check("budget.xlsx", progress=lambda done, total: ...)
    report.to_dict()                 # versioned JSON, see the README (Data preparation)
    table = read_table("budget.csv")  # tidied, with notes of what was done
    schema = infer_schema(table).schema
    result = validate(table, schema)  # Frictionless error types and row numbers
    table = clean(table, [{"step": "trim"}, {"step": "drop_totals"}])
    write_table(table, "budget.parquet", schema=schema)

Input that cannot be read raises ``TableReadError`` with a message code of the bilingual
catalogue (``ghia.tabular.messages``).
"""

import ctypes
import os

# Polars' allocator keeps freed memory for ten seconds by default; a file read block by
# block would then hold many blocks' worth. A third of a second keeps the next blocks'
# allocations cheap (a tenth purged often enough to cost 2% more time) and peak memory
# under twice the file (unless configured otherwise; this only takes effect when polars
# is first imported here).
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:300,muzzy_decay_ms:0")
# numpy serves only element-wise work here; OpenBLAS's thread pool, started with numpy,
# spins for a while on every core and takes CPU from the readers.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# Blocks are parsed and checked several at a time, each by its own thread; polars' pool
# as large as the machine would put two threads on every core.
os.environ.setdefault("POLARS_MAX_THREADS", str(max(1, (os.cpu_count() or 2) // 2)))

from ghia.tabular.check import CheckReport, check  # noqa: E402
from ghia.tabular.clean import clean, undo
from ghia.tabular.datapackage import Resource, data_package, write_data_package
from ghia.tabular.errors import TableReadError
from ghia.tabular.personal import PersonalDataReport, scan_personal_data
from ghia.tabular.quality import QualityScore, quality_score
from ghia.tabular.report import ValidationReport
from ghia.tabular.schema import SchemaInference, infer_schema
from ghia.tabular.table import Table, TableStream, open_table, read_table
from ghia.tabular.validate import validate
from ghia.tabular.writers import write_table


def _keep_freed_blocks() -> None:
    """Let glibc keep the memory of a block freed for the next one.

    By default a freed block's buffers (a few MB each) often go back to the kernel, which
    must clear fresh pages for the next block; kept in the heap instead (up to 256 MB, in
    two arenas for all the threads), a check of the benchmark file takes a tenth fewer
    page faults and 1-2% less time at the same peak memory (measured). Left alone when
    the MALLOC_* settings are configured.
    """
    if any(name.startswith("MALLOC_") for name in os.environ):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt  # glibc only
    except (OSError, AttributeError):
        return
    trim_threshold, mmap_threshold, arena_max = -1, -3, -8
    mallopt(mmap_threshold, 32 << 20)
    mallopt(trim_threshold, 256 << 20)
    mallopt(arena_max, 2)


_keep_freed_blocks()

__all__ = [
    "CheckReport",
    "PersonalDataReport",
    "QualityScore",
    "Resource",
    "SchemaInference",
    "Table",
    "TableReadError",
    "TableStream",
    "ValidationReport",
    "check",
    "clean",
    "data_package",
    "infer_schema",
    "open_table",
    "quality_score",
    "read_table",
    "scan_personal_data",
    "undo",
    "validate",
    "write_data_package",
    "write_table",
]
