from django.urls import path

from ghia.preparation import views

app_name = "preparation"
urlpatterns = [
    path("datasets/<uuid:pk>/", views.dataset_overview, name="dataset"),
    path("datasets/<uuid:pk>/schema/", views.schema_edit, name="schema"),
    path("datasets/<uuid:pk>/schema.json", views.schema_json, name="schema_json"),
    path("versions/<uuid:pk>/check/", views.version_check, name="version_check"),
    path("versions/<uuid:pk>/clean/", views.apply_step, name="apply_step"),
    path("versions/<uuid:pk>/undo/", views.undo_step, name="undo_step"),
    path("versions/<uuid:pk>/decision/", views.decide, name="decide"),
    path("checks/<int:pk>/", views.check_report, name="report"),
]
