import io

import pytest
from django.test import Client
from django.urls import reverse

from ghia.catalog.models import Dataset, Status

pytestmark = pytest.mark.django_db


def test_catalogue_search_and_facets(client, world, make_dataset):
    make_dataset("საბავშვო ბაღები", "Kindergartens", status=Status.PUBLISHED, theme_id="EDUC")
    make_dataset("ავტობუსის მარშრუტები", "Bus routes", service=world.transport, status=Status.PUBLISHED, theme_id="TRAN")
    make_dataset("ბიუჯეტი", "Budget", service=world.a_finance, status=Status.PUBLISHED)
    page = client.get(reverse("catalogue"), {"q": "ბაღები"})
    assert page.context["total"] == 1
    page = client.get(reverse("catalogue"), {"q": "bus"})
    assert [d.title["en"] for d in page.context["page"]] == ["Bus routes"]
    page = client.get(reverse("catalogue"), {"municipality": "kutaisi"})
    assert page.context["total"] == 2
    facets = {facet.param: values for facet, values in page.context["facets"]}
    assert {v["value"]: v["count"] for v in facets["theme"]} == {"EDUC": 1, "TRAN": 1}
    assert {v["value"] for v in facets["format"]} == {"CSV"}
    assert client.get(reverse("catalogue"), {"theme": "TRAN", "municipality": "kutaisi"}).context["total"] == 1
    assert client.get(reverse("catalogue"), {"format": "CSV"}).context["total"] == 3
    assert client.get(reverse("catalogue"), {"licence": "CC-BY-4.0"}).context["total"] == 3
    assert client.get(reverse("catalogue"), {"service": str(world.transport.pk)}).context["total"] == 1


def test_georgian_is_the_default_and_english_is_one_click_away(client, world, make_dataset):
    make_dataset("საბავშვო ბაღები", "Kindergartens", status=Status.PUBLISHED)
    page = client.get(reverse("catalogue")).content.decode()
    assert '<html lang="ka">' in page and "საბავშვო ბაღები" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("catalogue")).content.decode()
    assert '<html lang="en">' in page and "Kindergartens" in page and "საბავშვო ბაღები" not in page


def test_missing_translation_falls_back_visibly(client, world, make_dataset):
    dataset = make_dataset("მხოლოდ ქართულად", "", status=Status.IN_REVIEW)
    client.force_login(world.viewer)
    client.cookies["ghia_lang"] = "en"
    page = client.get(reverse("dataset", args=["kutaisi", dataset.slug])).content.decode()
    assert 'class="untranslated"' in page and "მხოლოდ ქართულად" in page


def test_old_slug_redirects_permanently(client, world, make_dataset):
    from ghia.catalog import services

    dataset = make_dataset("ბიუჯეტი", "Budget", status=Status.PUBLISHED)
    services.update_dataset(world.coordinator, dataset, title={"ka": "ბიუჯეტი 2025", "en": "Budget 2025"})
    response = client.get("/datasets/kutaisi/biujeti/")
    assert response.status_code == 301 and response["Location"] == "/datasets/kutaisi/biujeti-2025/"


