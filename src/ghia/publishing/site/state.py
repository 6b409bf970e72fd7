"""What the builder remembers between builds, in ``OUT/.ghia/state-{VERSION}.sqlite3``.

For every dataset: the digest it was built from, the files it wrote, its record (so that
a rebuild makes records of the changed datasets only), and its pieces of
the catalogue-wide files (DCAT-AP in three formats, its data.json entry, its item in the
lists of datasets), so that a
rebuild joins them instead of making them again. For every page about the whole
catalogue: the digest of what it showed. For every data file (by sha256): its preview. SQLite: a rebuild reads and rewrites only the
rows that changed, and a build interrupted half-way leaves the previous state whole.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

VERSION = 4  # of the tables below: a builder of another version starts afresh
PIECES = ("ttl", "rdf", "jsonld", "datajson", "item_ka", "item_en", "search")
SCHEMA = """
create table if not exists meta (key text primary key, value text);
create table if not exists units (id text primary key, digest text, outputs text, record text,
    ttl text, rdf text, jsonld text, datajson text, item_ka text, item_en text, search text);
create table if not exists aggregates (path text primary key, digest text);
create table if not exists previews (sha256 text primary key, data text);
"""


class BuildState:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(folder / f"state-{VERSION}.sqlite3")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def meta(self, key: str) -> str | None:
        row = self.db.execute("select value from meta where key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("insert or replace into meta values (?, ?)", (key, value))

    def digests(self) -> dict[str, tuple[str, str]]:
        """Unit id -> (digest, first output)."""
        rows = self.db.execute("select id, digest, json_extract(outputs, '$[0]') from units")
        return {unit_id: (digest, first or "") for unit_id, digest, first in rows}

    def _json_by_key(self, query: str, keys) -> dict:
        """``query`` (``select key, json ... in ({marks})``) for the keys, 500 at a time
        (SQLite's bound on parameters), with the JSON read."""
        found = {}
        wanted = list(keys)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self.db.execute(query.format(marks=",".join("?" * len(chunk))), chunk)
            found.update((key, json.loads(data)) for key, data in rows)
        return found

    def outputs(self, unit_ids) -> dict[str, list[str]]:
        return self._json_by_key("select id, outputs from units where id in ({marks})", unit_ids)

    def save_unit(
        self, unit_id: str, digest: str, outputs: list[str], pieces: dict | None, record: str
    ) -> None:
        """``record``: the unit's record as JSON (``records.as_data``)."""
        pieces = pieces or {}
        self.db.execute(
            "insert or replace into units values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                unit_id,
                digest,
                json.dumps(outputs, ensure_ascii=False),
                record,
                *[pieces.get(name) for name in PIECES],
            ),
        )

    def records(self, unit_ids: set[str]) -> list:
        """The records kept of these units, as data: read as one JSON document, which is
        faster than one per unit."""
        rows = self.db.execute("select id, record from units")
        return json.loads("[" + ",".join(r for unit_id, r in rows if unit_id in unit_ids) + "]")

    def drop_units(self, unit_ids) -> None:
        self.db.executemany("delete from units where id = ?", [(u,) for u in unit_ids])

    def pieces(self) -> dict[str, dict[str, bytes]]:
        """Every unit's pieces as UTF-8 bytes: joined into files, never decoded."""
        columns = ", ".join(f"cast({name} as blob)" for name in PIECES)
        rows = self.db.execute(f"select id, {columns} from units where ttl is not null")
        return {row[0]: dict(zip(PIECES, row[1:], strict=True)) for row in rows}

    def previews(self, shas) -> dict[str, dict | None]:
        """Previews already made of these files (by content), None for files that have none."""
        return self._json_by_key(
            "select sha256, data from previews where sha256 in ({marks})", shas
        )

    def save_previews(self, previews: dict[str, dict | None]) -> None:
        self.db.executemany(
            "insert or replace into previews values (?, ?)",
            [(sha, json.dumps(data, ensure_ascii=False)) for sha, data in previews.items()],
        )

    def aggregates(self) -> dict[str, str]:
        return dict(self.db.execute("select path, digest from aggregates"))

    def save_aggregates(self, digests: dict[str, str]) -> None:
        self.db.execute("delete from aggregates")
        self.db.executemany("insert into aggregates values (?, ?)", digests.items())

    def commit(self) -> None:
        self.db.commit()
