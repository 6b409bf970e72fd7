"""What every demo file shares: its record, the list of makers, and invented details."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from ghia.catalog.demo.places import COMPANIES, City


@dataclass(frozen=True)
class DemoFile:
    name: str
    content: bytes
    facts: dict = field(default_factory=dict)


MAKERS: list[Callable[[], DemoFile]] = []


def maker(func: Callable[[], DemoFile]) -> Callable[[], DemoFile]:
    MAKERS.append(func)
    return func


def author(city: City) -> str:
    return f"{city.genitive} მუნიციპალიტეტის მერია"


def phone(rng, city: City) -> str:
    digits = f"{rng.randrange(20, 30)}{rng.randrange(10000):04d}"
    return f"{city.phone_prefix} {digits[:2]} {digits[2:4]} {digits[4:]}"


def address(rng, city: City) -> str:
    return f"{rng.choice(city.streets)} №{rng.randint(1, 140)}"


def near(rng, city: City, km: float) -> tuple[float, float]:
    """A point within km of the centre (a degree of longitude is shorter there)."""
    angle, distance = rng.uniform(0, 2 * math.pi), km * math.sqrt(rng.random())
    lat = city.lat + distance * math.cos(angle) / 111.0
    lon = city.lon + distance * math.sin(angle) / (111.0 * math.cos(math.radians(city.lat)))
    return round(lat, 6), round(lon, 6)


def company_ids(rng) -> dict[str, str]:
    return {name: f"{rng.choice('24')}{rng.randrange(10**8):08d}" for name in COMPANIES}


def cadastral(rng, city: City) -> str:
    return f"{city.cadastral_zone}.{rng.randint(1, 35):02d}.{rng.randint(1, 40):02d}.{rng.randint(1, 999):03d}"
