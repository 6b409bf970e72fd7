"""Public views of publishing: persistent URIs, their documents and the catalogue files.

``/id/...`` answers 303 See Other to ``/doc/...``; a document is negotiated from the Accept
header (HTML by default) or chosen by its extension. Every response links the other
representations in a ``Link`` header.
"""

from __future__ import annotations

import hashlib
import json
import uuid

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ghia.catalog import permissions, services
from ghia.catalog.models import Dataset, Distribution, Municipality, Status
from ghia.publishing import datajson, dcat, negotiation, records
from ghia.publishing.datapackage import datapackage as datapackage_for
from ghia.publishing.uris import REPRESENTATIONS, UriPolicy


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def _see_other(url: str) -> HttpResponseSeeOther:
    response = HttpResponseSeeOther(url)
    response["Vary"] = "Accept"
    return response


def _municipality_by_host(request) -> Municipality | None:
    """The municipality whose base URI is this request's host: its domain points here."""
    host = request.get_host().lower()
    for municipality in Municipality.objects.exclude(base_uri=""):
        if UriPolicy.for_municipality(municipality).host == host:
            return municipality
    return None


def _resolve(request, municipality: Municipality, reference: str) -> tuple[Dataset, bool]:
    """The dataset a reference names (current slug, old slug or UUID) and whether the
    reference is not its current slug. A withdrawn dataset still resolves: its document
    answers 410 Gone rather than pretending it never existed."""
    dataset, renamed = services.find_by_slug(municipality, reference)
    if dataset is None:
        try:
            dataset = Dataset.objects.filter(
                municipality=municipality, pk=uuid.UUID(reference)
            ).first()
        except ValueError:
            dataset = None
        renamed = dataset is not None
    if dataset is None:
        raise Http404
    if dataset.status != Status.WITHDRAWN and not permissions.can_view(request.user, dataset):
        raise Http404
    return dataset, renamed


def _is_gone(request, dataset: Dataset) -> bool:
    return dataset.status == Status.WITHDRAWN and not permissions.can_view(request.user, dataset)


@require_safe
def dataset_id(request, slug: str, municipality: str | None = None):
    municipality = (
        get_object_or_404(Municipality, slug=municipality)
        if municipality
        else _municipality_by_host(request)
    )
    if municipality is None:
        raise Http404
    dataset, _renamed = _resolve(request, municipality, slug)
    return _see_other(reverse("dataset-doc", args=[municipality.slug, dataset.slug]))


@require_safe
def distribution_id(request, pk):
    distribution = get_object_or_404(
        Distribution.objects.select_related("dataset__municipality"), pk=pk
    )
    dataset = distribution.dataset
    _resolve(request, dataset.municipality, dataset.slug)
    return _see_other(reverse("dataset-doc", args=[dataset.municipality.slug, dataset.slug]))


@require_safe
def catalog_id(request, municipality: str | None = None):
    """A municipality's catalogue; without one in the path, the catalogue of the
    municipality whose domain this is, else the instance's."""
    found = (
        get_object_or_404(Municipality, slug=municipality)
        if municipality
        else _municipality_by_host(request)
    )
    if found:
        return _see_other(reverse("catalog-doc", args=[found.slug]))
    return _see_other(reverse("instance-catalog-doc"))


def _links_header(urls: dict[str, str]) -> str:
    return ", ".join(
        f'<{url}>; rel="alternate"; type="{REPRESENTATIONS[ext][0]}"' for ext, url in urls.items()
    )


def _rdf_response(
    body: bytes, ext: str, alternates: dict[str, str], negotiated: bool
) -> HttpResponse:
    media_type = REPRESENTATIONS[ext][0]
    response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["Link"] = _links_header(alternates)
    if negotiated:
        response["Vary"] = "Accept"
        response["Content-Location"] = alternates[ext]
    return response


def _not_acceptable(alternates: dict[str, str]) -> HttpResponse:
    response = HttpResponse(
        _("None of the available representations is acceptable: %(types)s")
        % {"types": ", ".join(REPRESENTATIONS[ext][0] for ext in alternates)},
        status=406, content_type="text/plain; charset=utf-8",
    )  # fmt: skip
    response["Link"] = _links_header(alternates)
    return response


def _gone(dataset: Dataset) -> HttpResponse:
    message = _("This dataset was withdrawn: %(title)s") % {"title": dataset.title.get_text()}
    return HttpResponse(message, status=410, content_type="text/plain; charset=utf-8")


