"""What people do with the catalogue: create and edit datasets, upload versions, search.

Views, the API and commands call these functions; they check permissions, keep the
search text and slugs right and write the audit log.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils.translation import gettext as _

from ghia.catalog import permissions
from ghia.catalog.audit import record
from ghia.catalog.bilingual import Bilingual
from ghia.catalog.models import (
    Dataset,
    DatasetSlug,
    DataVersion,
    Distribution,
    Format,
    Membership,
    Role,
    Service,
    StatusChange,
)
from ghia.standards.georgian import romanize, slugify
from ghia.standards.registries import format_for_filename

EDITABLE_FIELDS = (
    "service", "title", "description", "keywords", "contact_name", "contact_email", "theme",
    "licence", "access_level", "access_reason", "frequency", "temporal_start", "temporal_end",
    "spatial", "exists", "digital", "source_system", "current_format", "personal_data", "priority",
)  # fmt: skip


class UploadTooLarge(ValueError):
    pass


def grant_role(user, role: str, municipality=None, services=()) -> Membership:
    """Give a person a role. Administrators of the instance also get Django's admin."""
    membership, _created = Membership.objects.get_or_create(user=user, role=role, municipality=municipality)
    membership.services.add(*services)
    if role == Role.ADMINISTRATOR and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    user.__dict__.pop("_ghia_memberships", None)
    return membership


def search_text(dataset: Dataset) -> str:
    parts = [
        dataset.title.joined(), dataset.description.joined(), dataset.keywords.joined(),
        dataset.service.name.joined(), dataset.slug,
    ]  # fmt: skip
    text = " ".join(parts)
    # Romanized too, so "kutaisi" finds ქუთაისი.
    return unicodedata.normalize("NFC", f"{text} {romanize(text)}").lower()


