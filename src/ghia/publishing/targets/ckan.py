"""A CKAN portal as a target, through its action API (ckanapi).

One organization per municipality, one package per published dataset, one resource per
distribution. Which remote object belongs to which dataset is stored (``Publication``,
``RemoteOrganization``), never found by search. The plan is made from what was stored,
so a run with nothing changed calls nothing at all. A create whose answer is lost (the
connection drops, the process is killed) is recognised on the next attempt by the
package's deterministic name and its ``ghia_id`` extra, or by the resource's
``ghia_distribution_id``, so nothing is created twice.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import requests
from ckanapi import RemoteCKAN
from ckanapi.errors import CKANAPIError, NotAuthorized, NotFound, ServerIncompatibleError
from django.db import transaction
from django.utils import timezone

from ghia import __version__
from ghia.catalog.models import DataVersion, Municipality
from ghia.catalog.services import open_version
from ghia.publishing import records as catalogue
from ghia.publishing.models import Publication, RemoteOrganization, TargetKind
from ghia.publishing.records import DatasetRecord, DistributionRecord
from ghia.publishing.targets import Observation, Plan, Progress, Seen, SeenFile, Target, no_progress
from ghia.publishing.targets import ckan_fields as fields

READ_SUFFIXES = ("_show", "_list", "_search")


def is_transient(error: Exception) -> bool:
    """Network trouble or a server error: worth trying again. CKAN's answers about the
    request itself (not found, not allowed, invalid) are not."""
    if isinstance(error, requests.RequestException | ServerIncompatibleError):
        return True
    return type(error) is CKANAPIError


class CkanClient:
    """ckanapi with retries (exponential backoff) and a count of the calls made."""

    def __init__(self, url: str, token: str | None = None, *, retries: int = 4, backoff: float = 0.5,
                 remote=None, sleep: Callable[[float], None] = time.sleep):  # fmt: skip
        self.url = url.rstrip("/")
        self.remote = remote or RemoteCKAN(self.url, apikey=token, user_agent=f"ghia/{__version__}")
        self.retries, self.backoff, self.sleep = retries, backoff, sleep
        self.calls: Counter = Counter()

    @property
    def writes(self) -> int:
        return sum(n for action, n in self.calls.items() if not action.endswith(READ_SUFFIXES))

    def call(self, action: str, data: dict | None = None, *, upload: tuple[str, Callable] | None = None,
             recover: Callable[[], dict | None] | None = None):  # fmt: skip
        """Call an action. ``upload`` is (file name, opener); ``recover`` looks for the
        result of a create whose answer was lost, before it is tried again."""
        for attempt in range(self.retries + 1):
            try:
                self.calls[action] += 1
                if upload is None:
                    return self.remote.call_action(action, data or {})
                filename, opener = upload
                with opener() as stream:
                    return self.remote.call_action(
                        action, data or {}, files={"upload": (filename, stream)}
                    )
            except Exception as error:
                if not is_transient(error) or attempt == self.retries:
                    raise
            self.sleep(self.backoff * 2**attempt)
            if recover is not None and (found := recover()) is not None:
                return found
        raise AssertionError("unreachable")

    def show(self, action: str, id: str) -> dict | None:
        try:
            return self.call(action, {"id": id})
        except (NotFound, NotAuthorized):
            return None


@dataclass
class _Work:
    """What the plan's steps need: the records, the stored publications, the organization."""

    municipality: Municipality
    records: dict[str, DatasetRecord]
    publications: dict[str, Publication]
    organization: RemoteOrganization | None
    organization_payload: dict


