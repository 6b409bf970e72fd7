"""The public catalogue: what a citizen, journalist or business sees."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from ghia.catalog import permissions, services
from ghia.catalog.models import Dataset, DataVersion, Municipality, Status
from ghia.web.facets import FACETS


def home(request):
    municipalities = Municipality.objects.annotate(
        published=Count("datasets", filter=Q(datasets__status=Status.PUBLISHED))
    )
    recent = (
        Dataset.objects.filter(status=Status.PUBLISHED)
        .select_related("municipality", "service")
        .order_by("-published_at")[:6]
    )
    return render(request, "web/home.html", {"municipalities": municipalities, "recent": recent})


def catalogue(request):
    datasets = Dataset.objects.filter(status=Status.PUBLISHED)
    query = request.GET.get("q", "").strip()[:200]
    if query:
        datasets = services.search(datasets, query)
    selected = {}
    for facet in FACETS:
        if value := request.GET.get(facet.param):
            selected[facet.param] = value
            datasets = facet.filter(datasets, value)
    facets = [(facet, facet.counts(datasets, selected.get(facet.param))) for facet in FACETS]
    datasets = datasets.select_related("municipality", "service", "theme", "licence").order_by("-published_at", "slug")
    page = Paginator(datasets, 20).get_page(request.GET.get("page"))
    return render(
        request, "web/catalogue.html",
        {"page": page, "query": query, "facets": facets, "selected": selected, "total": page.paginator.count},
    )  # fmt: skip


def dataset_detail(request, municipality: str, slug: str):
    municipality = get_object_or_404(Municipality, slug=municipality)
    dataset, renamed = services.find_by_slug(municipality, slug)
    if dataset is None or not permissions.can_view(request.user, dataset):
        raise Http404
    if renamed:
        return redirect("dataset", municipality=municipality.slug, slug=dataset.slug, permanent=True)
    versions = dataset.versions.select_related("format").all()
    return render(
        request, "web/dataset.html",
        {"dataset": dataset, "versions": versions, "distributions": dataset.distributions.select_related("format", "version")},
    )  # fmt: skip


def download(request, version_id, filename: str):
    version = get_object_or_404(DataVersion.objects.select_related("dataset"), pk=version_id)
    if not permissions.can_view(request.user, version.dataset):
        raise Http404
    response = FileResponse(
        services.open_version(version), as_attachment=True, filename=version.filename,
        content_type=version.media_type or "application/octet-stream",
    )  # fmt: skip
    response.headers["X-Checksum-SHA256"] = version.sha256
    return response
