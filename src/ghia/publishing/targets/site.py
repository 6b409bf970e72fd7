"""The municipal website as a target: built into a folder, read back from the folder or
over HTTP wherever it was copied."""

from __future__ import annotations

import hashlib
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.utils import timezone

from ghia.catalog.models import Municipality
from ghia.publishing import records as catalogue
from ghia.publishing.dcat import EU
from ghia.publishing.models import Publication, TargetKind
from ghia.publishing.records import DatasetRecord
from ghia.publishing.site import builder
from ghia.publishing.targets import Observation, Plan, Progress, Seen, SeenFile, Target, no_progress
from ghia.standards import registries

_DEF_LICENCE = re.compile(r"/def/licence/([^/]+)$")


class SiteTarget(Target):
    kind = TargetKind.SITE

    def __init__(self, location: str | Path, base_url: str | None = None):
        self.location = str(location)
        self.base_url = base_url
        self.result: builder.BuildResult | None = None

    @property
    def is_remote(self) -> bool:
        return self.location.startswith(("http://", "https://"))

    @property
    def key(self) -> str:
        where = self.location.rstrip("/") if self.is_remote else str(Path(self.location).resolve())
        return f"site:{where}"

    def plan(self, municipality: Municipality) -> Plan:
        changes = builder.pending(self.location, municipality, self.base_url)
        plan = Plan(self.key)
        for kind, record in changes.units:
            plan.add("update" if kind == "dataset" else "delete", "page", record.slug, record.id)
        for unit_id in changes.gone:
            plan.add("delete", "page", unit_id, unit_id)
        return plan

    def publish(self, municipality: Municipality, progress: Progress = no_progress) -> Plan:
        plan = self.plan(municipality)
        self.result = builder.build(self.location, municipality, self.base_url, progress)
        self._record(municipality)
        return plan

    def _record(self, municipality: Municipality) -> None:
        """What the website holds now, for the workspace: every published dataset."""
        base = (self.base_url or catalogue.publisher(municipality).base).rstrip("/")
        now = timezone.now()
        published = catalogue.records(municipality)
        stored = {
            str(p.dataset_id): p
            for p in Publication.objects.filter(target=self.key, dataset__municipality=municipality)
        }
        for record in published:
            publication = stored.get(record.id) or Publication(
                dataset_id=record.id, kind=self.kind, target=self.key
            )
            checksum = record.digest()
            if (
                publication.checksum == checksum
                and publication.state == Publication.State.PUBLISHED
            ):
                continue
            publication.remote_id = f"doc/dataset/{record.slug}"
            publication.remote_url = f"{base}/doc/dataset/{record.slug}/"
            publication.checksum = checksum
            publication.files = {
                d.id: {"sha256": d.sha256, "remote_id": d.file_path} for d in record.distributions
            }
            publication.state = Publication.State.PUBLISHED
            publication.published_at = now
            publication.save()
        current = {r.id for r in published}
        for dataset_id, publication in stored.items():
            if dataset_id not in current and publication.state == Publication.State.PUBLISHED:
                publication.state = Publication.State.WITHDRAWN
                publication.save(update_fields=["state", "updated_at"])

    def observe(self, municipality: Municipality, records: Iterable[DatasetRecord]) -> Observation:
        return SiteReader(self.location).observe(self.key, records)


