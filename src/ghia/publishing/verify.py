"""Verification: does what is actually published agree with the catalogue?

Each target is read as the public sees it (``Target.observe``) and compared, dataset by
dataset, with the catalogue: every published dataset present, every withdrawn one absent,
the same identifier, persistent URI, title, description, licence and formats, and every
file's sha256 that of the current version; broken links on the website are listed. The
result of each dataset on each target is kept on its ``Publication`` for the workspace.

The JSON report (``Report.as_dict``), version 1::

    {"version": 1, "checked_at": "...", "ok": false,
     "summary": {"datasets": 3, "checks": 6, "agree": 5, "disagree": 1, "problems": 2},
     "targets": [{"target": "ckan:https://...", "kind": "ckan", "municipality": "kutaisi", "error": ""}],
     "datasets": [{"id": "...", "municipality": "kutaisi", "slug": "...", "uri": "...",
                   "status": "published", "title": {"ka": "...", "en": "..."},
                   "targets": {"ckan:https://...": {"ok": false, "location": "...",
                       "problems": [{"code": "checksum", "field": "file", "expected": "...",
                                     "found": "...", "message": {"ka": "...", "en": "..."}}]}}}],
     "unknown": [{"target": "...", "entry": "..."}]}
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation

from ghia.catalog.models import Municipality, Status
from ghia.publishing import records as catalogue
from ghia.publishing.models import Publication
from ghia.publishing.records import DatasetRecord
from ghia.publishing.targets import Observation, Seen, Target

VERSION = 1

MESSAGES = {
    "missing": {"ka": "აქ არ არის გამოქვეყნებული", "en": "Not published here"},
    "still_online": {
        "ka": "გაუქმებულია, მაგრამ ჯერ კიდევ ხელმისაწვდომია",
        "en": "Withdrawn, but still online",
    },
    "identifier": {"ka": "იდენტიფიკატორი განსხვავდება", "en": "The identifier differs"},
    "uri": {"ka": "მუდმივი მისამართი (URI) განსხვავდება", "en": "The persistent URI differs"},
    "title": {"ka": "სათაური განსხვავდება ({lang})", "en": "The title differs ({lang})"},
    "description": {"ka": "აღწერა განსხვავდება ({lang})", "en": "The description differs ({lang})"},
    "licence": {"ka": "ლიცენზია განსხვავდება", "en": "The licence differs"},
    "format": {"ka": "ფორმატები განსხვავდება", "en": "The formats differ"},
    "file_missing": {
        "ka": "ფაილი არ არის ხელმისაწვდომი: {name}",
        "en": "The file is not available: {name}",
    },
    "checksum": {
        "ka": "ფაილი განსხვავდება მიმდინარე ვერსიისგან (sha256): {name}",
        "en": "The file differs from the current version (sha256): {name}",
    },
    "broken_link": {"ka": "გაწყვეტილი ბმული: {link}", "en": "Broken link: {link}"},
    "unreachable": {
        "ka": "სამიზნე ვერ წავიკითხეთ: {error}",
        "en": "The target could not be read: {error}",
    },
    "unknown": {
        "ka": "კატალოგისთვის უცნობი ჩანაწერი: {entry}",
        "en": "An entry the catalogue does not know: {entry}",
    },
    "ok": {"ka": "ემთხვევა", "en": "agrees"},
    "heading_dataset": {"ka": "მონაცემთა ნაკრები", "en": "dataset"},
    "heading_status": {"ka": "სტატუსი", "en": "status"},
    "summary": {
        "ka": "{datasets} მონაცემთა ნაკრები, {checks} შემოწმება: {agree} ემთხვევა, {disagree} განსხვავდება ({problems} პრობლემა).",
        "en": "{datasets} datasets, {checks} checks: {agree} agree, {disagree} disagree ({problems} problems).",
    },
    "all_agree": {
        "ka": "კატალოგი, ვებსაიტი და პორტალი ემთხვევა ერთმანეთს.",
        "en": "The catalogue and every target agree.",
    },
}


class _Blank(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def message(code: str, params: dict | None = None, lang: str = "en") -> str:
    template = MESSAGES[code][lang]
    return string.Formatter().vformat(template, (), _Blank(params or {}))


@dataclass
class Problem:
    code: str
    subject: str = ""  # what differs: "title.en", "file", "presence"...
    expected: str | None = None
    found: str | None = None
    params: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "code": self.code, "field": self.subject, "expected": self.expected, "found": self.found,
            "message": {lang: message(self.code, self.params, lang) for lang in ("ka", "en")},
        }  # fmt: skip


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


def compare(record: DatasetRecord, seen: Seen | None) -> list[Problem]:
    """What the target shows of one dataset, against the catalogue."""
    if record.status != Status.PUBLISHED:
        return [Problem("still_online", "status", "absent", "online")] if seen else []
    if seen is None:
        return [Problem("missing", "presence", "present", "absent")]
    problems = []
    if seen.identifier != record.id:
        problems.append(Problem("identifier", "identifier", record.id, seen.identifier))
    if seen.uri != record.uri:
        problems.append(Problem("uri", "uri", record.uri, seen.uri))
    for name in ("title", "description"):
        expected, found = getattr(record, name), getattr(seen, name)
        for lang in ("ka", "en"):
            if not _same(expected[lang], found.get(lang)):
                problems.append(
                    Problem(name, f"{name}.{lang}", expected[lang], found.get(lang), {"lang": lang})
                )
    if seen.licence != record.licence.id:
        problems.append(Problem("licence", "licence", record.licence.id, seen.licence))
    formats = {d.format.code for d in record.distributions if d.format and not d.external_url}
    if formats != seen.formats:
        problems.append(
            Problem("format", "format", ", ".join(sorted(formats)), ", ".join(sorted(seen.formats)))
        )
    files = {f.key: f for f in seen.files}
    for distribution in record.distributions:
        if distribution.external_url:
            continue
        shown = files.get(distribution.id)
        name = distribution.filename
        if shown is None or shown.sha256 is None:
            problems.append(
                Problem(
                    "file_missing",
                    "file",
                    distribution.sha256,
                    shown.error if shown else None,
                    {"name": name},
                )
            )
        elif shown.sha256 != distribution.sha256:
            problems.append(
                Problem("checksum", "file", distribution.sha256, shown.sha256, {"name": name})
            )
    problems += [
        Problem("broken_link", "link", None, link, {"link": link}) for link in seen.broken_links
    ]
    return problems


@dataclass
class Report:
    checked_at: str
    targets: list[dict] = field(default_factory=list)
    datasets: dict[str, dict] = field(default_factory=dict)
    unknown: list[dict] = field(default_factory=list)

    @property
    def summary(self) -> dict:
        checks = [t for d in self.datasets.values() for t in d["targets"].values()]
        disagree = sum(1 for t in checks if not t["ok"])
        return {
            "datasets": len(self.datasets), "checks": len(checks), "agree": len(checks) - disagree,
            "disagree": disagree + sum(1 for t in self.targets if t["error"]) + len(self.unknown),
            "problems": sum(len(t["problems"]) for t in checks) + len(self.unknown),
        }  # fmt: skip

    @property
    def ok(self) -> bool:
        return self.summary["disagree"] == 0

    def as_dict(self) -> dict:
        return {
            "version": VERSION, "checked_at": self.checked_at, "ok": self.ok, "summary": self.summary,
            "targets": self.targets, "datasets": list(self.datasets.values()), "unknown": self.unknown,
        }  # fmt: skip

    def table(self, lang: str = "en") -> str:
        """The report for people: one line per dataset, a column per target, then the problems."""
        keys = [t["target"] for t in self.targets]
        short = {key: f"[{i + 1}]" for i, key in enumerate(keys)}
        lines = [f"{short[key]} {key}" + (f" — {message('unreachable', {'error': t['error']}, lang)}" if t["error"] else "")
                 for key, t in zip(keys, self.targets, strict=True)]  # fmt: skip
        width = max([len(d["slug"]) for d in self.datasets.values()] + [20])
        heading = f"{message('heading_dataset', lang=lang):<{width}}  {message('heading_status', lang=lang):<10}"
        lines += ["", heading + "  " + "  ".join(f"{short[k]:^5}" for k in keys)]
        details = []
        for dataset in self.datasets.values():
            cells = []
            for key in keys:
                result = dataset["targets"].get(key)
                cells.append(f"{'—' if result is None else '✓' if result['ok'] else '✗':^5}")
                for problem in (result or {}).get("problems", []):
                    details.append(f"  {dataset['slug']} {short[key]}: {problem['message'][lang]}")
            with translation.override(lang):
                status = str(Status(dataset["status"]).label)
            lines.append(f"{dataset['slug']:<{width}}  {status:<10}  " + "  ".join(cells))
        details += [
            f"  {short.get(u['target'], u['target'])}: {message('unknown', {'entry': u['entry']}, lang)}"
            for u in self.unknown
        ]
        lines += [""] + details + [""] if details else [""]
        summary = self.summary
        lines.append(
            message("all_agree", lang=lang) if self.ok else message("summary", summary, lang)
        )
        return "\n".join(lines) + "\n"


def verify(
    targets: Iterable[tuple[Target, Municipality]],
    progress: Callable[[str], None] = lambda _m: None,
) -> Report:
    """Read every (target, municipality) pair and compare it with the catalogue; keep the
    result of each dataset on its publication record."""
    report = Report(checked_at=timezone.now().isoformat(timespec="seconds"))
    for target, municipality in targets:
        progress(target.key)
        found = catalogue.records(municipality, statuses=[Status.PUBLISHED, Status.WITHDRAWN])
        observation = target.observe(municipality, found)
        report.targets.append(
            {
                "target": target.key,
                "kind": str(target.kind),
                "municipality": municipality.slug,
                "error": observation.error,
            }
        )
        report.unknown += [{"target": target.key, "entry": entry} for entry in observation.unknown]
        if observation.error:
            continue
        _compare_all(report, target, found, observation)
    return report


def _compare_all(
    report: Report, target: Target, found: list[DatasetRecord], observation: Observation
) -> None:
    now = timezone.now()
    with transaction.atomic():
        for record in found:
            seen = observation.datasets.get(record.id)
            problems = compare(record, seen)
            if (
                record.status != Status.PUBLISHED
                and not problems
                and not Publication.objects.filter(dataset_id=record.id, target=target.key).exists()
            ):
                continue  # withdrawn and never on this target: nothing to say
            entry = report.datasets.setdefault(record.id, {
                "id": record.id, "municipality": record.municipality, "slug": record.slug, "uri": record.uri,
                "status": record.status, "title": record.title, "targets": {},
            })  # fmt: skip
            entry["targets"][target.key] = {
                "ok": not problems, "location": seen.location if seen else "", "problems": [p.as_dict() for p in problems],
            }  # fmt: skip
            Publication.objects.update_or_create(
                dataset_id=record.id, target=target.key,
                defaults={"kind": target.kind, "verified_at": now, "verified_ok": not problems, "problems": [p.as_dict() for p in problems]},
            )  # fmt: skip
