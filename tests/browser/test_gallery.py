from playwright.sync_api import expect

from tests.browser.helpers import axe_violations

ALBUM = "/en/gallery/library-building/"


def test_lightbox_works_with_the_keyboard(open_page):
    page = open_page(ALBUM, viewport={"width": 1280, "height": 900})
    first = page.locator("[data-lightbox-item]").first
    first.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Photo viewer")
    expect(dialog).to_be_visible()
    expect(dialog.locator("figcaption")).to_have_text("The front of the building.")
    expect(dialog.get_by_text("Photo 1 of 4")).to_be_visible()
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()
    assert axe_violations(page) == []

    page.keyboard.press("ArrowRight")
    expect(dialog.locator("figcaption")).to_have_text("The side of the building.")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(dialog.get_by_text("Photo 4 of 4")).to_be_visible()

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(first).to_be_focused()


def test_without_javascript_thumbnails_open_the_photo_page(open_page):
    page = open_page(ALBUM, java_script_enabled=False)
    page.locator("[data-lightbox-item]").nth(1).click()
    page.wait_for_url("**/library-building/2/")
    expect(
        page.get_by_role("heading", name="The Pamekasan Regency Public Library building: photo 2 of 4")
    ).to_be_visible()
    page.get_by_role("link", name="Next photo ›").click()
    page.wait_for_url("**/library-building/3/")
