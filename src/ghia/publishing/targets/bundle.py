"""The submission bundle for the national portal (data.gov.ge), whose API is not public.

One ZIP per municipality holds what a portal operator needs to publish its datasets by
hand or by harvest:

- ``data/{slug}/{file}``: the current file of every distribution of the published datasets;
- ``metadata.xlsx`` and ``metadata.csv``: one row per file, bilingual column headings;
- ``catalog.ttl`` and ``catalog.rdf``: the DCAT-AP 3.0.1 catalogue (download links point
  where the municipality's website offers the files);
- ``SHA256SUMS``: the sha256 of every other entry (``sha256sum -c SHA256SUMS`` checks it);
- ``README.txt``: what the bundle is, in Georgian and English.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from ghia.catalog.models import DataVersion, Municipality
from ghia.catalog.services import open_version
from ghia.publishing import dcat
from ghia.publishing import records as catalogue
from ghia.publishing.models import Publication, TargetKind
from ghia.publishing.records import DatasetRecord, DistributionRecord
from ghia.publishing.targets import Observation, Plan, Progress, Seen, SeenFile, Target, no_progress

# (heading in Georgian, heading in English, value)
COLUMNS = [
    ("იდენტიფიკატორი", "Identifier", lambda r, d: r.id),
    ("მუდმივი მისამართი (URI)", "Persistent URI", lambda r, d: r.uri),
    ("სათაური (ქართ.)", "Title (Georgian)", lambda r, d: r.title["ka"]),
    ("სათაური (ინგლ.)", "Title (English)", lambda r, d: r.title["en"]),
    ("აღწერა (ქართ.)", "Description (Georgian)", lambda r, d: r.description["ka"]),
    ("აღწერა (ინგლ.)", "Description (English)", lambda r, d: r.description["en"]),
    ("საკვანძო სიტყვები (ქართ.)", "Keywords (Georgian)", lambda r, d: ", ".join(r.keywords["ka"])),
    ("საკვანძო სიტყვები (ინგლ.)", "Keywords (English)", lambda r, d: ", ".join(r.keywords["en"])),
    ("გამომქვეყნებელი", "Publisher", lambda r, d: r.publisher.name["ka"]),
    ("სამსახური", "Service", lambda r, d: r.service["ka"]),
    ("საკონტაქტო პირი", "Contact point", lambda r, d: r.contact_name),
    ("საკონტაქტო ელფოსტა", "Contact e-mail", lambda r, d: r.contact_email or r.publisher.email),
    ("თემა", "Theme", lambda r, d: r.theme.code if r.theme else ""),
    ("ლიცენზია", "Licence", lambda r, d: r.licence.id),
    ("ლიცენზიის მისამართი", "Licence URI", lambda r, d: dcat.licence_uri(r)),
    (
        "განახლების სიხშირე",
        "Update frequency",
        lambda r, d: r.frequency.code if r.frequency else "",
    ),
    ("პერიოდის დასაწყისი", "Period from", lambda r, d: r.temporal_start or ""),
    ("პერიოდის დასასრული", "Period until", lambda r, d: r.temporal_end or ""),
    ("გეოგრაფიული არეალი", "Spatial coverage", lambda r, d: r.spatial["ka"] or r.spatial["en"]),
    ("გამოქვეყნდა", "Issued", lambda r, d: r.issued or ""),
    ("შეიცვალა", "Modified", lambda r, d: r.modified),
    ("ფაილი", "File", lambda r, d: entry_path(r, d) if d and not d.external_url else ""),
    ("გარე მისამართი", "External URL", lambda r, d: d.external_url if d else ""),
    ("ფორმატი", "Format", lambda r, d: d.format.code if d and d.format else ""),
    ("მედიის ტიპი", "Media type", lambda r, d: d.media_type if d else ""),
    ("ზომა (ბაიტი)", "Size (bytes)", lambda r, d: d.size if d and d.size is not None else ""),
    ("SHA-256", "SHA-256", lambda r, d: d.sha256 if d else ""),
]
README = """ღია მონაცემების პაკეტი ეროვნული პორტალისთვის (data.gov.ge)
მუნიციპალიტეტი: {name_ka}
მონაცემთა ნაკრებები: {count}

data/            გამოქვეყნებული მონაცემთა ნაკრებების ფაილები
metadata.xlsx    მეტამონაცემები (ერთი სტრიქონი თითო ფაილზე), ქართულად და ინგლისურად
metadata.csv     იგივე, CSV (UTF-8)
catalog.ttl      კატალოგი DCAT-AP 3.0.1 ფორმატში (Turtle); catalog.rdf — იგივე RDF/XML-ში
SHA256SUMS       ყველა ფაილის საკონტროლო ჯამი: sha256sum -c SHA256SUMS

Open-data bundle for the national portal (data.gov.ge)
Municipality: {name_en}
Datasets: {count}

