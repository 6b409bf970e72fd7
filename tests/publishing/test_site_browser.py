"""The website's search and filters work in a browser opened on the folder: no server."""

import pytest

from ghia.publishing.site import build

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    yield context.new_page()
    context.close()


def test_search_and_filters_from_the_folder(page, catalogue, tmp_path):
    site = tmp_path / "site"
    build(site, catalogue.world.kutaisi)
    page.goto(f"file://{site}/datasets/index.html?q=biujet")  # romanized: finds ბიუჯეტის...
    page.wait_for_function("document.getElementById('count').textContent.startsWith('1')")
    assert page.locator("#results li").count() == 1
    assert "ბიუჯეტის შესრულება" in page.inner_text("#results")

    page.fill("input[name=q]", "")
    page.select_option("select[name=theme]", "GOVE")
    assert page.locator("#results li").count() == 1
    page.select_option("select[name=theme]", "")
    page.select_option("select[name=service]", label="ტრანსპორტის სამსახური")
    assert page.inner_text("#results").startswith("ავტობუსების მარშრუტები")
    assert page.locator("#results li").count() == 1
    page.select_option("select[name=service]", "")
    page.select_option("select[name=format]", "CSV")
    assert page.locator("#results li").count() == 2
    page.fill("input[name=q]", "routes")
    assert page.inner_text("#results").startswith("ავტობუსების მარშრუტები")

    page.click("#results a")
    assert page.url.endswith(f"/doc/dataset/{catalogue.buses.slug}/index.html")
    page.click("text=English")
    assert page.locator("h1").inner_text() == "Bus routes"


def test_the_catalogue_without_javascript(browser, catalogue, tmp_path):  # noqa: F811
    build(tmp_path / "site", catalogue.world.kutaisi)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"file://{tmp_path}/site/datasets/index.html")
    assert page.locator("#results li").count() == 2
    page.goto(f"file://{tmp_path}/site/datasets/theme/gove/index.html")
    assert page.locator("#results li").count() == 1
    context.close()
