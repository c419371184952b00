"""The Content-Security-Policy in real Chromium: the public pages work with the strict policy (no
inline code at all) and the Wagtail admin with its own, without a single violation."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from wagtail.models import Locale

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage

PASSWORD = "kata-sandi-keamanan-2026"

# Runs in every frame before the page's own scripts (the driver injects it, so the policy does
# not apply to it) and keeps what the policy blocked.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolations.push(event.effectiveDirective + " " + (event.blockedURI || "inline") + " at " +
    event.sourceFile + ":" + event.lineNumber);
});
"""


@pytest.fixture
def watch(browser, site, db_access):
    """Opens a browser context that records CSP violations and console errors in every frame;
    the test fails on any at the end."""
    contexts, problems = [], []

    def watch(**options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        context.add_init_script(RECORD_VIOLATIONS)
        # No network here: OpenStreetMap's answer is a stand-in page.
        context.route("https://www.openstreetmap.org/**", lambda route: route.fulfill(body="<title>map</title>"))
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        return page

    yield watch
    for context in contexts:
        for page in context.pages:
            for frame in page.frames:
                problems.extend(frame.evaluate("window.cspViolations || []"))
        context.close()
    assert problems == []


def log_in(page, site):
    User = get_user_model()
    if not User.objects.filter(username="csp-admin").exists():
        User.objects.create_superuser("csp-admin", "csp@perpustakaan.example", PASSWORD)
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_public_pages_work_under_the_strict_policy(watch, site):
    page = watch()
    response = page.goto(f"{site}/en/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    expect(page.locator("[data-carousel] .carousel__controls")).to_be_visible()  # site.js ran
    assert page.locator('script[type="application/ld+json"]').count() >= 1

    page.goto(f"{site}/en/news/most-innovative-library/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.goto(f"{site}/en/gallery/library-building/")
    page.locator("[data-lightbox-item]").first.click()
    dialog = page.get_by_role("dialog", name="Photo viewer")
    expect(dialog).to_be_visible()
    expect(dialog.locator("img")).to_have_js_property("complete", True)

    page.goto(f"{site}/en/visit/")
    page.get_by_role("link", name="Show the map on this page").click()
    expect(page.get_by_title("Map of the library (OpenStreetMap)")).to_be_visible()
    assert page.frame_locator("#map iframe").locator("title").count() == 1


def test_admin_works_under_its_policy(watch, site):
    page = watch(locale="id-ID")
    log_in(page, site)
    expect(page.locator("#wagtail-sidebar").first).to_be_attached()

    # A page editor with inline panels (the carousel), its preview and its accessibility checks.
    home = HomePage.objects.get(locale__language_code="id")
    response = page.goto(f"{site}/admin/pages/{home.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.click("[data-side-panel-toggle=preview]")
    preview = page.frame_locator("iframe[src*=in_preview_panel]")
    expect(preview.locator("#main")).to_be_visible()
    page.click("[data-side-panel-toggle=checks]")
    expect(page.locator("[data-side-panel=checks]")).to_be_visible()
    page.wait_for_timeout(1000)  # the checks run in the preview

    # The image chooser of a new news item.
    index = NewsIndexPage.objects.get(locale__language_code="id")
    page.goto(f"{site}/admin/pages/add/news/newspage/{index.pk}/")
    page.wait_for_load_state("networkidle")
    page.locator("[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-content")
    expect(modal.locator("img").first).to_be_visible(timeout=15_000)
    page.keyboard.press("Escape")

    # Uploading an image: its preview is a blob: image.
    photo = io.BytesIO()
    Image.new("RGB", (800, 600), (122, 31, 31)).save(photo, "JPEG")
    page.goto(f"{site}/admin/images/multiple/add/")
    page.set_input_files(
        "#fileupload", files=[{"name": "uji-csp.jpg", "mimeType": "image/jpeg", "buffer": photo.getvalue()}]
    )
    expect(page.locator(".upload-list form").first).to_be_visible()

    # The translation editor of wagtail-localize.
    news = NewsPage.objects.filter(locale__language_code="id").first()
    page.goto(f"{site}/admin/localize/submit/page/{news.pk}/")
    if page.locator("input[name=locales]").count():
        page.locator("input[name=locales]").check()
        page.locator("main form [type=submit]").click()
        page.wait_for_url("**/edit/")
    else:
        english = news.get_translation(Locale.objects.get(language_code="en"))
        page.goto(f"{site}/admin/pages/{english.pk}/edit/")
    expect(page.get_by_role("tab").first).to_be_visible()
    assert re.search(r"/admin/pages/\d+/edit/", page.url)

    # Signed in, the public pages carry Wagtail's user bar and its checks, under the strict policy.
    response = page.goto(f"{site}/id/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    expect(page.locator("wagtail-userbar").get_by_role("menuitem").first).to_be_visible()
