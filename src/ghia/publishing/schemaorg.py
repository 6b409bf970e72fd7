"""schema.org ``Dataset`` JSON-LD for dataset pages, read by dataset search engines.

Text is given in both languages as language-tagged values. The verifier reads this
block back from the website's pages.
"""

from __future__ import annotations

import json

from ghia.publishing.dcat import Links, licence_uri
from ghia.publishing.records import LANGS, DatasetRecord


def _tagged(value: dict) -> list[dict]:
    return [{"@language": lang, "@value": value[lang]} for lang in LANGS if value.get(lang)]


def dataset(record: DatasetRecord, files_root: str) -> dict:
    links = Links(files_root)
    publisher = {
        "@type": "GovernmentOrganization",
        "@id": record.publisher.uri,
        "name": _tagged(record.publisher.name),
        "url": record.publisher.homepage,
    }
    document = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": record.uri,
        "identifier": record.id,
        "url": record.document,
        "name": _tagged(record.title),
        "description": _tagged(record.description) or _tagged(record.title),
        "keywords": [
            {"@language": lang, "@value": k} for lang in LANGS for k in record.keywords[lang]
        ],
        "inLanguage": list(LANGS),
        "license": licence_uri(record),
        "isAccessibleForFree": True,
        "publisher": publisher,
        "creator": publisher,
        "dateModified": record.modified,
        "includedInDataCatalog": {"@type": "DataCatalog", "@id": record.publisher.policy.catalog()},
        "distribution": [
            {
                "@type": "DataDownload",
                "@id": record.publisher.policy.distribution(d.id),
                "name": d.filename or d.title.get("ka") or d.title.get("en"),
                "contentUrl": links.download(d),
                "encodingFormat": [d.media_type, d.format.uri] if d.format else d.media_type,
                **({"contentSize": f"{d.size} B"} if d.size is not None else {}),
                **({"sha256": d.sha256} if d.sha256 else {}),
            }
            for d in record.distributions
        ],
    }
    if record.issued:
        document["datePublished"] = record.issued
    if record.temporal_start or record.temporal_end:
        document["temporalCoverage"] = (
            f"{record.temporal_start or '..'}/{record.temporal_end or '..'}"
        )
    if any(record.spatial.values()):
        document["spatialCoverage"] = {"@type": "Place", "name": _tagged(record.spatial)}
    return document


def script(document: dict) -> str:
    """The ``<script>`` element; <, > and & are escaped so the JSON cannot end the element."""
    body = json.dumps(document, ensure_ascii=False, indent=1)
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{body}\n</script>'