class CkanTarget(Target):
    kind = TargetKind.CKAN

    def __init__(self, url: str, token: str | None = None, client: CkanClient | None = None):
        self.client = client or CkanClient(url, token)
        self.url = self.client.url

    @property
    def key(self) -> str:
        return f"ckan:{self.url}"

    # --- the plan -------------------------------------------------------------------

    def _work(self, municipality: Municipality) -> _Work:
        found = {r.id: r for r in catalogue.records(municipality)}
        stored = {
            str(p.dataset_id): p
            for p in Publication.objects.filter(target=self.key, dataset__municipality=municipality)
        }
        publisher = catalogue.publisher(municipality)
        return _Work(
            municipality=municipality,
            records=found,
            publications=stored,
            organization=RemoteOrganization.objects.filter(
                municipality=municipality, target=self.key
            ).first(),
            organization_payload=fields.organization(
                fields.organization_name(municipality.slug), publisher.name, publisher.homepage
            ),
        )

    def _plan(self, work: _Work) -> Plan:
        plan = Plan(self.key)
        org = work.organization
        if org is None:
            plan.add("create", "organization", work.municipality.slug)
        elif org.checksum != fields.checksum(work.organization_payload):
            plan.add("update", "organization", work.municipality.slug)
        org_id = org.remote_id if org else ""
        for record in work.records.values():
            publication = work.publications.get(record.id)
            label = record.slug
            if publication is None or not publication.remote_id:
                plan.add("create", "package", label, record.id)
            elif (
                publication.state != Publication.State.PUBLISHED
                or publication.checksum != fields.checksum(fields.package(record, org_id))
            ):
                plan.add("update", "package", label, record.id)
            stored_files = publication.files if publication else {}
            for distribution in record.distributions:
                entry = stored_files.get(distribution.id)
                name = distribution.filename or distribution.external_url
                if (
                    not entry
                    or not entry.get("remote_id")
                    or entry.get("sha256") != distribution.sha256
                ):
                    plan.add("upload", "resource", f"{label}/{name}", record.id, distribution.id)
                elif entry.get("checksum") != fields.checksum(fields.resource(distribution)):
                    plan.add("update", "resource", f"{label}/{name}", record.id, distribution.id)
            current = {d.id for d in record.distributions}
            for distribution_id, entry in stored_files.items():
                if distribution_id not in current and entry.get("remote_id"):
                    plan.add(
                        "delete",
                        "resource",
                        f"{label}/{distribution_id}",
                        record.id,
                        distribution_id,
                    )
        for dataset_id, publication in work.publications.items():
            if (
                dataset_id not in work.records
                and publication.remote_id
                and publication.state != Publication.State.WITHDRAWN
            ):
                plan.add("delete", "package", publication.dataset.slug, dataset_id)
        return plan

    def plan(self, municipality: Municipality) -> Plan:
        return self._plan(self._work(municipality))

    # --- carrying it out ---------------------------------------------------------------

    def publish(self, municipality: Municipality, progress: Progress = no_progress) -> Plan:
        work = self._work(municipality)
        plan = self._plan(work)
        failed: set[str] = set()
        for done, action in enumerate(plan.actions, 1):
            if action.dataset_id in failed:
                continue
            try:
                self._do(work, action)
            except Exception as error:
                if not action.dataset_id or is_transient(error):
                    raise  # the portal is unreachable: stop; the next run resumes here
                failed.add(action.dataset_id)
                plan.failed[action.label.split("/")[0]] = self._fail(work, action.dataset_id, error)
            progress(done, len(plan.actions), action.describe())
        return plan

    def _do(self, work: _Work, action) -> None:
        if action.what == "organization":
            self._organization(work)
        elif action.what == "package" and action.verb == "delete":
            self._withdraw(work.publications[action.dataset_id])
        elif action.what == "package":
            self._package(work, work.records[action.dataset_id])
        elif action.verb == "delete":
            self._delete_resource(work.publications[action.dataset_id], action.key)
        else:
            record = work.records[action.dataset_id]
            distribution = next(d for d in record.distributions if d.id == action.key)
            self._resource(
                work.publications[record.id], distribution, upload=action.verb == "upload"
            )

    def _fail(self, work: _Work, dataset_id: str, error: Exception) -> str:
        message = f"{type(error).__name__}: {error}"[:2000]
        publication = work.publications.get(dataset_id)
        if publication is not None:
            publication.message = message
            if not publication.remote_id:
                publication.state = Publication.State.FAILED
            publication.save(update_fields=["message", "state", "updated_at"])
        return message

    def _organization(self, work: _Work) -> None:
        payload = work.organization_payload
        org = work.organization
        if org is not None:
            self.client.call("organization_patch", {"id": org.remote_id, **payload})
        else:
            # A portal operator may have made the organization already; else create it.
            # organization_create can fail after creating it: look before trying again.
            found = self.client.show("organization_show", payload["name"])
            if found is None:
                found = self.client.call(
                    "organization_create",
                    payload,
                    recover=lambda: self.client.show("organization_show", payload["name"]),
                )
            org = RemoteOrganization(
                municipality=work.municipality,
                target=self.key,
                remote_id=found["id"],
                name=found["name"],
            )
        org.checksum = fields.checksum(payload)
        org.save()
        work.organization = org

    def _adopt_package(self, record: DatasetRecord) -> dict | None:
        """Our package from a run whose answer was lost: found by name, proven by ghia_id."""
        found = self.client.show("package_show", fields.package_name(record))
        if found and fields.extras(found).get("ghia_id") == record.id:
            return found
        return None

    def _package(self, work: _Work, record: DatasetRecord) -> None:
        payload = fields.package(record, work.organization.remote_id)
        publication = work.publications.get(record.id)
        if publication is None:
            publication = Publication.objects.create(
                dataset_id=record.id, kind=self.kind, target=self.key
            )
            work.publications[record.id] = publication
        if publication.remote_id:
            found = self.client.call(
                "package_patch", {"id": publication.remote_id, **payload, "state": "active"}
            )
        else:
            # Marked before the call: a run that dies after CKAN created the package looks it up.
            if publication.state != Publication.State.CREATING:
                publication.state = Publication.State.CREATING
                publication.save(update_fields=["state", "updated_at"])
            found = self._adopt_package(record)
            if found is not None:
                found = self.client.call(
                    "package_patch", {"id": found["id"], **payload, "state": "active"}
                )
            else:
                found = self.client.call(
                    "package_create", payload, recover=lambda: self._adopt_package(record)
                )
        publication.remote_id = found["id"]
        publication.remote_url = f"{self.url}/dataset/{found['name']}"
        publication.checksum = fields.checksum(payload)
        publication.state = Publication.State.PUBLISHED
        publication.published_at = publication.published_at or timezone.now()
        publication.message = ""
        publication.save()

    def _adopt_resource(self, publication: Publication, distribution_id: str) -> dict | None:
        package = self.client.show("package_show", publication.remote_id) or {}
        return next(
            (
                r
                for r in package.get("resources", [])
                if r.get("ghia_distribution_id") == distribution_id
            ),
            None,
        )

    def _resource(
        self, publication: Publication, distribution: DistributionRecord, upload: bool
    ) -> None:
        payload = fields.resource(distribution)
        entry = dict(publication.files.get(distribution.id) or {})
        if entry.get("pending") and not entry.get("remote_id"):
            found = self._adopt_resource(publication, distribution.id)
            if found:
                entry["remote_id"] = found["id"]
                entry["sha256"] = found.get("hash")
        file = None
        if upload and not distribution.external_url and entry.get("sha256") != distribution.sha256:
            version = DataVersion.objects.get(pk=distribution.version_id)
            file = (distribution.filename, lambda: open_version(version))
        if entry.get("remote_id"):
            found = self.client.call(
                "resource_patch", {"id": entry["remote_id"], **payload}, upload=file
            )
        else:
            with transaction.atomic():
                publication.files = {**publication.files, distribution.id: {"pending": True}}
                publication.save(update_fields=["files", "updated_at"])
            found = self.client.call(
                "resource_create", {"package_id": publication.remote_id, **payload}, upload=file,
                recover=lambda: self._adopt_resource(publication, distribution.id),
            )  # fmt: skip
            if found.get("hash") != distribution.sha256 and file is not None:
                # Adopted from a run that stopped mid-upload: send the file again.
                found = self.client.call(
                    "resource_patch", {"id": found["id"], **payload}, upload=file
                )
        publication.files = {
            **publication.files,
            distribution.id: {
                "remote_id": found["id"],
                "sha256": distribution.sha256,
                "checksum": fields.checksum(payload),
            },
        }
        publication.save(update_fields=["files", "updated_at"])

    def _delete_resource(self, publication: Publication, distribution_id: str) -> None:
        entry = publication.files.get(distribution_id) or {}
        try:
            self.client.call("resource_delete", {"id": entry["remote_id"]})
        except NotFound:
            pass  # already gone
        publication.files = {k: v for k, v in publication.files.items() if k != distribution_id}
        publication.save(update_fields=["files", "updated_at"])

    def _withdraw(self, publication: Publication) -> None:
        try:
            self.client.call("package_delete", {"id": publication.remote_id})
        except NotFound:
            pass
        publication.state = Publication.State.WITHDRAWN
        publication.checksum = ""
        publication.save(update_fields=["state", "checksum", "updated_at"])

    # --- reading back -------------------------------------------------------------------

    def observe(self, municipality: Municipality, records: Iterable[DatasetRecord]) -> Observation:
        """What the portal shows anyone (an anonymous client), for the verifier."""
        public = CkanClient(
            self.url,
            retries=self.client.retries,
            backoff=self.client.backoff,
            sleep=self.client.sleep,
        )
        observation = Observation(self.key)
        stored = {
            str(p.dataset_id): p
            for p in Publication.objects.filter(
                target=self.key, dataset__municipality=municipality
            ).exclude(remote_id="")
        }
        try:
            for record in records:
                publication = stored.get(record.id)
                package = (
                    public.show("package_show", publication.remote_id) if publication else None
                )
                if package and package.get("state", "active") == "active":
                    observation.datasets[record.id] = _seen(
                        package, f"{self.url}/dataset/{package['name']}"
                    )
            observation.unknown = self._unknown(
                public, municipality, {p.remote_id for p in stored.values()}
            )
        except Exception as error:
            if not is_transient(error):
                raise
            observation.error = str(error)
        return observation

    def _unknown(
        self, public: CkanClient, municipality: Municipality, known: set[str]
    ) -> list[str]:
        """Packages in the municipality's organization that no dataset of Ghia published."""
        org = RemoteOrganization.objects.filter(municipality=municipality, target=self.key).first()
        if org is None:
            return []
        names, start = [], 0
        while True:
            page = public.call(
                "package_search",
                {"fq": f'owner_org:"{org.remote_id}"', "rows": 1000, "start": start},
            )
            names += [
                f"{self.url}/dataset/{p['name']}" for p in page["results"] if p["id"] not in known
            ]
            start += len(page["results"])
            if not page["results"] or start >= page["count"]:
                return names


def _download_sha256(url: str) -> SeenFile:
    digest = hashlib.sha256()
    try:
        with requests.get(url, stream=True, timeout=60) as response:
            if response.status_code != 200:
                return SeenFile(url, None, f"HTTP {response.status_code}")
            for chunk in response.iter_content(1 << 20):
                digest.update(chunk)
    except requests.RequestException as error:
        return SeenFile(url, None, type(error).__name__)
    return SeenFile(url, digest.hexdigest())


def _download(resource: dict) -> SeenFile:
    seen = _download_sha256(resource["url"])
    seen.key = resource.get("ghia_distribution_id", "")
    return seen


def _seen(package: dict, location: str) -> Seen:
    extras = fields.extras(package)
    resources = package.get("resources") or []
    return Seen(
        identifier=extras.get("ghia_id", ""),
        uri=extras.get("uri", ""),
        title=fields.translated(package, "title_translated", "title"),
        description=fields.translated(package, "notes_translated", "notes"),
        licence=fields.LICENCES_BACK.get(package.get("license_id") or ""),
        formats={(r.get("format") or "").upper() for r in resources if r.get("format")},
        files=[_download(r) for r in resources if r.get("url_type") == "upload" and r.get("url")],
        location=location,
    )
