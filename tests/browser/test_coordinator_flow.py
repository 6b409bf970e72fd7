"""A coordinator creates a bilingual dataset, publishes it, and finds it in the public
catalogue in both languages — in a real browser."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_publishes_and_citizen_finds_it(live_server, world, page, artifacts, tmp_path):
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "ka"  # Georgian by default, whatever the browser says
    page.fill("input[name=username]", "k-coordinator")
    page.fill("input[name=password]", "pw-k-coordinator")
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/$"))
    page.screenshot(path=artifacts / "01-workspace.png", full_page=True)

    page.click("a[href='/workspace/datasets/new/']")
    page.select_option("select[name=service]", str(world.finance.pk))
    page.fill("input[name=title_ka]", "ქალაქის პარკები")
    page.fill("input[name=title_en]", "City parks")
    page.fill("textarea[name=description_ka]", "ქუთაისის პარკები და სკვერები")
    page.fill("textarea[name=description_en]", "Parks and squares of Kutaisi")
    page.screenshot(path=artifacts / "02-new-dataset.png", full_page=True)
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/datasets/[0-9a-f-]+/$"))

    data = tmp_path / "parks.csv"
    data.write_text("პარკი,ფართობი\nბოტანიკური ბაღი,12.5\n", encoding="utf-8")
    page.set_input_files("input[type=file]", str(data))
    page.click("form.upload button[type=submit]")
    page.wait_for_selector("text=parks.csv")
    for button in ("to-in_preparation", "to-in_review", "to-published"):
        page.click(f"button.{button}")
        page.wait_for_load_state()
    assert page.locator(".title-row .status").inner_text() == "გამოქვეყნებული"
    page.screenshot(path=artifacts / "03-published.png", full_page=True)

    # A citizen (a fresh browser context) searches in Georgian, then in English.
    citizen = page.context.browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    citizen.goto(f"{base}/datasets/")
    citizen.fill("main input[name=q]", "პარკები")
    citizen.click("main form.search button")
    citizen.wait_for_selector("text=ქალაქის პარკები")
    citizen.screenshot(path=artifacts / "04-search-ka.png", full_page=True)
    citizen.click("header .lang-switch button")
    citizen.wait_for_selector("html[lang=en]")
    citizen.fill("main input[name=q]", "city parks")
    citizen.click("main form.search button")
    citizen.wait_for_selector(".dataset-item >> text=City parks")
    assert "ქალაქის პარკები" not in citizen.locator("main .datasets").inner_text()
    citizen.screenshot(path=artifacts / "05-search-en.png", full_page=True)
    citizen.click("text=City parks")
    citizen.wait_for_selector("text=parks.csv")
    citizen.screenshot(path=artifacts / "06-dataset-en.png", full_page=True)
