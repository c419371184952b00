import pytest

from tests.browser.conftest import assert_accessible


@pytest.mark.parametrize(
    ("path", "locale"),
    [
        ("/id/koleksi-madura/", "id-ID"),
        ("/en/madura-collection/?type=StillImage&subject=batik", "en-US"),
        ("/en/madura-collection/km-btk-001/", "en-US"),
        ("/id/koleksi-madura/km-lsn-001/", "id-ID"),
    ],
)
def test_collection_pages_have_no_axe_violations(open_page, path, locale):
    for width in (390, 1280):
        page = open_page(path, locale=locale, viewport={"width": width, "height": 900})
        assert_accessible(page, path, width)


def test_facet_links_work_without_javascript(open_page):
    page = open_page("/en/madura-collection/", java_script_enabled=False)
    page.get_by_role("link", name="Sound").click()
    page.wait_for_url("**/madura-collection/?type=Sound")
    assert page.get_by_role("heading", name="3 items").is_visible()
