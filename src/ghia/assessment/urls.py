"""The situational-analysis workspace, included at /workspace/assessment/."""

from django.urls import path

from ghia.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    path("start/<slug:municipality>/", views.start, name="start"),
    path("<int:pk>/", views.dashboard, name="dashboard"),
    path("<int:pk>/readiness/<slug:dimension>/", views.readiness, name="readiness"),
    path("<int:pk>/readiness/<slug:dimension>/evidence/", views.evidence_add, name="evidence_add"),
    path("<int:pk>/evidence/<int:item>/delete/", views.evidence_delete, name="evidence_delete"),
    path("<int:pk>/maturity/", views.maturity, name="maturity"),
    path("<int:pk>/conclusions/", views.conclusions, name="conclusions"),
    path("<int:pk>/inventory/", views.surveys, name="surveys"),
    path("<int:pk>/inventory/<slug:service>/", views.survey, name="survey"),
    path("<int:pk>/inventory/<slug:service>/new/", views.entry, name="entry_new"),
    path("<int:pk>/inventory/<slug:service>/submit/", views.survey_submit, name="survey_submit"),
    path("<int:pk>/inventory/<slug:service>/<uuid:dataset>/", views.entry, name="entry"),
    path("<int:pk>/sessions/", views.sessions, name="sessions"),
    path("<int:pk>/sessions/new/", views.session, name="session_new"),
    path("<int:pk>/sessions/<int:session>/", views.session, name="session"),
    path("<int:pk>/report/<slug:fmt>/", views.report, name="report"),
]
