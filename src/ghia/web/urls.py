from django.urls import path

from ghia.web import workspace

app_name = "workspace"
urlpatterns = [
    path("", workspace.home, name="home"),
    path("datasets/new/", workspace.dataset_new, name="dataset_new"),
    path("datasets/<uuid:pk>/", workspace.dataset_detail, name="dataset"),
    path("datasets/<uuid:pk>/edit/", workspace.dataset_edit, name="dataset_edit"),
    path("datasets/<uuid:pk>/upload/", workspace.dataset_upload, name="dataset_upload"),
    path("datasets/<uuid:pk>/status/", workspace.dataset_transition, name="dataset_transition"),
]
