"""The publishing pages of the staff workspace, under /workspace/publishing/."""

from django.urls import path

from ghia.publishing import workspace

app_name = "publishing"
urlpatterns = [
    path("", workspace.overview, name="overview"),
    path("uris/", workspace.uri_policy, name="uris"),
    path("datasets/<uuid:pk>/", workspace.dataset_detail, name="dataset"),
    path("datasets/<uuid:pk>/publish/", workspace.publish, name="publish"),
    path("datasets/<uuid:pk>/withdraw/", workspace.withdraw, name="withdraw"),
    path("jobs/<int:pk>/", workspace.job_detail, name="job"),
    path("<slug:municipality>/", workspace.overview, name="municipality"),
    path("<slug:municipality>/bundle.zip", workspace.bundle, name="bundle"),
    path("<slug:municipality>/<str:action>/", workspace.municipality_job, name="municipality_job"),
]
