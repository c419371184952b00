from playwright.sync_api import expect

from wagtail.models import Site

from portal.models import LibrarySettings
from tests.browser.helpers import assert_accessible


def test_header_search_leads_to_results_without_javascript_trouble(open_page):
    page = open_page("/id/", locale="id-ID")
    page.get_by_role("searchbox", name="Cari di situs web").fill("perpustakaan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/id/cari/?q=perpustakaan")
    expect(page.get_by_role("heading", name="hasil untuk “perpustakaan”")).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()


def test_search_pages_have_no_axe_violations_and_fit_a_phone(open_page, db_access):
    settings = LibrarySettings.for_site(Site.objects.get(is_default_site=True))
    settings.catalogue_search_url = "https://opac.example.id/?keywords={query}"
    settings.save()
    try:
        for path, locale in [("/id/cari/?q=perpustakaan", "id-ID"), ("/en/search/?q=zyxwv", "en-US")]:
            for width in (320, 1280):
                page = open_page(path, locale=locale, viewport={"width": width, "height": 900})
                expect(page.locator("form.site-search button[value=catalogue]")).to_be_visible()
                assert_accessible(page, path, width)
    finally:
        settings.catalogue_search_url = ""
        settings.save()
