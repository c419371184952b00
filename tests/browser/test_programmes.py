from playwright.sync_api import expect


def test_programme_page_prints_without_navigation(open_page):
    page = open_page("/en/programmes/perpuseru/")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_hidden()
    expect(page.get_by_role("heading", name="Impact in figures")).to_be_visible()
    expect(page.locator(".chart__data table").first).to_be_visible()
