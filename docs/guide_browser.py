"""The browser side of docs/screenshots.py: a Guide that logs in and saves screenshots, and the
moves through Wagtail's admin its steps (docs/guide_steps.py) are made of: waiting until a view has
settled, scrolling, menus, side panels, choosers, StreamField blocks, finding pages in the explorer."""

from base64 import b32decode
from io import BytesIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django_otp.oath import totp
from PIL import Image

VIEWPORT = {"width": 1280, "height": 800}
QUALITY = 75
JAKARTA = ZoneInfo("Asia/Jakarta")  # the browser's time zone, as the library's staff have it
# Not while the edit view's autosave indicator says "Menyimpan..." (saving).
AUTOSAVE_IDLE = "() => document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue !== 'saving'"


class Guide:
    def __init__(self, browser, base_url, out, png_dir=None):
        self.browser, self.base_url, self.out, self.png_dir = browser, base_url.rstrip("/"), out, png_dir
        self.out.mkdir(parents=True, exist_ok=True)
        self.taken = []

    def session(self, username, password):
        """A logged-in browser tab (own cookies) in Indonesian."""
        # bypass_csp: the site's Content Security Policy would also stop the script's own helpers.
        context = self.browser.new_context(viewport=VIEWPORT, locale="id-ID", timezone_id=JAKARTA.key, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(90_000)
        self.go(page, "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("form button[type=submit]")
        if "/second-step/setup/" in page.url:
            # A moderator's first sign-in: enrolled as a phone's app would, from the key the page shows.
            secret = page.locator("[data-secret]").inner_text().replace(" ", "")
            page.fill("#id_code", f"{totp(b32decode(secret)):06d}")
            page.click("form.login-form button[type=submit]")
            page.click(".recovery-codes ~ p a")
        page.wait_for_url("**/admin/")
        page.wait_for_load_state("networkidle")
        return page

    def go(self, page, path):
        page.goto(self.base_url + path)
        settle(page)

    def shot(self, page, name):
        """Saves what the tab shows as docs/editor-guide/<name>.webp."""
        if name != "explorer-add-child":  # that one shows a button's tooltip
            page.mouse.move(1, 1)
        # An edit view autosaves half a second after the last change: wait for "Tersimpan" (saved).
        page.wait_for_timeout(700)
        page.wait_for_function(AUTOSAVE_IDLE)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        png = page.screenshot()
        image = Image.open(BytesIO(png)).convert("RGB")
        path = self.out / f"{name}.webp"
        image.save(path, "WEBP", quality=QUALITY, method=6)
        if self.png_dir:
            self.png_dir.mkdir(parents=True, exist_ok=True)
            (self.png_dir / f"{name}.png").write_bytes(png)
        self.taken.append(path)
        print(f"{path}  {path.stat().st_size // 1024} KB")


def settle(page, extra=300):
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(extra)


SCROLL_BY = """(element, margin) => {
    // The admin scrolls inside <main> on edit views and the whole window elsewhere.
    let box = element.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) {
        box = box.parentElement;
    }
    (box || document.scrollingElement).scrollBy(0, element.getBoundingClientRect().top - margin);
}"""


def scroll_to(page, selector, margin=70):
    """Scrolls so that `selector` is `margin` pixels below the top of the screen."""
    page.locator(selector).first.evaluate(SCROLL_BY, margin)
    page.wait_for_timeout(300)


def footer_menu(page):
    """Opens the menu next to the main button at the bottom of the edit form."""
    page.click("footer [data-w-dropdown-target=toggle]")
    page.wait_for_timeout(500)


def header_menu(page):
    """Opens the "..." menu next to the page title in the header."""
    page.click("header [data-w-dropdown-target=toggle]")
    page.wait_for_timeout(500)


def save_draft(page):
    """Clicks "Simpan draf" (save draft) and waits for the edit view it leads back to."""
    with page.expect_navigation():
        page.click("footer button.action-save")
    settle(page)


def side_panel(page, name):
    page.click(f"[data-side-panel-toggle='{name}']")
    page.wait_for_timeout(800)


def page_id(page, title):
    """The id of the page called `title` in the explorer listing the tab shows."""
    link = page.locator("main a[href*='/edit/']", has_text=title).first
    return int(link.get_attribute("href").rstrip("/").split("/")[-2])


def explore(guide, page, title):
    """From an explorer listing, opens the listing of the child page called `title`."""
    guide.go(page, f"/admin/pages/{page_id(page, title)}/")


def explore_section(guide, page, title):
    """The explorer's listing of a section of the home page, reached as an editor reaches it."""
    guide.go(page, "/admin/pages/")
    explore(guide, page, "Beranda")
    explore(guide, page, title)


def edit_url_of(page):
    """/admin/pages/<id>/edit/ of the page the tab is on (after a save)."""
    path = urlsplit(page.url).path
    assert "/edit/" in path, f"expected an edit view, got {page.url}"
    return path


def choose_image(page, opener, title):
    """Opens an image chooser, searches for `title` and picks it."""
    page.click(opener)
    page.wait_for_selector(".modal input[name=q]")
    page.fill(".modal input[name=q]", title)
    page.wait_for_timeout(1500)
    page.locator(".modal a[data-chooser-modal-choice]", has_text=title).first.click()
    page.wait_for_selector(".modal", state="detached")
    page.wait_for_timeout(500)


def add_block(page, field_prefix, label):
    """Adds a block of `label` at the end of a StreamField."""
    buttons = page.locator(f"#panel-child-konten-{field_prefix}-content button.c-sf-add-button")
    buttons.last.click()
    page.locator("[role=option]", has_text=label).first.click()
    page.wait_for_timeout(600)


def type_in_last_paragraph(page, text):
    page.locator("#panel-child-konten-body-content .public-DraftEditor-content").last.click()
    page.keyboard.type(text)
