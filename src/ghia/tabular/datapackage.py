"""Data Package descriptors (datapackage.json) for tables with their Table Schemas."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from ghia.standards.georgian import slugify

MEDIA_TYPES = {
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xls": "application/vnd.ms-excel",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "parquet": "application/vnd.apache.parquet",
}


@dataclass
class Resource:
    path: str  # relative to the descriptor
    schema: dict
    title: str = ""
    name: str = ""
    format: str = ""
    encoding: str = "utf-8"
    extra: dict = field(default_factory=dict)  # description, hash, bytes, sources ...

    def to_dict(self) -> dict:
        fmt = self.format or Path(self.path).suffix.lstrip(".").lower()
        descriptor = {
            "name": self.name or slugify(self.title or Path(self.path).stem) or "resource",
            "path": self.path,
            "profile": "tabular-data-resource",
            "format": fmt,
            "mediatype": MEDIA_TYPES.get(fmt, "application/octet-stream"),
            "schema": self.schema,
        }
        if fmt in ("csv", "tsv", "json"):
            descriptor["encoding"] = self.encoding
        if self.title:
            descriptor["title"] = self.title
        return descriptor | self.extra


def data_package(resources: list[Resource], name: str, title: str = "", **properties) -> dict:
    """A Tabular Data Package descriptor; ``properties`` (licenses, description...) are
    copied as they are."""
    names = []
    for resource in resources:
        descriptor = resource.to_dict()
        # Resource names must be unique within a package.
        base, n = descriptor["name"], 2
        while descriptor["name"] in names:
            descriptor["name"] = f"{base}-{n}"
            n += 1
        names.append(descriptor["name"])
    package = {
        "name": slugify(name) or "package",
        "profile": "tabular-data-package",
        "resources": [r.to_dict() | {"name": n} for r, n in zip(resources, names, strict=True)],
    }
    if title:
        package["title"] = title
    return package | properties


def write_data_package(
    directory: str | Path, resources: list[Resource], name: str, title: str = "", **properties
) -> Path:
    """Write ``datapackage.json`` into ``directory`` (where the resources' paths lead)."""
    target = Path(directory) / "datapackage.json"
    descriptor = data_package(resources, name, title, **properties)
    target.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return target
