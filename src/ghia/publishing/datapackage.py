"""A Frictionless Data Package descriptor for one dataset.

Core text fields hold Georgian (English where Georgian is missing); both languages are in
``title_translated`` and ``description_translated``, as in the CKAN extras.
"""

from __future__ import annotations

from ghia.publishing.dcat import Links, licence_uri
from ghia.publishing.records import DatasetRecord, DistributionRecord, either
from ghia.standards.georgian import slugify


def _resource_name(distribution: DistributionRecord, taken: set[str]) -> str:
    base = slugify(distribution.filename or either(distribution.title)) or "data"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def _resource(distribution: DistributionRecord, name: str, links: Links) -> dict:
    resource = {
        "name": name,
        "path": links.download(distribution),
        "title": either(distribution.title) or distribution.filename,
        "mediatype": distribution.media_type,
    }
    if distribution.format:
        resource["format"] = distribution.format.code.lower()
    if distribution.size is not None:
        resource["bytes"] = distribution.size
    if distribution.sha256:
        resource["hash"] = f"sha256:{distribution.sha256}"
    return resource


def datapackage(record: DatasetRecord, files_root: str) -> dict:
    links, taken = Links(files_root), set()
    resources = []
    for distribution in record.distributions:
        resource = _resource(distribution, _resource_name(distribution, taken), links)
        if distribution in record.schema_tables:
            resource["profile"] = "tabular-data-resource"
            resource["schema"] = record.table_schema
        resources.append(resource)
    tabular = bool(resources) and all("schema" in r for r in resources)
    return {
        "profile": "tabular-data-package" if tabular else "data-package",
        "name": record.slug,
        "id": record.uri,
        "title": either(record.title),
        "description": either(record.description),
        "title_translated": record.title,
        "description_translated": record.description,
        "homepage": record.document,
        "keywords": record.keywords["ka"] + record.keywords["en"],
        "licenses": [
            {
                "name": record.licence.id,
                "path": licence_uri(record),
                "title": either(record.licence.title, "en"),
            }
        ],
        "contributors": [
            {
                "title": either(record.publisher.name),
                "role": "publisher",
                "path": record.publisher.homepage,
            }
        ],
        **({"created": record.issued} if record.issued else {}),
        "resources": resources,
    }
