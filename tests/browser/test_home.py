from playwright.sync_api import expect


def test_indonesian_home_page_switches_to_english(open_page):
    page = open_page("/id/", locale="id-ID")
    assert page.locator("html").get_attribute("lang") == "id"
    expect(page.get_by_role("heading", name="Selamat datang di perpustakaan kita bersama")).to_be_visible()
    expect(page.get_by_text("Langsung ke konten utama")).to_be_attached()

    page.get_by_role("link", name="EN English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", name="Welcome to the library we share")).to_be_visible()

    page.get_by_role("link", name="About us").click()
    page.wait_for_url("**/en/about/")
    page.get_by_role("link", name="ID Bahasa Indonesia").click()
    page.wait_for_url("**/id/tentang-kami/")
    expect(page.get_by_role("heading", name="Tentang Kami", exact=True)).to_be_visible()


def test_carousel_has_controls_and_moves_with_the_keyboard(open_page):
    page = open_page("/en/", reduced_motion="reduce")
    slides = page.locator("[data-slide]")
    expect(slides.nth(0)).to_be_visible()
    expect(slides.nth(1)).to_be_hidden()
    # Reduced motion: the slideshow does not play by itself, so the button offers to play it.
    expect(page.get_by_role("button", name="Play slideshow")).to_be_visible()

    page.get_by_role("button", name="Next slide").click()
    expect(slides.nth(1)).to_be_visible()
    expect(slides.nth(0)).to_be_hidden()
    page.keyboard.press("ArrowLeft")
    expect(slides.nth(0)).to_be_visible()


def test_carousel_can_be_paused_when_it_plays(open_page):
    page = open_page("/id/", locale="id-ID", reduced_motion="no-preference")
    page.get_by_role("button", name="Jeda tayangan slide").click()
    expect(page.get_by_role("button", name="Putar tayangan slide")).to_be_visible()


def test_first_slide_is_readable_without_javascript(open_page):
    page = open_page("/en/", java_script_enabled=False)
    expect(page.get_by_role("link", name="A library for everyone")).to_be_visible()
    expect(page.get_by_role("button", name="Next slide")).to_have_count(0)
