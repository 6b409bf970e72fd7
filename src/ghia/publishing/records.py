"""What a target publishes about a dataset: a plain snapshot taken from the catalogue.

Every output (DCAT-AP, schema.org, data.json, Data Package, the website, CKAN, the bundle)
and the verifier read these records, never the ORM, so they all say the same thing, the
website can be rendered in worker processes, and a record's digest tells whether anything
a reader sees has changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from urllib.parse import quote

from django.db.models import Prefetch

from ghia.catalog.models import Dataset, DatasetSlug, Distribution, Municipality, Status
from ghia.publishing.uris import UriPolicy

LANGS = ("ka", "en")


def text(value) -> dict:
    """A bilingual value as a plain {"ka": ..., "en": ...} with both keys present."""
    value = value or {}
    return {lang: (value.get(lang) or "").strip() for lang in LANGS}


def either(value: dict, lang: str = "ka") -> str:
    """The text in ``lang``, else in the other language."""
    return value.get(lang) or value.get("ka") or value.get("en") or ""


@dataclass(frozen=True)
class Publisher:
    slug: str
    name: dict
    uri: str  # the organisation's persistent URI
    base: str  # the municipality's base URI
    homepage: str
    email: str

    @property
    def policy(self) -> UriPolicy:
        return UriPolicy(self.base)


@dataclass(frozen=True)
class Concept:
    """An entry of a controlled vocabulary (EU theme, frequency, licence, file type)."""

    code: str
    uri: str
    label: dict


@dataclass(frozen=True)
class LicenceInfo:
    id: str
    title: dict
    url: str
    uri: str
    is_open: bool


@dataclass(frozen=True)
class DistributionRecord:
    id: str
    title: dict
    format: Concept | None  # the EU file type
    media_type: str
    size: int | None
    sha256: str
    filename: str
    version_id: str
    version_number: int | None
    external_url: str  # data held elsewhere; then there is no file of ours
    issued: str | None  # when this file was added
    table_schema: dict | None = None

    @property
    def file_path(self) -> str:
        """Where the file is offered, relative to the root of Ghia or of the website."""
        if not self.version_id:
            return ""
        return f"files/{self.version_id}/{quote(self.filename)}"


@dataclass(frozen=True)
class DatasetRecord:
    id: str
    slug: str
    old_slugs: tuple[str, ...]
    status: str
    publisher: Publisher
    service: dict
    title: dict
    description: dict
    keywords: dict  # {"ka": [...], "en": [...]}
    theme: Concept | None
    licence: LicenceInfo
    frequency: Concept | None
    temporal_start: str | None
    temporal_end: str | None
    spatial: dict
    contact_name: str
    contact_email: str
    issued: str | None
    modified: str
    distributions: tuple[DistributionRecord, ...]

    @property
    def municipality(self) -> str:
        return self.publisher.slug

    @property
    def uri(self) -> str:
        return self.publisher.policy.dataset(self.slug)

    @property
    def document(self) -> str:
        return self.publisher.policy.dataset_document(self.slug)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def as_dict(self) -> dict:
        return asdict(self)

    def digest(self) -> str:
        """sha256 of everything a reader of any output sees; changes when anything does."""
        canonical = json.dumps(self.as_dict(), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


def publisher(municipality: Municipality) -> Publisher:
    policy = UriPolicy.for_municipality(municipality)
    return Publisher(
        slug=municipality.slug,
        name=text(municipality.name),
        uri=policy.organization(municipality.slug),
        base=policy.base,
        homepage=municipality.website or policy.base,
        email=municipality.email,
    )


def table_schema(distribution: Distribution) -> dict | None:
    """The Table Schema recorded with the distribution's file, if the check inferred one.

    The data-preparation step keeps it in the version's provenance under "schema".
    """
    version = distribution.version
    schema = (version.provenance or {}).get("schema") if version else None
    return schema if isinstance(schema, dict) and schema.get("fields") else None


def _concept(obj, code_attr: str, label_attr: str) -> Concept | None:
    if obj is None:
        return None
    return Concept(code=getattr(obj, code_attr), uri=obj.uri, label=text(getattr(obj, label_attr)))


def _distribution(distribution: Distribution) -> DistributionRecord:
    version = distribution.version
    fmt = distribution.format
    return DistributionRecord(
        id=str(distribution.id),
        title=text(distribution.title),
        format=Concept(fmt.id, fmt.eu_uri, text(fmt.title)) if fmt and fmt.eu_uri else None,
        media_type=distribution.media_type or (version.media_type if version else ""),
        size=distribution.size,
        sha256=distribution.sha256,
        filename=version.filename if version else "",
        version_id=str(version.id) if version else "",
        version_number=version.number if version else None,
        external_url=distribution.url,
        issued=(version.uploaded_at if version else distribution.created).isoformat(),
        table_schema=table_schema(distribution),
    )


def _keywords(dataset: Dataset) -> dict:
    return {lang: dataset.keyword_list(lang) if dataset.keywords.get(lang) else [] for lang in LANGS}


def record(dataset: Dataset, publishers: dict[int, Publisher] | None = None) -> DatasetRecord:
    """The record of one dataset (use ``records`` for many: it prefetches)."""
    publishers = publishers if publishers is not None else {}
    if dataset.municipality_id not in publishers:
        publishers[dataset.municipality_id] = publisher(dataset.municipality)
    licence = dataset.licence
    return DatasetRecord(
        id=str(dataset.id),
        slug=dataset.slug,
        old_slugs=tuple(sorted(s.slug for s in dataset.old_slugs.all())),
        status=dataset.status,
        publisher=publishers[dataset.municipality_id],
        service=text(dataset.service.name),
        title=text(dataset.title),
        description=text(dataset.description),
        keywords=_keywords(dataset),
        theme=_concept(dataset.theme, "code", "label"),
        licence=LicenceInfo(licence.id, text(licence.title), licence.url, licence.uri, licence.is_open),
        frequency=_concept(dataset.frequency, "code", "label"),
        temporal_start=dataset.temporal_start.isoformat() if dataset.temporal_start else None,
        temporal_end=dataset.temporal_end.isoformat() if dataset.temporal_end else None,
        spatial=text(dataset.spatial),
        contact_name=dataset.contact_name,
        contact_email=dataset.contact_email,
        issued=dataset.published_at.isoformat() if dataset.published_at else None,
        modified=dataset.modified.isoformat(),
        distributions=tuple(_distribution(d) for d in dataset.distributions.all()),
    )


def queryset(municipality: Municipality | str | None = None, statuses: Iterable[str] = (Status.PUBLISHED,)):
    datasets = (
        Dataset.objects.filter(status__in=list(statuses))
        .select_related("municipality", "service", "theme", "licence", "frequency")
        .prefetch_related(
            Prefetch("old_slugs", queryset=DatasetSlug.objects.only("dataset_id", "slug")),
            Prefetch(
                "distributions",
                queryset=Distribution.objects.select_related("format", "version").order_by("created", "id"),
            ),
        )
        .order_by("municipality__slug", "slug")
    )
    if isinstance(municipality, Municipality):
        datasets = datasets.filter(municipality=municipality)
    elif municipality:
        datasets = datasets.filter(municipality__slug=municipality)
    return datasets


def records(municipality: Municipality | str | None = None, statuses: Iterable[str] = (Status.PUBLISHED,)) -> list[DatasetRecord]:
    """Records of the datasets in ``statuses`` (published by default), by municipality and slug."""
    publishers: dict[int, Publisher] = {}
    return [record(d, publishers) for d in queryset(municipality, statuses).iterator(chunk_size=2000)]
