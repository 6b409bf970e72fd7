"""JSON arrays of records: objects (keys are labels) or arrays (the first is the header)."""

import json
from pathlib import Path

import polars as pl

from ghia.tabular.encoding import detect_encoding
from ghia.tabular.errors import TableReadError
from ghia.tabular.limits import DEFAULT_LIMITS, Limits

_MB = 1 << 20


def read_json_records(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[list[str | None]]:
    """The records as rows of text cells, the header first."""
    size = path.stat().st_size
    if size > limits.max_json_bytes:
        raise TableReadError(
            "file_too_large", size=round(size / _MB), limit=round(limits.max_json_bytes / _MB)
        )
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode(detect_encoding(raw[:65536])))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise TableReadError("json_invalid", reason=str(error)[:200]) from error
    if isinstance(data, dict):
        # {"data": [...]} and similar single-key wrappers are common in API exports.
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else None
    if not isinstance(data, list) or not data:
        raise TableReadError("json_not_records")
    if all(isinstance(item, dict) for item in data):
        labels: dict[str, None] = {}
        for item in data:
            labels.update(dict.fromkeys(item))
        header = list(labels)
        rows = [[_text(item.get(key)) for key in header] for item in data]
        return [header, *rows]
    if all(isinstance(item, list) for item in data):
        return [[_text(cell) for cell in item] for item in data]
    raise TableReadError("json_not_records")


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def rows_frame(rows: list[list[str | None]], width: int) -> pl.DataFrame:
    """Rows of text cells as a frame of columns c0..c{width-1}."""
    return pl.DataFrame(
        {
            f"c{i}": pl.Series([r[i] if i < len(r) else None for r in rows], dtype=pl.String)
            for i in range(width)
        },
        height=len(rows),
    )
