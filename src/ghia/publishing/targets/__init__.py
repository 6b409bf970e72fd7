"""Publication targets: the municipal website, a CKAN portal, the national-portal bundle.

Every target answers the same three questions, so a new one (an API client for
data.gov.ge once it documents one) plugs in beside the others:

- ``plan(municipality)``: what publishing would do (create, update, upload, delete), without
  writing anything; ``--dry-run`` prints it;
- ``publish(municipality, progress)``: carry the plan out, recording after every step what
  the target now holds (``Publication``), so an interrupted run resumes where it stopped;
- ``observe(municipality, records)``: read back what the target actually shows, for
  ``ghia verify``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ghia.catalog.models import Municipality
from ghia.publishing.records import DatasetRecord

# Progress callbacks receive (steps done, steps in all, what was just done).
Progress = Callable[[int, int, str], None]


def no_progress(_done: int, _total: int, _message: str) -> None:
    pass


VERBS = {
    "create": _("create"),
    "update": _("update"),
    "upload": _("upload"),
    "delete": _("delete"),
}


@dataclass(frozen=True)
class Action:
    verb: str  # create, update, upload, delete
    what: str  # organization, package, resource, page, file, ...
    label: str  # what a person recognises: the dataset's slug, a file name
    dataset_id: str = ""
    key: str = ""  # the target's own handle on the step (a distribution id, a path)

    def describe(self) -> str:
        return f"{VERBS.get(self.verb, self.verb)} {self.what} {self.label}"


@dataclass
class Plan:
    target: str
    actions: list[Action] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # dataset label -> why its steps failed

    def add(self, verb: str, what: str, label: str, dataset_id: str = "", key: str = "") -> None:
        self.actions.append(Action(verb, what, label, dataset_id, key))

    def counts(self) -> dict[str, int]:
        return dict(Counter(action.verb for action in self.actions))

    def __bool__(self) -> bool:
        return bool(self.actions)


@dataclass
class SeenFile:
    url: str
    sha256: str | None  # None when the file could not be fetched
    error: str = ""
    key: str = ""  # the distribution it stands for, when the target says


@dataclass
class Seen:
    """One dataset as a target shows it to the public."""

    identifier: str
    uri: str
    title: dict
    description: dict
    licence: str | None  # in Ghia's licence ids
    formats: set[str]  # EU file-type codes
    files: list[SeenFile]
    location: str  # where it was read (a page or an API address)
    broken_links: list[str] = field(default_factory=list)


@dataclass
class Observation:
    target: str
    datasets: dict[str, Seen] = field(default_factory=dict)  # by Ghia dataset id
    unknown: list[str] = field(
        default_factory=list
    )  # entries that carry no Ghia identifier we know
    error: str = ""  # the target could not be read at all


class Target(ABC):
    kind: str  # "site", "ckan", "bundle"

    @property
    @abstractmethod
    def key(self) -> str:
        """The target's address, as publication records store it."""

    @abstractmethod
    def plan(self, municipality: Municipality) -> Plan: ...

    @abstractmethod
    def publish(self, municipality: Municipality, progress: Progress = no_progress) -> Plan:
        """Carry out the plan; returns what was done."""

    @abstractmethod
    def observe(
        self, municipality: Municipality, records: Iterable[DatasetRecord]
    ) -> Observation: ...
