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
from dataclasses import dataclass, fields
from urllib.parse import quote

from django.apps import apps
from django.db.models import TextField
from django.db.models.functions import Cast, Coalesce

from ghia.catalog.models import (
    Dataset,
    DatasetSlug,
    Distribution,
    Format,
    Frequency,
    Licence,
    Municipality,
    Service,
    Status,
    Theme,
)
from ghia.publishing.uris import UriPolicy

LANGS = ("ka", "en")
# Formats whose files are tables, which a Table Schema describes and a preview can show.
TABULAR_FORMATS = frozenset({"CSV", "TSV", "XLSX", "XLS", "ODS", "JSON"})


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

    @property
    def is_table(self) -> bool:
        return bool(self.format) and self.format.code in TABULAR_FORMATS and not self.external_url

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
    table_schema: dict | None  # the Table Schema of the dataset's tables, once checked

    @property
    def schema_tables(self) -> tuple[DistributionRecord, ...]:
        """The distributions the Table Schema describes."""
        return tuple(d for d in self.distributions if d.is_table) if self.table_schema else ()

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

    def digest(self) -> str:
        """sha256 of everything a reader of any output sees; changes when anything does."""
        canonical = json.dumps(self, sort_keys=True, ensure_ascii=False, default=vars)
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


def table_schemas(dataset_ids) -> dict:
    """The Table Schemas data preparation keeps (inferred, or edited by a person), by dataset."""
    if not apps.is_installed("ghia.preparation"):
        return {}
    TableSchema = apps.get_model("preparation", "TableSchema")
    found = TableSchema.objects.filter(dataset_id__in=dataset_ids).values_list(
        "dataset_id", "descriptor"
    )
    return {
        dataset_id: schema
        for dataset_id, schema in found
        if isinstance(schema, dict) and schema.get("fields")
    }


def _keywords(value) -> dict:
    return {
        lang: [k.strip() for k in (value.get(lang) or "").split(",") if k.strip()] for lang in LANGS
    }


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class Vocabularies:
    """Themes, frequencies, licences, formats and services: few rows, read once per call
    rather than joined into every dataset's row."""

    def __init__(self):
        self.themes = {t.code: Concept(t.code, t.uri, text(t.label)) for t in Theme.objects.all()}
        self.frequencies = {
            f.code: Concept(f.code, f.uri, text(f.label)) for f in Frequency.objects.all()
        }
        self.licences = {
            lic.id: LicenceInfo(lic.id, text(lic.title), lic.url, lic.uri, lic.is_open)
            for lic in Licence.objects.all()
        }
        self.formats = {
            f.id: Concept(f.id, f.eu_uri, text(f.title)) for f in Format.objects.all() if f.eu_uri
        }
        self.services: dict[int, dict] = {}

    def service(self, service_id: int) -> dict:
        if service_id not in self.services:
            self.services[service_id] = text(Service.objects.get(pk=service_id).name)
        return self.services[service_id]


DATASET_FIELDS = (
    "id", "slug", "status", "municipality_id", "service_id", "title", "description", "keywords", "theme_id",
    "licence_id", "frequency_id", "temporal_start", "temporal_end", "spatial", "contact_name", "contact_email",
    "published_at", "modified",
)  # fmt: skip
DISTRIBUTION_FIELDS = (
    "id", "dataset_id", "title", "format_id", "media_type", "size", "sha256", "url", "version__id",
    "version__filename", "version__number", "version__media_type", "issued",
)  # fmt: skip


def _distribution(row: dict, vocabularies: Vocabularies) -> DistributionRecord:
    return DistributionRecord(
        id=str(row["id"]),
        title=text(row["title"]),
        format=vocabularies.formats.get(row["format_id"]),
        media_type=row["media_type"] or row["version__media_type"] or "",
        size=row["size"],
        sha256=row["sha256"],
        filename=row["version__filename"] or "",
        version_id=str(row["version__id"]) if row["version__id"] else "",
        version_number=row["version__number"],
        external_url=row["url"],
        issued=_iso(row["issued"]),
    )


def _record(row: dict, publisher: Publisher, vocabularies: Vocabularies, old_slugs: list[str],
            distributions: list[DistributionRecord], schema: dict | None) -> DatasetRecord:  # fmt: skip
    return DatasetRecord(
        id=str(row["id"]),
        slug=row["slug"],
        old_slugs=tuple(sorted(old_slugs)),
        status=row["status"],
        publisher=publisher,
        service=vocabularies.service(row["service_id"]),
        title=text(row["title"]),
        description=text(row["description"]),
        keywords=_keywords(row["keywords"] or {}),
        theme=vocabularies.themes.get(row["theme_id"]),
        licence=vocabularies.licences[row["licence_id"]],
        frequency=vocabularies.frequencies.get(row["frequency_id"]),
        temporal_start=_iso(row["temporal_start"]),
        temporal_end=_iso(row["temporal_end"]),
        spatial=text(row["spatial"]),
        contact_name=row["contact_name"],
        contact_email=row["contact_email"],
        issued=_iso(row["published_at"]),
        modified=row["modified"].isoformat(),
        distributions=tuple(distributions),
        table_schema=schema,
    )


