"""Project Open Data metadata schema 1.1 (``data.json``) from dataset records.

The schema is monolingual: Georgian goes in the text fields (English where Georgian is
missing), as in the core fields sent to CKAN; ``language`` lists both languages.
"""

from __future__ import annotations

from collections.abc import Sequence

from ghia.publishing.dcat import Links, licence_uri
from ghia.publishing.records import DatasetRecord, either

SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
# EU frequency codes as the ISO 8601 repeating durations the schema asks for.
PERIODICITY = {
    "CONT": "R/PT1S", "UPDATE_CONT": "R/PT1S", "DAILY": "R/P1D", "WEEKLY": "R/P1W",
    "MONTHLY": "R/P1M", "QUARTERLY": "R/P3M", "ANNUAL_2": "R/P6M", "ANNUAL": "R/P1Y",
    "BIENNIAL": "R/P2Y", "IRREG": "irregular",
}  # fmt: skip


def dataset(record: DatasetRecord, files_root: str) -> dict:
    links = Links(files_root)
    entry = {
        "@type": "dcat:Dataset",
        "identifier": record.uri,
        "title": either(record.title),
        "description": either(record.description) or either(record.title),
        "keyword": record.keywords["ka"] + record.keywords["en"] or [either(record.title)],
        "modified": record.modified,
        "publisher": {"@type": "org:Organization", "name": either(record.publisher.name)},
        "contactPoint": {
            "@type": "vcard:Contact",
            "fn": record.contact_name or either(record.service),
            "hasEmail": f"mailto:{record.contact_email or record.publisher.email}",
        },
        "accessLevel": "public",
        "license": licence_uri(record),
        "landingPage": record.document,
        "language": ["ka", "en"],
        "distribution": [
            {
                "@type": "dcat:Distribution",
                "title": either(d.title) or d.filename,
                "mediaType": d.media_type,
                **({"format": d.format.code} if d.format else {}),
                **(
                    {"accessURL": d.external_url}
                    if d.external_url
                    else {"downloadURL": links.download(d)}
                ),
                **(
                    {
                        "describedBy": record.publisher.policy.table_schema(record.slug),
                        "describedByType": "application/json",
                    }
                    if d in record.schema_tables
                    else {}
                ),
            }
            for d in record.distributions
        ],
    }
    if record.issued:
        entry["issued"] = record.issued
    if record.theme:
        entry["theme"] = [either(record.theme.label)]
    if record.frequency and record.frequency.code in PERIODICITY:
        entry["accrualPeriodicity"] = PERIODICITY[record.frequency.code]
    if record.temporal_start and record.temporal_end:
        entry["temporal"] = f"{record.temporal_start}/{record.temporal_end}"
    if any(record.spatial.values()):
        entry["spatial"] = either(record.spatial)
    return entry


def catalog(records: Sequence[DatasetRecord], files_root: str) -> dict:
    return {
        "@context": f"{SCHEMA}/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": SCHEMA,
        "describedBy": f"{SCHEMA}/catalog.json",
        "dataset": [dataset(record, files_root) for record in records],
    }
