"""How a Ghia dataset is written to CKAN, and read back from it.

CKAN's core fields hold one language: Georgian goes there (English where Georgian is
missing), so the portal's own pages show the municipality's language. Both languages go
to extras as JSON ``{"ka": ..., "en": ...}``, the shape ckanext-fluent stores, so a
portal that installs it can show either language:

=================  ==========================================================
CKAN field         Ghia
=================  ==========================================================
name               ``{municipality}-{slug}`` (follows a rename)
title, notes       title, description (Georgian)
tags               Georgian keywords
license_id         the CKAN licence of the same terms (``cc-by``, ``cc-zero`` ...)
url                the dataset's document, ``{base}/doc/dataset/{slug}``
author             the service (Georgian name)
maintainer(_email) the contact point (the municipality's e-mail if none)
owner_org          the municipality's organization
extras             ``ghia_id`` (the dataset's UUID, its identifier everywhere),
                   ``uri`` (persistent URI), ``title_translated``,
                   ``notes_translated``, ``tags_translated`` (``{"ka": [...],
                   "en": [...]}``), ``licence_uri``, ``theme``, ``frequency``
                   (EU vocabulary URIs), ``temporal_start``, ``temporal_end``,
                   ``spatial_translated``, ``issued``
resource           one per distribution: ``name`` (Georgian title),
                   ``name_translated``, ``format`` (EU file-type code),
                   ``mimetype``, ``hash`` (sha256 of the file),
                   ``ghia_distribution_id``; the file uploaded, or ``url`` for
                   data held elsewhere
=================  ==========================================================
"""

from __future__ import annotations

import hashlib
import json
import re

from ghia.publishing.dcat import licence_uri
from ghia.publishing.records import DatasetRecord, DistributionRecord, either

# Ghia licence id -> the id of the same licence in CKAN's default licence list.
LICENCES = {
    "CC-BY-4.0": "cc-by", "CC0-1.0": "cc-zero", "CC-BY-SA-4.0": "cc-by-sa", "PDDL-1.0": "odc-pddl",
    "ODC-By-1.0": "odc-by", "ODbL-1.0": "odc-odbl", "other-open": "other-open", "other-closed": "other-closed",
}  # fmt: skip
LICENCES_BACK = {ckan: ghia for ghia, ckan in LICENCES.items()}
_TAG_UNSAFE = re.compile(r"[^\w \-.]")
_NAME_UNSAFE = re.compile(r"[^a-z0-9_-]")


def checksum(payload: dict) -> str:
    return hashlib.sha256(
        json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def organization_name(municipality_slug: str) -> str:
    return _NAME_UNSAFE.sub("-", municipality_slug.lower())[:100]


def package_name(record: DatasetRecord) -> str:
    return organization_name(f"{record.municipality}-{record.slug}")


def organization(name: str, title: dict, homepage: str) -> dict:
    return {
        "name": name,
        "title": either(title),
        "description": homepage,
        "extras": [{"key": "title_translated", "value": _json(title)}],
    }


def _tags(keywords: list[str]) -> list[dict]:
    tags = {_TAG_UNSAFE.sub(" ", k).strip()[:100] for k in keywords}
    return [{"name": tag} for tag in sorted(tags) if len(tag) >= 2]


def package(record: DatasetRecord, organization_id: str) -> dict:
    """The package as sent to package_create / package_patch (without resources)."""
    extras = {
        "ghia_id": record.id,
        "uri": record.uri,
        "title_translated": _json(record.title),
        "notes_translated": _json(record.description),
        "tags_translated": _json(record.keywords),
        "licence_uri": licence_uri(record),
        "theme": record.theme.uri if record.theme else "",
        "frequency": record.frequency.uri if record.frequency else "",
        "temporal_start": record.temporal_start or "",
        "temporal_end": record.temporal_end or "",
        "spatial_translated": _json(record.spatial),
        "issued": record.issued or "",
    }
    return {
        "name": package_name(record),
        "title": either(record.title),
        "notes": either(record.description),
        "owner_org": organization_id,
        "license_id": LICENCES.get(record.licence.id, "other-closed"),
        "url": record.document,
        "author": either(record.service),
        "maintainer": record.contact_name,
        "maintainer_email": record.contact_email or record.publisher.email,
        "tags": _tags(record.keywords["ka"] or record.keywords["en"]),
        "extras": [{"key": key, "value": value} for key, value in extras.items() if value],
        "private": False,
    }


def resource(distribution: DistributionRecord) -> dict:
    """A resource's fields, all text (uploads are sent as multipart forms)."""
    fields = {
        "name": either(distribution.title) or distribution.filename,
        "name_translated": _json(distribution.title),
        "format": distribution.format.code if distribution.format else "",
        "mimetype": distribution.media_type,
        "hash": distribution.sha256,
        "ghia_distribution_id": distribution.id,
    }
    if distribution.external_url:
        fields["url"] = distribution.external_url
    return fields


def extras(package_dict: dict) -> dict:
    return {item["key"]: item["value"] for item in package_dict.get("extras") or []}


def translated(package_dict: dict, key: str, core: str) -> dict:
    """Both languages of a field as the portal shows it: the extra, with the core field
    (what the portal's own pages display) standing for Georgian."""
    try:
        value = json.loads(extras(package_dict).get(key) or "{}")
    except ValueError:
        value = {}
    value = {lang: (value.get(lang) or "").strip() for lang in ("ka", "en")}
    shown = (package_dict.get(core) or "").strip()
    if shown != either(value):
        value["ka"] = shown
    return value