def from_queryset(datasets) -> list[DatasetRecord]:
    """Records of a queryset of datasets, read with a few queries whatever their number."""
    rows = list(datasets.order_by("municipality__slug", "slug").values(*DATASET_FIELDS))
    ids = [row["id"] for row in rows]
    old: dict = {}
    distributions: dict = {}
    schemas: dict = {}
    vocabularies = Vocabularies()
    for chunk in (ids[i : i + 5000] for i in range(0, len(ids), 5000)):
        schemas.update(table_schemas(chunk))
        for dataset_id, slug in DatasetSlug.objects.filter(dataset_id__in=chunk).values_list(
            "dataset_id", "slug"
        ):
            old.setdefault(dataset_id, []).append(slug)
        found = (
            Distribution.objects.filter(dataset_id__in=chunk)
            .annotate(
                issued=Coalesce("version__uploaded_at", "created")
            )  # one date to convert, not two
            .order_by("created", "id")
            .values(*DISTRIBUTION_FIELDS)
        )
        for row in found:
            distributions.setdefault(row["dataset_id"], []).append(_distribution(row, vocabularies))
    publishers = {
        m.pk: publisher(m)
        for m in Municipality.objects.filter(pk__in={row["municipality_id"] for row in rows})
    }
    return [
        _record(
            row,
            publishers[row["municipality_id"]],
            vocabularies,
            old.get(row["id"], []),
            distributions.get(row["id"], []),
            schemas.get(row["id"]),
        )  # fmt: skip
        for row in rows
    ]


def _as_text(*names: str) -> list[Cast]:
    # Text straight from the database: no JSON, date or UUID made of it in Python.
    return [Cast(name, TextField()) for name in names]


def _uuid(text: str) -> str:
    """A UUID read as text, in its usual form (SQLite keeps the 32 digits only)."""
    if len(text) == 32:
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


def fingerprints(datasets) -> dict[str, str]:
    """A digest per dataset (by id) of the catalogue rows its record is made from, read
    without making records: cheap enough to ask, on every build, which datasets changed.
    What records share (publisher, vocabularies, services) is in ``shared_fingerprint``."""
    rows: dict[str, list] = {}
    for dataset_id, *row in datasets.values_list(*_as_text(*DATASET_FIELDS)):
        rows[_uuid(dataset_id)] = [row]
    selected = {"dataset__in": datasets.values("pk")}
    related = [
        Distribution.objects.filter(**selected)
        .order_by("created", "id")
        .values_list(*_as_text("dataset_id", "id", *DISTRIBUTION_FIELDS[2:-1], "version__uploaded_at", "created")),
        DatasetSlug.objects.filter(**selected).order_by("slug").values_list(*_as_text("dataset_id", "slug")),
    ]  # fmt: skip
    if apps.is_installed("ghia.preparation"):
        TableSchema = apps.get_model("preparation", "TableSchema")
        related.append(
            TableSchema.objects.filter(**selected).values_list(
                *_as_text("dataset_id", "descriptor")
            )
        )
    for number, query in enumerate(related):
        for dataset_id, *row in query:
            rows[_uuid(dataset_id)].append((number, row))
    return {key: hashlib.sha256(repr(parts).encode()).hexdigest() for key, parts in rows.items()}


def shared_fingerprint(municipality: Municipality) -> str:
    """A digest of what every record of the municipality shares."""
    parts = [repr(publisher(municipality))]
    for model, names in (
        (Theme, ("code", "uri", "label")),
        (Frequency, ("code", "uri", "label")),
        (Licence, ("id", "title", "url", "uri", "is_open")),
        (Format, ("id", "eu_uri", "title")),
    ):
        parts.append(list(model.objects.order_by("pk").values_list(*_as_text(*names))))
    services = Service.objects.filter(municipality=municipality).order_by("pk")
    parts.append(list(services.values_list("pk", *_as_text("name"))))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


# A record kept as data by the website builder between builds: its fields in order (JSON
# reads lists back faster than objects), vocabulary entries by code.
_FIELDS = [f.name for f in fields(DatasetRecord) if f.name != "publisher"]
_CODED = {"theme": "themes", "frequency": "frequencies", "licence": "licences"}
_FORMAT = [f.name for f in fields(DistributionRecord)].index("format")


def as_data(record: DatasetRecord) -> list:
    """The record as JSON-ready data, without what the whole build shares (publisher,
    vocabularies)."""
    data = {name: getattr(record, name) for name in _FIELDS}
    data["theme"] = record.theme.code if record.theme else None
    data["frequency"] = record.frequency.code if record.frequency else None
    data["licence"] = record.licence.id
    data["distributions"] = [[getattr(d, f.name) for f in fields(d)] for d in record.distributions]
    for d in data["distributions"]:
        d[_FORMAT] = d[_FORMAT].code if d[_FORMAT] else None
    return list(data.values())


def from_data(data: list, publisher: Publisher, vocabularies: Vocabularies) -> DatasetRecord:
    """The record ``as_data`` made."""
    values = dict(zip(_FIELDS, data, strict=True))
    for name, vocabulary in _CODED.items():
        values[name] = getattr(vocabularies, vocabulary).get(values[name])
    values["old_slugs"] = tuple(values["old_slugs"])
    for d in values["distributions"]:
        d[_FORMAT] = vocabularies.formats.get(d[_FORMAT])
    values["distributions"] = tuple(DistributionRecord(*d) for d in values["distributions"])
    return DatasetRecord(publisher=publisher, **values)


def record(dataset: Dataset) -> DatasetRecord:
    return from_queryset(Dataset.objects.filter(pk=dataset.pk))[0]


def records(
    municipality: Municipality | str | None = None, statuses: Iterable[str] = (Status.PUBLISHED,)
) -> list[DatasetRecord]:
    """Records of the datasets in ``statuses`` (published by default), by municipality and slug."""
    datasets = Dataset.objects.filter(status__in=list(statuses))
    if isinstance(municipality, Municipality):
        datasets = datasets.filter(municipality=municipality)
    elif municipality:
        datasets = datasets.filter(municipality__slug=municipality)
    return from_queryset(datasets)
