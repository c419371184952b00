import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


@pytest.mark.parametrize(
    ("path", "locale"),
    [
        ("/en/programmes/perpuseru/", "en-US"),
        ("/id/program/perpustakaan-desa-berbasis-ti/", "id-ID"),
        ("/id/program/perpustakaan-desa/", "id-ID"),
        ("/en/programmes/village-libraries/bajang/", "en-US"),
    ],
)
def test_programme_and_village_pages_have_no_axe_violations(open_page, path, locale):
    for width in (390, 1280):
        page = open_page(path, locale=locale, viewport={"width": width, "height": 900})
        assert_accessible(page, path, width)


def test_programme_page_prints_without_navigation(open_page):
    page = open_page("/en/programmes/perpuseru/")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_hidden()
    expect(page.get_by_role("heading", name="Impact in figures")).to_be_visible()
    expect(page.locator(".chart__data table").first).to_be_visible()
