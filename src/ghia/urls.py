from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from ghia.api.views import api
from ghia.web import public

admin.site.site_header = "Ghia · ღია"

urlpatterns = [
    path("", public.home, name="home"),
    path("datasets/", public.catalogue, name="catalogue"),
    path("datasets/<slug:municipality>/<slug:slug>/", public.dataset_detail, name="dataset"),
    path("files/<uuid:version_id>/<str:filename>", public.download, name="download"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("workspace/preparation/", include("ghia.preparation.urls")),
    path("workspace/assessment/", include("ghia.assessment.urls")),
    path("workspace/publishing/", include("ghia.publishing.workspace_urls")),
    path("workspace/", include("ghia.web.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("ghia.publishing.urls")),
]