def test_dataset_page_shows_metadata_versions_and_downloads(client, world, make_dataset):
    dataset = make_dataset("ბიუჯეტი", "Budget", status=Status.PUBLISHED)
    version = dataset.versions.get()
    page = client.get(reverse("dataset", args=["kutaisi", dataset.slug])).content.decode()
    assert version.sha256[:16] in page and "data.csv" in page and "creativecommons.org/licenses/by/4.0" in page
    download = client.get(reverse("download", args=[version.pk, version.filename]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"a,b")
    assert download["X-Checksum-SHA256"] == version.sha256
    assert "attachment" in download["Content-Disposition"]


def test_coordinator_creates_edits_uploads_and_publishes(client, world):
    client.force_login(world.coordinator)
    form = {
        "service": world.finance.pk, "title_ka": "ქუჩის განათება", "title_en": "Street lighting",
        "description_ka": "ნათურები", "description_en": "Lamps", "keywords_ka": "განათება", "keywords_en": "lighting",
        "licence": "CC-BY-4.0", "access_level": "public", "priority": 1, "exists": "on", "digital": "on",
        "theme": "ENER", "frequency": "ANNUAL",
    }  # fmt: skip
    response = client.post(reverse("workspace:dataset_new"), form)
    dataset = Dataset.objects.get(slug="kuchis-ganateba")
    assert response.status_code == 302 and response["Location"] == reverse("workspace:dataset", args=[dataset.pk])
    assert dataset.title == {"ka": "ქუჩის განათება", "en": "Street lighting"} and dataset.theme_id == "ENER"
    client.post(reverse("workspace:dataset_edit", args=[dataset.pk]), {**form, "description_en": "Street lamps"})
    dataset.refresh_from_db()
    assert dataset.description["en"] == "Street lamps"
    client.post(reverse("workspace:dataset_upload", args=[dataset.pk]), {"file": io.BytesIO(b"id,lamps\n1,20\n")})
    assert dataset.versions.count() == 1
    for step in (Status.IN_PREPARATION, Status.IN_REVIEW, Status.PUBLISHED):
        client.post(reverse("workspace:dataset_transition", args=[dataset.pk]), {"to": step})
    dataset.refresh_from_db()
    assert dataset.status == Status.PUBLISHED
    assert Client().get(reverse("catalogue"), {"q": "lighting"}).context["total"] == 1


def test_restricted_access_needs_a_legal_reason(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("workspace:dataset_new"),
        {"service": world.finance.pk, "title_ka": "სია", "title_en": "List", "licence": "CC-BY-4.0", "access_level": "non_public", "priority": 2},
    )
    assert response.status_code == 200 and "access_reason" in response.context["form"].errors


def test_workspace_filters(client, world, make_dataset):
    make_dataset("ბიუჯეტი", "Budget", status=Status.PUBLISHED)
    make_dataset("ბაღები", "Kindergartens", service=world.transport)
    client.force_login(world.viewer)
    page = client.get(reverse("workspace:home"))
    assert page.context["page"].paginator.count == 2
    assert dict((v, n) for v, _label, n in page.context["statuses"])["published"] == 1
    assert client.get(reverse("workspace:home"), {"status": "planned"}).context["page"].paginator.count == 1
    assert client.get(reverse("workspace:home"), {"service": world.transport.pk}).context["page"].paginator.count == 1
    client.force_login(world.editor)
    assert client.get(reverse("workspace:home"), {"mine": "1"}).context["page"].paginator.count == 1


def test_upload_over_the_limit_gets_a_clear_message(client, world, make_dataset, settings):
    settings.GHIA_MAX_UPLOAD_BYTES = 1024
    dataset = make_dataset()
    client.force_login(world.coordinator)
    response = client.post(reverse("workspace:dataset_upload", args=[dataset.pk]), {"file": io.BytesIO(b"x" * 200_000)})
    assert response.status_code == 413
    assert "1.0\xa0კბ" in response.content.decode() and "ფაილი" in response.content.decode()


def test_security_headers_and_csrf(world):
    client = Client(enforce_csrf_checks=True)
    response = client.get("/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    client.force_login(world.coordinator)
    assert client.post(reverse("workspace:dataset_new"), {"title_ka": "x"}).status_code == 403


def test_dates_follow_the_language(client, world, make_dataset):
    dataset = make_dataset("ბიუჯეტი", "Budget", status=Status.PUBLISHED, temporal_start="2023-12-31")
    dataset.refresh_from_db()
    ka = client.get(reverse("dataset", args=["kutaisi", dataset.slug])).content.decode()
    client.cookies["ghia_lang"] = "en"
    en = client.get(reverse("dataset", args=["kutaisi", dataset.slug])).content.decode()
    assert "დეკემბერი" in ka or "დეკ" in ka
    assert "Dec" in en


def test_dataset_page_carries_schema_org_and_links_its_rdf(client, world, make_dataset):
    import json
    import re

    dataset = make_dataset("ბიუჯეტი", "Budget", status=Status.PUBLISHED)
    page = client.get(reverse("dataset", args=["kutaisi", dataset.slug])).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block and json.loads(block.group(1))["@type"] == "Dataset"
    assert f'/doc/dataset/kutaisi/{dataset.slug}.ttl' in page
