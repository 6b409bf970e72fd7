"""Registries of open-data standards: licences, formats, EU data themes and frequencies.

The entries live in ``data/*.json`` with Georgian and English labels. Every list comes
back in the order of its file, which is the order to offer them in a form. URIs are
those of the EU Publications Office authority tables that DCAT-AP uses.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")
_EU = "http://publications.europa.eu/resource/authority/"

DEFAULT_LICENCE = "CC-BY-4.0"


@dataclass(frozen=True)
class Licence:
    id: str
    title: dict = field(hash=False)
    url: str | None  # None for the catch-all "other" entries
    is_open: bool  # conformant with the Open Definition
    recommended: bool  # one the Open Definition recommends
    uri: str | None  # EU licence authority URI, else the licence URL


@dataclass(frozen=True)
class Format:
    id: str  # the code of the EU file-type table
    title: dict = field(hash=False)
    media_type: str
    extensions: tuple[str, ...]  # lower case, without the dot
    stars: int  # openness of the format alone: 1 document, 2 proprietary data, 3 open data
    is_open: bool  # an open, non-proprietary specification
    machine_readable: bool  # structured data a program can read
    eu_uri: str
    media_type_aliases: tuple[str, ...] = ()
    profile_of: str | None = None  # a format defined by what a container holds (GTFS in ZIP)


@dataclass(frozen=True)
class Theme:
    code: str
    uri: str
    label: dict = field(hash=False)


@dataclass(frozen=True)
class Frequency:
    code: str
    uri: str
    label: dict = field(hash=False)
    days: int | None  # longest expected gap between updates; None when there is no schedule


def _load(name: str) -> list[dict]:
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


@cache
def _licences() -> tuple[Licence, ...]:
    return tuple(
        Licence(
            id=row["id"],
            title=row["title"],
            url=row["url"],
            is_open=row["is_open"],
            recommended=row["recommended"],
            uri=_EU + "licence/" + row["eu"] if row["eu"] else row["url"],
        )
        for row in _load("licences.json")
    )


def _format_stars(is_open: bool, machine_readable: bool) -> int:
    if not machine_readable:
        return 1
    return 3 if is_open else 2


@cache
def _formats() -> tuple[Format, ...]:
    return tuple(
        Format(
            id=row["id"],
            title=row["title"],
            media_type=row["media_types"][0],
            extensions=tuple(row["extensions"]),
            stars=_format_stars(row["is_open"], row["machine_readable"]),
            is_open=row["is_open"],
            machine_readable=row["machine_readable"],
            eu_uri=_EU + "file-type/" + row["id"],
            media_type_aliases=tuple(row["media_types"][1:]),
            profile_of=row.get("profile_of"),
        )
        for row in _load("formats.json")
    )


@cache
def _themes() -> tuple[Theme, ...]:
    return tuple(
        Theme(code=row["code"], uri=_EU + "data-theme/" + row["code"], label=row["label"])
        for row in _load("themes.json")
    )


@cache
def _frequencies() -> tuple[Frequency, ...]:
    return tuple(
        Frequency(
            code=row["code"],
            uri=_EU + "frequency/" + row["code"],
            label=row["label"],
            days=row["days"],
        )
        for row in _load("frequencies.json")
    )


def licences() -> list[Licence]:
    return list(_licences())


def licence(id: str) -> Licence | None:
    wanted = id.strip().lower()
    return next((item for item in _licences() if item.id.lower() == wanted), None)


def licence_for_uri(uri: str) -> Licence | None:
    """The licence named by an EU authority URI or by its own URL (trailing slash optional)."""
    wanted = uri.strip().rstrip("/")
    return next(
        (
            item
            for item in _licences()
            if wanted in {(item.uri or "").rstrip("/"), (item.url or "").rstrip("/")} - {""}
        ),
        None,
    )


def formats() -> list[Format]:
    return list(_formats())


def format_by_id(id: str) -> Format | None:
    wanted = id.strip().upper()
    return next((item for item in _formats() if item.id == wanted), None)


def format_for_filename(name: str) -> Format | None:
    """The format a file name's extension says; the longest matching extension wins."""
    lowered = name.strip().lower()
    matches = [
        (len(ext), item)
        for item in _formats()
        for ext in item.extensions
        if lowered.endswith("." + ext)
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None


def format_for_media_type(media_type: str) -> Format | None:
    """The format of a media type (parameters such as charset ignored).

    A profile such as GTFS shares its container's media type and is not chosen by it.
    """
    wanted = media_type.split(";")[0].strip().lower()
    return next(
        (
            item
            for item in _formats()
            if item.profile_of is None
            and wanted in (item.media_type, *item.media_type_aliases)
        ),
        None,
    )


def themes() -> list[Theme]:
    return list(_themes())


def theme(code: str) -> Theme | None:
    wanted = code.strip().upper()
    return next((item for item in _themes() if item.code == wanted), None)


def frequencies() -> list[Frequency]:
    return list(_frequencies())


def frequency(code: str) -> Frequency | None:
    wanted = code.strip().upper()
    return next((item for item in _frequencies() if item.code == wanted), None)


def five_stars(
    licence_open: bool, fmt: Format | None, has_uris: bool = False, linked: bool = False
) -> int:
    """Tim Berners-Lee's five stars of open data for one distribution (0 when not open).

    1: on the web under an open licence; 2: structured data; 3: in an open format;
    4: things named with URIs; 5: linked to other people's data. Each star needs the ones
    before it, so URIs or links in a spreadsheet do not lift it above its format.
    """
    if not licence_open:
        return 0
    stars = fmt.stars if fmt else 1
    if stars == 3 and has_uris:
        stars = 5 if linked else 4
    return stars
