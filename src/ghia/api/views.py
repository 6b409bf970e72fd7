from uuid import UUID

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from ghia import __version__
from ghia.api import schemas
from ghia.catalog import permissions, services
from ghia.catalog.models import Dataset, Format, Frequency, Licence, Municipality, Theme

api = NinjaAPI(
    title="Ghia API",
    version=__version__,
    description="Read-only access to the open-data catalogue of Georgian municipalities. "
    "Anonymous callers see published datasets; signed-in staff also see their municipality's work.",
    urls_namespace="api",
    docs_url=None,
)


class DatasetFilters(Schema):
    q: str | None = None
    municipality: str | None = None
    theme: str | None = None
    status: str | None = None


def _dataset_out(request, dataset: Dataset) -> dict:
    return {
        **{f: getattr(dataset, f) for f in schemas.DatasetOut.model_fields if hasattr(dataset, f)},
        "municipality": dataset.municipality.slug,
        "service": dataset.service,
        "theme": dataset.theme_id,
        "licence": dataset.licence_id,
        "frequency": dataset.frequency_id,
        "url": request.build_absolute_uri(reverse("dataset", args=[dataset.municipality.slug, dataset.slug])),
    }


@api.get("/municipalities", response=list[schemas.MunicipalityOut], tags=["catalogue"])
def municipalities(request):
    return Municipality.objects.all()


@api.get("/datasets", response=list[schemas.DatasetOut], tags=["catalogue"])
@paginate(LimitOffsetPagination)
def datasets(request, filters: Query[DatasetFilters]):
    queryset = permissions.visible_datasets(request.user).select_related("municipality", "service")
    if filters.q:
        queryset = services.search(queryset, filters.q[:200])
    if filters.municipality:
        queryset = queryset.filter(municipality__slug=filters.municipality)
    if filters.theme:
        queryset = queryset.filter(theme_id=filters.theme)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return [_dataset_out(request, d) for d in queryset.order_by("municipality__slug", "slug")]


@api.get("/datasets/{dataset_id}", response=schemas.DatasetDetailOut, tags=["catalogue"])
def dataset(request, dataset_id: UUID):
    found = get_object_or_404(Dataset.objects.select_related("municipality", "service"), pk=dataset_id)
    if not permissions.can_view(request.user, found):
        raise HttpError(404, "Not found")
    distributions = [
        {
            "id": d.id, "title": d.title, "format": d.format_id, "media_type": d.media_type, "size": d.size,
            "sha256": d.sha256,
            "download_url": d.url or request.build_absolute_uri(reverse("download", args=[d.version_id, d.version.filename])),
        }
        for d in found.distributions.select_related("version")
    ]  # fmt: skip
    return {**_dataset_out(request, found), "distributions": distributions, "versions": list(found.versions.all())}


@api.get("/themes", response=list[schemas.CodeLabel], tags=["registries"])
def themes(request):
    return Theme.objects.all()


@api.get("/frequencies", response=list[schemas.CodeLabel], tags=["registries"])
def frequencies(request):
    return Frequency.objects.all()


@api.get("/licences", response=list[schemas.LicenceOut], tags=["registries"])
def licences(request):
    return Licence.objects.all()


@api.get("/formats", response=list[schemas.FormatOut], tags=["registries"])
def formats(request):
    return Format.objects.all()