data/            the files of the published datasets
metadata.xlsx    metadata (one row per file), in Georgian and English
metadata.csv     the same as CSV (UTF-8)
catalog.ttl      the catalogue as DCAT-AP 3.0.1 (Turtle); catalog.rdf the same as RDF/XML
SHA256SUMS       checksums of every file: sha256sum -c SHA256SUMS
"""


def entry_path(record: DatasetRecord, distribution: DistributionRecord) -> str:
    return f"data/{record.slug}/{distribution.filename}"


def _rows(found: list[DatasetRecord]) -> list[list]:
    rows = []
    for record in found:
        for distribution in record.distributions or (None,):
            rows.append([value(record, distribution) for _ka, _en, value in COLUMNS])
    return rows


def _headings() -> list[str]:
    return [f"{ka} / {en}" for ka, en, _value in COLUMNS]


def metadata_csv(found: list[DatasetRecord]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_headings())
    writer.writerows(_rows(found))
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheet programs see UTF-8


def metadata_xlsx(found: list[DatasetRecord]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "metadata"
    sheet.append(_headings())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _rows(found):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class BundleTarget(Target):
    kind = TargetKind.BUNDLE

    def __init__(self, path: str | Path):
        self.path = Path(path).resolve()

    @property
    def key(self) -> str:
        return f"bundle:{self.path}"

    def plan(self, municipality: Municipality) -> Plan:
        plan = Plan(self.key)
        for record in catalogue.records(municipality):
            for distribution in record.distributions:
                if not distribution.external_url:
                    plan.add("create", "file", entry_path(record, distribution), record.id)
            plan.add("create", "metadata", record.slug, record.id)
        return plan

    def publish(self, municipality: Municipality, progress: Progress = no_progress) -> Plan:
        found = catalogue.records(municipality)
        plan = self.plan(municipality)
        sums: list[tuple[str, str]] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle:

            def put(name: str, data: bytes) -> None:
                bundle.writestr(name, data)
                sums.append((hashlib.sha256(data).hexdigest(), name))

            done = 0
            for record in found:
                for distribution in record.distributions:
                    if distribution.external_url:
                        continue
                    sums.append((distribution.sha256, self._copy(bundle, record, distribution)))
                    done += 1
                    progress(done, len(plan.actions), entry_path(record, distribution))
            # The catalogue names the files where the municipality's website offers them.
            publisher = catalogue.publisher(municipality)
            graph = dcat.catalog_graph(
                dcat.municipal_catalog(publisher), found, dcat.Links(publisher.base)
            )
            put("catalog.ttl", dcat.serialize(graph, "turtle"))
            put("catalog.rdf", dcat.serialize(graph, "xml"))
            put("metadata.csv", metadata_csv(found))
            put("metadata.xlsx", metadata_xlsx(found))
            name = publisher.name
            put(
                "README.txt",
                README.format(name_ka=name["ka"], name_en=name["en"], count=len(found)).encode(),
            )
            bundle.writestr("SHA256SUMS", "".join(f"{sha}  {path}\n" for sha, path in sums))
        partial.replace(self.path)  # a reader never sees half a bundle
        self._record(found)
        progress(len(plan.actions), len(plan.actions), self.path.name)
        return plan

    def _copy(
        self, bundle: zipfile.ZipFile, record: DatasetRecord, distribution: DistributionRecord
    ) -> str:
        name = entry_path(record, distribution)
        version = DataVersion.objects.get(pk=distribution.version_id)
        with open_version(version) as source, bundle.open(name, "w", force_zip64=True) as target:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                target.write(chunk)
        return name

    def _record(self, found: list[DatasetRecord]) -> None:
        now = timezone.now()
        for record in found:
            Publication.objects.update_or_create(
                dataset_id=record.id, target=self.key,
                defaults={
                    "kind": self.kind, "remote_id": f"data/{record.slug}", "remote_url": str(self.path),
                    "checksum": record.digest(), "state": Publication.State.PUBLISHED, "published_at": now,
                    "files": {d.id: {"sha256": d.sha256} for d in record.distributions}, "message": "",
                },
            )  # fmt: skip

    def observe(self, municipality: Municipality, records: Iterable[DatasetRecord]) -> Observation:
        """What the bundle holds, read back from its metadata sheet and files."""
        observation = Observation(self.key)
        try:
            bundle = zipfile.ZipFile(self.path)
        except (OSError, zipfile.BadZipFile) as error:
            observation.error = str(error)
            return observation
        with bundle:
            text = bundle.read("metadata.csv").decode("utf-8-sig")
            rows = list(csv.reader(io.StringIO(text)))[1:]
            names = set(bundle.namelist())
            column = {en: i for i, (_ka, en, _v) in enumerate(COLUMNS)}
            known = {r.id: r for r in records}
            for row in rows:
                identifier = row[column["Identifier"]]
                if identifier not in known:
                    observation.unknown.append(identifier)
                    continue
                seen = observation.datasets.get(identifier) or Seen(
                    identifier=identifier, uri=row[column["Persistent URI"]],
                    title={"ka": row[column["Title (Georgian)"]], "en": row[column["Title (English)"]]},
                    description={"ka": row[column["Description (Georgian)"]], "en": row[column["Description (English)"]]},
                    licence=row[column["Licence"]], formats=set(), files=[], location=f"{self.path}#{identifier}",
                )  # fmt: skip
                path = row[column["File"]]
                if row[column["Format"]]:
                    seen.formats.add(row[column["Format"]])
                if path:
                    sha = hashlib.sha256(bundle.read(path)).hexdigest() if path in names else None
                    paths = {
                        entry_path(known[identifier], d): d.id
                        for d in known[identifier].distributions
                    }
                    seen.files.append(
                        SeenFile(path, sha, "" if sha else "missing", key=paths.get(path, ""))
                    )
                observation.datasets[identifier] = seen
        return observation
