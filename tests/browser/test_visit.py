import re

from playwright.sync_api import expect

from tests.browser.helpers import axe_violations

OSM_EMBED = "https://www.openstreetmap.org/export/embed.html"


def test_no_request_leaves_the_site_until_the_visitor_asks_for_the_map(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    requested = []
    # No network here: OpenStreetMap's answer is a stand-in page.
    context.route("https://www.openstreetmap.org/**", lambda route: route.fulfill(body="<title>map</title>"))
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site + "/en/visit/")
    assert requested and not [url for url in requested if not url.startswith(site)]
    with page.expect_request(lambda request: request.url.startswith(OSM_EMBED)):
        page.get_by_role("link", name="Show the map on this page").click()
    expect(page.get_by_title("Map of the library (OpenStreetMap)")).to_be_visible()
    assert axe_violations(page) == []
    context.close()


def test_alert_banner_can_be_dismissed_and_stays_dismissed(open_page):
    page = open_page("/id/", locale="id-ID")
    banner = page.locator("[data-alert]").first
    expect(banner).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Tutup ?: Libur akhir tahun$")).click()
    expect(banner).to_be_hidden()
    page.goto(page.url.replace("/id/", "/id/kunjungi/"))
    expect(page.locator("[data-alert]").first).to_be_hidden()


def test_alert_banner_is_readable_without_javascript(open_page):
    page = open_page("/en/", java_script_enabled=False)
    expect(page.locator(".alert__title")).to_have_text("Notice: Year-end holidays")
    expect(page.get_by_role("button", name=re.compile("Dismiss"))).to_be_hidden()