class _Page(HTMLParser):
    """The links of a page and its schema.org JSON-LD."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.json_ld: list[str] = []
        self.withdrawn = False
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[name])
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        if "data-ghia-withdrawn" in attrs:
            self.withdrawn = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


class SiteReader:
    """Reads a website built by Ghia from its folder or over HTTP, as a visitor would."""

    def __init__(self, location: str):
        self.remote = location.startswith(("http://", "https://"))
        self.root = location.rstrip("/") + "/" if self.remote else Path(location)
        self._exists: dict[str, bool] = {}

    def url(self, path: str) -> str:
        return urljoin(self.root, path) if self.remote else str(self.root / path)

    def get(self, path: str) -> bytes | None:
        """The bytes at ``path`` (relative to the site's root), None when there are none;
        OSError when the site cannot be reached at all."""
        if self.remote:
            try:
                with urllib.request.urlopen(self.url(path), timeout=60) as response:
                    return response.read()
            except urllib.error.HTTPError:
                return None
        target = self.root / path
        if target.is_dir():
            target = target / "index.html"
        return target.read_bytes() if target.is_file() else None

    def exists(self, path: str) -> bool:
        if path not in self._exists:
            if self.remote:
                request = urllib.request.Request(self.url(path), method="HEAD")
                try:
                    with urllib.request.urlopen(request, timeout=60) as response:
                        self._exists[path] = response.status < 400
                except (urllib.error.URLError, OSError):
                    self._exists[path] = False
            else:
                target = self.root / path
                self._exists[path] = target.is_file() or (target / "index.html").is_file()
        return self._exists[path]

    def file(self, path: str) -> SeenFile:
        digest = hashlib.sha256()
        if self.remote:
            try:
                with urllib.request.urlopen(self.url(path), timeout=60) as response:
                    for chunk in iter(lambda: response.read(1 << 20), b""):
                        digest.update(chunk)
            except urllib.error.HTTPError as error:
                return SeenFile(self.url(path), None, f"HTTP {error.code}")
            except (urllib.error.URLError, OSError) as error:
                return SeenFile(self.url(path), None, type(error).__name__)
        else:
            target = self.root / path
            if not target.is_file():
                return SeenFile(self.url(path), None, "missing")
            with open(target, "rb") as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
        return SeenFile(self.url(path), digest.hexdigest())

    def observe(self, key: str, records: Iterable[DatasetRecord]) -> Observation:
        observation = Observation(key)
        try:
            self._observe(observation, records)
        except OSError as error:  # unreachable, or the connection dropped half-way
            observation.error = f"{self.url('')}: {error}"
        return observation

    def _observe(self, observation: Observation, records: Iterable[DatasetRecord]) -> None:
        if self.get("index.html") is None:
            observation.error = f"no website at {self.url('index.html')}"
            return
        known = set()
        for record in records:
            known.add(record.uri)
            path = f"doc/dataset/{record.slug}/index.html"
            html = self.get(path)
            if html is None:
                continue
            page = _Page()
            page.feed(html.decode("utf-8", "replace"))
            if page.withdrawn:
                continue  # the address stays, saying the dataset was withdrawn: not published
            seen = self._seen(page, path)
            seen.broken_links = self._broken(path, page.links)
            observation.datasets[record.id] = seen
        observation.unknown = self._unknown(known)

    def _broken(self, page_path: str, links: list[str]) -> list[str]:
        broken = []
        for link in links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:")) or not parts.path:
                continue  # another site's address: not the website's to answer for
            target = unquote(urljoin(page_path, parts.path))
            if not self.exists(target):
                broken.append(link)
        return broken

    def _seen(self, page: _Page, path: str) -> Seen:
        document = {}
        for block in page.json_ld:
            try:
                candidate = json.loads(block)
            except ValueError:
                continue
            if candidate.get("@type") == "Dataset":
                document = candidate
        downloads = document.get("distribution") or []
        return Seen(
            identifier=str(document.get("identifier", "")),
            uri=document.get("@id", ""),
            title=_languages(document.get("name")),
            description=_languages(document.get("description")),
            licence=_licence_id(document.get("license", "")),
            formats={_format(d.get("encodingFormat")) for d in downloads} - {None},
            files=[self._download(d) for d in downloads if "/files/" in d.get("contentUrl", "")],
            location=self.url(path),
        )

    def _download(self, download: dict) -> SeenFile:
        seen = self.file(_site_path(download["contentUrl"]))
        seen.key = download.get("@id", "").rsplit("/", 1)[-1]  # the distribution's UUID
        return seen

    def _unknown(self, known: set[str]) -> list[str]:
        """Datasets the website lists (in data.json) that the catalogue does not publish."""
        data = self.get("data.json")
        try:
            listed = json.loads(data)["dataset"] if data else []
        except (ValueError, KeyError, TypeError):
            return ["data.json"]
        return [d.get("identifier", "?") for d in listed if d.get("identifier") not in known]


def _site_path(content_url: str) -> str:
    return "files/" + content_url.split("/files/", 1)[1]


def _format(encoding) -> str | None:
    """The EU file type a download names: its URI among the encodings, else its media type's."""
    values = encoding if isinstance(encoding, list) else [encoding]
    for value in values:
        if isinstance(value, str) and value.startswith(EU + "file-type/"):
            return value.rsplit("/", 1)[-1]
    found = (
        registries.format_for_media_type(values[0])
        if values and isinstance(values[0], str)
        else None
    )
    return found.id if found else None


def _languages(value) -> dict:
    found = {"ka": "", "en": ""}
    for item in value if isinstance(value, list) else [value] if value else []:
        if isinstance(item, dict) and item.get("@language") in found:
            found[item["@language"]] = item.get("@value", "")
        elif isinstance(item, str):
            found["ka"] = found["ka"] or item
    return found


def _licence_id(uri: str) -> str | None:
    if match := _DEF_LICENCE.search(uri):
        return match.group(1)
    licence = registries.licence_for_uri(uri) if uri else None
    return licence.id if licence else None
