"""The site's URLs with the publishing workspace included, as the project will include them."""

from django.urls import include, path

from ghia.urls import urlpatterns as site

urlpatterns = [path("workspace/publishing/", include("ghia.publishing.workspace_urls")), *site]