def _unique_slug(dataset: Dataset, title: Bilingual) -> str:
    base = slugify(title.get("ka") or "") or slugify(title.get("en") or "") or "dataset"
    taken = set(
        Dataset.objects.filter(municipality=dataset.municipality, slug__startswith=base)
        .exclude(pk=dataset.pk)
        .values_list("slug", flat=True)
    ) | set(
        DatasetSlug.objects.filter(municipality=dataset.municipality, slug__startswith=base)
        .exclude(dataset=dataset)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_editable(name: str) -> None:
    if name not in EDITABLE_FIELDS and name.removesuffix("_id") not in EDITABLE_FIELDS:
        raise TypeError(f"not an editable field: {name}")


def create_dataset(user, *, service: Service, title, **fields) -> Dataset:
    if not (permissions.is_admin(user) or permissions.editable_services(user).filter(pk=service.pk).exists()):
        raise PermissionDenied(_("You cannot create datasets in this service."))
    dataset = Dataset(municipality=service.municipality, service=service, title=Bilingual(title))
    for name, value in fields.items():
        _check_editable(name)
        setattr(dataset, name, value)
    with transaction.atomic():
        dataset.slug = _unique_slug(dataset, dataset.title)
        dataset.search_text = search_text(dataset)
        dataset.full_clean()
        dataset.save()
        StatusChange.objects.create(dataset=dataset, from_status="", to_status=dataset.status, by=user)
        record(user, "create", dataset, summary=str(dataset.title.get("ka") or dataset.title.get("en")))
    return dataset


def update_dataset(user, dataset: Dataset, **fields) -> Dataset:
    if not permissions.can_edit(user, dataset):
        raise PermissionDenied(_("You cannot edit this dataset."))
    if "service" in fields and fields["service"].municipality_id != dataset.municipality_id:
        raise PermissionDenied(_("A dataset stays in its municipality."))
    changes = {}
    for name, value in fields.items():
        _check_editable(name)
        old = getattr(dataset, name)
        if old != value:
            changes[name] = (old, value)
            setattr(dataset, name, value)
    if not changes:
        return dataset
    with transaction.atomic():
        if "title" in changes:
            new_slug = _unique_slug(dataset, dataset.title)
            if new_slug != dataset.slug:
                DatasetSlug.objects.get_or_create(
                    municipality=dataset.municipality, slug=dataset.slug, defaults={"dataset": dataset}
                )
                DatasetSlug.objects.filter(municipality=dataset.municipality, slug=new_slug).delete()
                changes["slug"] = (dataset.slug, new_slug)
                dataset.slug = new_slug
        dataset.search_text = search_text(dataset)
        dataset.full_clean()
        dataset.save()
        record(user, "update", dataset, changes=changes)
    return dataset


def find_by_slug(municipality, slug: str) -> tuple[Dataset | None, bool]:
    """The dataset for a slug, and whether the slug is an old one that should redirect."""
    dataset = Dataset.objects.filter(municipality=municipality, slug=slug).first()
    if dataset:
        return dataset, False
    old = DatasetSlug.objects.filter(municipality=municipality, slug=slug).select_related("dataset").first()
    return (old.dataset, True) if old else (None, False)


def search(queryset: QuerySet, query: str) -> QuerySet:
    for term in unicodedata.normalize("NFC", query).lower().split():
        queryset = queryset.filter(search_text__contains=term)
    return queryset


# --- files ----------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    storage_name: str


def safe_filename(name: str) -> str:
    """The base name of an uploaded file, for display and downloads only: never a path."""
    name = PurePath(name.replace("\\", "/")).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    return name[-200:] or "data"


def storage_name(sha256: str) -> str:
    """Where content-addressed storage keeps the file with this digest."""
    return f"versions/{sha256[:2]}/{sha256}"


def store_file(fileobj, max_bytes: int | None = None) -> StoredFile:
    """Copy a file into content-addressed storage; an existing identical file is kept as is."""
    max_bytes = max_bytes or settings.GHIA_MAX_UPLOAD_BYTES
    digest, size = hashlib.sha256(), 0
    with tempfile.TemporaryFile() as tmp:
        for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
            size += len(chunk)
            if size > max_bytes:
                raise UploadTooLarge(
                    _("The file is larger than the limit of %(mb)d MB.") % {"mb": max_bytes // (1024 * 1024)}
                )
            digest.update(chunk)
            tmp.write(chunk)
        sha = digest.hexdigest()
        name = storage_name(sha)
        if not default_storage.exists(name):
            tmp.seek(0)
            saved = default_storage.save(name, File(tmp))
            assert saved == name, saved
    return StoredFile(sha, size, name)


def add_version(
    user,
    dataset: Dataset,
    fileobj,
    filename: str,
    *,
    note: str = "",
    source: str = DataVersion.Source.UPLOAD,
    derived_from: DataVersion | None = None,
    provenance: dict | None = None,
) -> DataVersion:
    if not permissions.can_edit(user, dataset):
        raise PermissionDenied(_("You cannot upload files to this dataset."))
    stored = store_file(fileobj)
    filename = safe_filename(filename)
    spec = format_for_filename(filename)
    fmt = Format.objects.filter(pk=spec.id).first() if spec else None
    with transaction.atomic():
        number = (dataset.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = DataVersion.objects.create(
            dataset=dataset, number=number, sha256=stored.sha256, storage_name=stored.storage_name,
            filename=filename, size=stored.size, media_type=spec.media_type if spec else "application/octet-stream",
            format=fmt, source=source, derived_from=derived_from, provenance=provenance or {}, note=note,
            uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        )  # fmt: skip
        # One distribution per format always offers the newest file of that format.
        distribution = dataset.distributions.filter(Q(format=fmt) if fmt else Q(media_type=version.media_type), url="").first()
        distribution = distribution or Distribution(dataset=dataset, format=fmt)
        distribution.version = version
        distribution.media_type = version.media_type
        distribution.size = version.size
        distribution.sha256 = version.sha256
        distribution.title = distribution.title or Bilingual({"ka": filename, "en": filename})
        distribution.save()
        record(user, "upload", dataset, summary=f"v{number} {filename} sha256:{stored.sha256[:12]}")
    return version


def open_version(version: DataVersion):
    return default_storage.open(version.storage_name, "rb")


def version_path(version: DataVersion) -> str:
    """A local path for readers that need one (the filesystem storage has it)."""
    return os.fspath(default_storage.path(version.storage_name))
