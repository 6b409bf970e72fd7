from datetime import date, datetime
from uuid import UUID

from ninja import Schema


class Text(Schema):
    ka: str = ""
    en: str = ""


class MunicipalityOut(Schema):
    slug: str
    name: Text
    website: str
    base_uri: str
    portal_id: str


class ServiceOut(Schema):
    id: int
    code: str
    name: Text


class CodeLabel(Schema):
    code: str
    uri: str
    label: Text


class LicenceOut(Schema):
    id: str
    title: Text
    url: str
    is_open: bool


class FormatOut(Schema):
    id: str
    media_type: str
    stars: int
    is_open: bool
    machine_readable: bool


class DistributionOut(Schema):
    id: UUID
    title: Text
    format: str | None
    media_type: str
    size: int | None
    sha256: str
    download_url: str


class VersionOut(Schema):
    id: UUID
    number: int
    filename: str
    size: int
    sha256: str
    media_type: str
    source: str
    uploaded_at: datetime


class DatasetOut(Schema):
    id: UUID
    municipality: str
    slug: str
    url: str
    title: Text
    description: Text
    keywords: Text
    service: ServiceOut
    theme: str | None
    licence: str
    access_level: str
    frequency: str | None
    temporal_start: date | None
    temporal_end: date | None
    spatial: Text
    status: str
    published_at: datetime | None
    modified: datetime
    contact_name: str
    contact_email: str


class DatasetDetailOut(DatasetOut):
    distributions: list[DistributionOut]
    versions: list[VersionOut]
