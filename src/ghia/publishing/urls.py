"""Public URLs of publishing: persistent URIs (/id/ → 303 → /doc/) and catalogue files."""

urlpatterns: list = []