def files_root(request) -> str:
    """Where this instance serves files (/files/...), as the client reached it."""
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def dataset_doc(request, municipality: str, slug: str, ext: str | None = None):
    municipality = get_object_or_404(Municipality, slug=municipality)
    dataset, renamed = _resolve(request, municipality, slug)
    if renamed:
        args = [municipality.slug, dataset.slug] + ([ext] if ext else [])
        return HttpResponseRedirect(
            reverse("dataset-doc-as" if ext else "dataset-doc", args=args), status=301
        )
    alternates = {
        e: request.build_absolute_uri(
            reverse("dataset-doc-as", args=[municipality.slug, dataset.slug, e])
        )
        for e in REPRESENTATIONS
    }
    chosen = ext or negotiation.choose(request.headers.get("Accept"))
    if chosen is None:
        return _not_acceptable(alternates)
    if _is_gone(request, dataset):
        return _gone(dataset)
    if chosen == "html":
        response = HttpResponseSeeOther(reverse("dataset", args=[municipality.slug, dataset.slug]))
        response["Link"] = _links_header(alternates)
        if not ext:
            response["Vary"] = "Accept"
        return response
    record = records.record(dataset)
    graph = dcat.dataset_graph(record, dcat.Links(files_root(request)))
    return _rdf_response(
        dcat.serialize(graph, REPRESENTATIONS[chosen][1]), chosen, alternates, negotiated=not ext
    )


def _catalogue_version(municipality: Municipality | None) -> str:
    """A key that changes whenever anything the catalogue shows may have changed."""
    datasets = Dataset.objects.filter(status=Status.PUBLISHED)
    publishers = Municipality.objects.all()
    if municipality:
        datasets = datasets.filter(municipality=municipality)
        publishers = publishers.filter(pk=municipality.pk)
    state = datasets.aggregate(
        n=Count("id"), modified=Max("modified"), files=Max("versions__uploaded_at")
    )
    rows = list(publishers.values_list("slug", "name", "base_uri", "website", "email"))
    return hashlib.sha256(repr((state, rows)).encode()).hexdigest()


def _catalogue_bytes(request, municipality: Municipality | None, fmt: str) -> bytes:
    key = f"ghia:catalogue:{_catalogue_version(municipality)}:{fmt}:{files_root(request)}"
    body = cache.get(key)
    if body is None:
        body = dcat.catalogue_document(municipality, fmt, files_root(request))
        cache.set(key, body, 3600)
    return body


@require_safe
def catalog_doc(request, municipality: str | None = None, ext: str | None = None):
    municipality = get_object_or_404(Municipality, slug=municipality) if municipality else None
    if municipality:
        alternates = {
            e: request.build_absolute_uri(reverse("catalog-doc-as", args=[municipality.slug, e]))
            for e in REPRESENTATIONS
        }
        page = reverse("catalogue") + f"?municipality={municipality.slug}"
    else:
        alternates = {
            e: request.build_absolute_uri(reverse("instance-catalog-doc-as", args=[e]))
            for e in REPRESENTATIONS
        }
        page = reverse("catalogue")
    chosen = ext or negotiation.choose(request.headers.get("Accept"))
    if chosen is None:
        return _not_acceptable(alternates)
    if chosen == "html":
        response = HttpResponseSeeOther(page)
        response["Link"] = _links_header(alternates)
        return response
    body = _catalogue_bytes(request, municipality, REPRESENTATIONS[chosen][1])
    return _rdf_response(body, chosen, alternates, negotiated=not ext)


@require_safe
def data_json(request, municipality: str | None = None):
    municipality = get_object_or_404(Municipality, slug=municipality) if municipality else None
    document = datajson.catalog(records.records(municipality), files_root(request))
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})


@require_safe
def datapackage(request, municipality: str, slug: str):
    municipality = get_object_or_404(Municipality, slug=municipality)
    dataset, renamed = _resolve(request, municipality, slug)
    if renamed:
        return HttpResponseRedirect(
            reverse("datapackage", args=[municipality.slug, dataset.slug]), status=301
        )
    if _is_gone(request, dataset):
        return _gone(dataset)
    record = records.record(dataset)
    return JsonResponse(
        datapackage_for(record, files_root(request)),
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


@require_safe
def table_schema(request, municipality: str, slug: str):
    municipality = get_object_or_404(Municipality, slug=municipality)
    dataset, _renamed = _resolve(request, municipality, slug)
    if _is_gone(request, dataset):
        return _gone(dataset)
    record = records.record(dataset)
    if record.table_schema is None:
        raise Http404
    return HttpResponse(
        json.dumps(record.table_schema, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
