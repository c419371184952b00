import pytest

from tests.browser.conftest import assert_accessible

PAGES = [
    ("/id/berita/", "id-ID"),
    ("/en/news/most-innovative-library/", "en-US"),
    ("/id/agenda/", "id-ID"),
    ("/en/events/basic-computer-course/", "en-US"),
]


@pytest.mark.parametrize(("path", "locale"), PAGES)
def test_news_and_event_pages_have_no_axe_violations(open_page, path, locale):
    for width in (390, 1280):
        page = open_page(path, locale=locale, viewport={"width": width, "height": 900})
        assert_accessible(page, path, width)


def test_copy_link_button_appears_with_javascript(open_page):
    page = open_page("/en/news/most-innovative-library/")
    assert page.get_by_role("button", name="Copy link").is_visible()
    page = open_page("/en/news/most-innovative-library/", java_script_enabled=False)
    assert page.get_by_role("button", name="Copy link").count() == 0
    assert page.get_by_label("Link to this page").input_value().endswith("/en/news/most-innovative-library/")
