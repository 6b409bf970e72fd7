"""Public URLs of publishing: persistent URIs (/id/ → 303 → /doc/) and catalogue files.

On this host the municipality is part of the path; ``/id/dataset/{slug}`` and
``/id/catalog`` without it resolve by the host name when a municipality's base URI
points here (see ghia.publishing.uris).
"""

from django.urls import path, re_path

from ghia.publishing import views

EXT = r"(?P<ext>html|ttl|rdf|jsonld)"
SLUG = r"[-\w]+"

urlpatterns = [
    path("id/dataset/<slug:municipality>/<str:slug>", views.dataset_id, name="dataset-id"),
    path("id/dataset/<str:slug>", views.dataset_id, name="dataset-id-by-host"),
    path("id/distribution/<uuid:pk>", views.distribution_id, name="distribution-id"),
    path("id/catalog/<slug:municipality>", views.catalog_id, name="catalog-id"),
    path("id/catalog", views.catalog_id, name="instance-catalog-id"),
    path("doc/dataset/<slug:municipality>/<slug:slug>", views.dataset_doc, name="dataset-doc"),
    re_path(
        rf"^doc/dataset/(?P<municipality>{SLUG})/(?P<slug>{SLUG})\.{EXT}$",
        views.dataset_doc,
        name="dataset-doc-as",
    ),
    path(
        "doc/dataset/<slug:municipality>/<slug:slug>/datapackage.json",
        views.datapackage,
        name="datapackage",
    ),
    path(
        "doc/dataset/<slug:municipality>/<slug:slug>/schema.json",
        views.table_schema,
        name="table-schema",
    ),
    path("doc/catalog/<slug:municipality>", views.catalog_doc, name="catalog-doc"),
    re_path(
        rf"^doc/catalog/(?P<municipality>{SLUG})\.{EXT}$", views.catalog_doc, name="catalog-doc-as"
    ),
    path("doc/catalog/<slug:municipality>/data.json", views.data_json, name="data-json"),
    path("doc/catalog", views.catalog_doc, name="instance-catalog-doc"),
    re_path(rf"^doc/catalog\.{EXT}$", views.catalog_doc, name="instance-catalog-doc-as"),
    path("data.json", views.data_json, name="instance-data-json"),
]
