"""Screenshots for the editor's guide (docs/editor-guide.id.md and .en.md), from a running demo site.

It logs in as the demo editor and moderator, does in the Indonesian admin what the guide
describes and saves each screen at 1280x800 as WebP in docs/editor-guide/ (stable names, about
1.1 MB in all). On the way it changes the site as a member of staff would: it uploads three
photos, writes a news item, has it reviewed, sent back and approved, translates it, builds an
album and makes a preview link. So never point it at a real site. The simplest is to let it build
a throwaway demo site of its own, serve it, use it and stop it (two or three minutes of setup):

    .venv/bin/python docs/screenshots.py --demo-site /tmp/guide-site

Or against a fresh demo site you run yourself (`make run` in a copy), with the passwords of the
demo accounts from EDITOR_PASSWORD and MODERATOR_PASSWORD or from the JSON file that
`manage.py ensure_accounts --demo` writes (.passwords):

    .venv/bin/python docs/screenshots.py --base-url http://127.0.0.1:8000 --passwords .passwords

A site that already holds the news item is refused. Chromium is Debian's /usr/bin/chromium.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
PROJECT = DOCS.parent
PASSWORD_FILE = PROJECT / ".passwords"
VIEWPORT = {"width": 1280, "height": 800}
QUALITY = 75
JAKARTA = ZoneInfo("Asia/Jakarta")  # the browser's time zone, as the library's staff have it
# Not while the edit view's autosave indicator says "Menyimpan..." (saving).
AUTOSAVE_IDLE = "() => document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue !== 'saving'"

NEWS_TITLE = "Pojok baca anak kini buka setiap Sabtu"
ALBUM_TITLE = "Pojok baca anak di lantai satu"
PHOTOS = [
    ("Pojok baca anak 1", "Anak-anak duduk di karpet dan membaca di depan rak buku berwarna-warni"),
    ("Pojok baca anak 2", "Seorang relawan mendongeng untuk lima anak yang duduk melingkar"),
    ("Pojok baca anak 3", "Rak buku cerita anak yang rendah, mudah dijangkau anak kecil"),
]
CAPTIONS = ["Sabtu pagi di pojok baca anak.", "Dongeng bersama relawan Bunda Baca.", ""]
# Pages of the demo site the guide shows as they are: a programme and a collection item.
PROGRAMME = "PerpuSeru: perpustakaan sebagai pusat belajar masyarakat"
COLLECTION_ITEM = "Motif batik kawung"


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


def draw_photo(path, variant):
    """A made-up photo of the children's reading corner: shelves, books, a rug, children."""
    rng = random.Random(variant)
    width, height = 1600, 1067
    image = Image.new("RGB", (width, height), (244, 236, 222))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 720, width, height), fill=(196, 160, 112))
    palette = [(155, 34, 38), (40, 54, 120), (200, 150, 40), (46, 110, 90), (120, 60, 110), (220, 110, 60)]
    shelves = 2 if variant == 2 else 3
    for shelf in range(shelves):
        left = 120 + shelf * 470
        draw.rectangle((left, 180, left + 420, 700), fill=(120, 82, 50))
        for row in range(4):
            top = 200 + row * 125
            x = left + 15
            while x < left + 390:
                book = rng.randint(18, 40)
                draw.rectangle((x, top + rng.randint(0, 25), x + book, top + 105), fill=rng.choice(palette))
                x += book + 4
    draw.ellipse((260, 760, 1340, 1040), fill=(155, 34, 38))
    children = {0: 5, 1: 6, 2: 2}[variant]
    for child in range(children):
        cx = 380 + child * (860 // max(children - 1, 1)) if children > 1 else 800
        colour = palette[(child + variant) % len(palette)]
        draw.rounded_rectangle((cx - 50, 800, cx + 50, 950), radius=30, fill=colour)
        draw.ellipse((cx - 38, 715, cx + 38, 791), fill=(112, 76, 50))
        draw.rectangle((cx - 40, 840, cx + 40, 880), fill=(250, 250, 245))
    if variant == 1:  # the storyteller, standing
        draw.rounded_rectangle((1380, 560, 1500, 940), radius=40, fill=(40, 54, 120))
        draw.ellipse((1395, 450, 1485, 540), fill=(112, 76, 50))
    image.save(path, "JPEG", quality=85)


# The walk through the admin, in the order the guide tells it. Each step leaves the site in the
# state the next one needs.


def upload_photos(guide, editor, folder):
    """Images > Add: three photos at once, each with a description (alt text)."""
    files = []
    for number in range(len(PHOTOS)):
        path = folder / f"pojok-baca-anak-{number + 1}.jpg"
        draw_photo(path, number)
        files.append(str(path))
    guide.go(editor, "/admin/images/multiple/add/")
    editor.set_input_files("#fileupload", files)
    editor.locator("#upload-list li form").nth(len(PHOTOS) - 1).wait_for()
    settle(editor)
    items = editor.locator("#upload-list li")
    for number, (title, alt) in enumerate(PHOTOS):
        form = items.filter(has_text=f"pojok-baca-anak-{number + 1}.jpg").locator("form")
        form.locator("input[name$='-title']").fill(title)
        form.locator("input[name$='-description'], textarea[name$='-description']").fill(alt)
        form.locator("input[name$='-decorative']").uncheck()
    scroll_to(editor, "#upload-list li", margin=120)
    guide.shot(editor, "images-upload")
    for number in range(len(PHOTOS)):
        form = items.filter(has_text=f"pojok-baca-anak-{number + 1}.jpg").locator("form")
        with editor.expect_response(lambda response: response.request.method == "POST"):
            form.locator("button[type=submit]").click()
    settle(editor)


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


def write_news(guide, editor):
    """Pages > Beranda > Berita > add a child page, fill it in, save a draft. Returns its edit URL."""
    explore_section(guide, editor, "Berita")
    editor.hover("header a[href$='/add_subpage/']")
    editor.wait_for_timeout(600)
    guide.shot(editor, "explorer-add-child")
    editor.click("header a[href$='/add_subpage/']")
    settle(editor)

    editor.fill("#id_title", NEWS_TITLE)
    editor.fill("#id_author", "Tim Humas")
    choose_image(editor, "#id_lead_image-chooser .unchosen button", PHOTOS[0][0])
    editor.fill("#id_lead_image_alt", PHOTOS[0][1])
    editor.fill("#id_lead_image_caption", "Pojok baca anak di lantai satu, Sabtu pagi.")
    editor.fill(
        "#id_summary",
        "Mulai bulan ini pojok baca anak di lantai satu buka setiap Sabtu pukul 08.00-12.00, "
        "dengan dongeng bersama relawan pukul 09.00.",
    )
    add_block(editor, "body", "Paragraf")
    type_in_last_paragraph(
        editor,
        "Perpustakaan Umum Kabupaten Pamekasan kini membuka pojok baca anak setiap hari Sabtu. "
        "Anak-anak boleh datang bersama orang tua atau guru, tanpa perlu mendaftar.",
    )
    # A sub-heading straight after the title skips a level: the Checks panel will say so.
    add_block(editor, "body", "Judul")
    heading = editor.locator("#panel-child-konten-body-content [data-contentpath='text'] input").last
    heading.fill("Jadwal dongeng")
    editor.locator("#panel-child-konten-body-content select").last.select_option("h3")
    add_block(editor, "body", "Paragraf")
    type_in_last_paragraph(editor, "Relawan Bunda Baca mendongeng setiap Sabtu pukul 09.00 di atas karpet merah.")

    editor.click("#id_category-chooser .unchosen button")
    editor.wait_for_selector(".modal a[data-chooser-modal-choice]")
    editor.locator(".modal a[data-chooser-modal-choice]", has_text="Kegiatan").first.click()
    editor.wait_for_selector(".modal", state="detached")
    tags = editor.locator("[data-contentpath='tags'] input.ui-autocomplete-input")
    for tag in ("anak", "pojok baca"):
        tags.fill(tag)
        tags.press("Enter")

    scroll_to(editor, "#panel-child-konten-title-section", margin=140)
    guide.shot(editor, "news-form")
    scroll_to(editor, "#panel-child-konten-body-section")
    guide.shot(editor, "news-form-body")

    save_draft(editor)
    return edit_url_of(editor)


def preview_and_checks(guide, editor, edit_url):
    guide.go(editor, edit_url)
    side_panel(editor, "preview")
    editor.wait_for_timeout(3000)
    guide.shot(editor, "news-preview-phone")
    editor.click("[data-side-panel='preview'] label:has(input[value='desktop'])")
    editor.wait_for_timeout(2500)
    guide.shot(editor, "news-preview-desktop")
    side_panel(editor, "checks")
    editor.wait_for_timeout(4000)
    guide.shot(editor, "news-checks")
    side_panel(editor, "checks")  # closed again: the admin remembers open panels


def fix_heading(guide, editor, edit_url):
    """Follows the Checks panel's advice: the sub-heading becomes a section heading."""
    guide.go(editor, edit_url)
    editor.locator("#panel-child-konten-body-content select").last.select_option("h2")
    save_draft(editor)


def schedule(guide, editor, edit_url):
    """The status panel's schedule dialog, filled in for the screenshot, then left unsaved."""
    guide.go(editor, edit_url)
    side_panel(editor, "status")
    editor.click("[data-side-panel='status'] button[data-a11y-dialog-show='schedule-publishing-dialog']")
    editor.wait_for_selector("#schedule-publishing-dialog #id_go_live_at", state="visible")
    tomorrow = datetime.now(JAKARTA).date() + timedelta(days=1)
    editor.fill("#id_go_live_at", f"{tomorrow:%Y-%m-%d} 08:00")
    editor.wait_for_timeout(800)
    # A click on the dialog's heading closes the calendar that hides the dialog's button.
    editor.click("#schedule-publishing-dialog h2")
    editor.wait_for_timeout(800)
    guide.shot(editor, "news-schedule")
    editor.fill("#id_go_live_at", "")
    editor.keyboard.press("Escape")


def submit_for_review(guide, editor, edit_url, shot=True):
    guide.go(editor, edit_url)
    footer_menu(editor)
    if shot:
        guide.shot(editor, "news-submit")
    with editor.expect_navigation():
        editor.click("footer button[name=action-submit]")
    settle(editor)


def moderator_requests_changes(guide, moderator, edit_url):
    guide.go(moderator, "/admin/")
    guide.shot(moderator, "dashboard-moderator")
    guide.go(moderator, edit_url)
    footer_menu(moderator)
    guide.shot(moderator, "review-actions")
    moderator.click("footer button[data-workflow-action-name=reject]")
    moderator.wait_for_selector(".modal textarea")
    moderator.fill(
        ".modal textarea", "Tolong sebutkan di ringkasan bahwa pojok baca ada di lantai satu dan gratis. Terima kasih!"
    )
    moderator.wait_for_timeout(500)
    guide.shot(moderator, "review-request-changes")
    with moderator.expect_navigation():
        moderator.locator(".modal button[type=submit]").first.click()
    settle(moderator)


def editor_revises(guide, editor, edit_url):
    guide.go(editor, edit_url)
    side_panel(editor, "status")
    guide.shot(editor, "review-changes-requested")
    side_panel(editor, "status")
    editor.fill(
        "#id_summary",
        "Mulai bulan ini pojok baca anak di lantai satu buka setiap Sabtu pukul 08.00-12.00, gratis, "
        "dengan dongeng bersama relawan pukul 09.00.",
    )
    save_draft(editor)
    submit_for_review(guide, editor, edit_url, shot=False)


def moderator_approves(guide, moderator, edit_url, shot=None):
    guide.go(moderator, edit_url)
    footer_menu(moderator)
    if shot:
        guide.shot(moderator, shot)
    with moderator.expect_navigation():
        # "Setujui dan terbitkan": approve, without the comment dialog of "Setujui dengan komentar…".
        moderator.click("footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    settle(moderator)


def history(guide, editor, edit_url):
    """History, the menu of an earlier version, and that version opened to bring it back."""
    guide.go(editor, edit_url.replace("/edit/", "/history/"))
    menus = editor.locator("table [data-w-dropdown-target=toggle]")
    menus.nth(2).click()
    editor.wait_for_timeout(500)
    guide.shot(editor, "page-history")
    editor.locator("table a[href$='/revert/']:visible").first.click()  # "Tinjau versi ini"
    settle(editor, 800)
    guide.shot(editor, "page-revision")


def translate(guide, editor, edit_url):
    """ "Translate this page": the English copy opens in the page editor, where the editor writes it
    in English and submits it for review. Returns the English edit URL."""
    guide.go(editor, edit_url)
    header_menu(editor)
    guide.shot(editor, "page-menu")
    editor.click("header a[href*='/localize/submit/page/']")  # "Terjemahkan halaman ini"
    settle(editor)
    guide.shot(editor, "translate-choose-language")
    editor.click("main form [type=submit]")
    editor.wait_for_url("**/edit/")
    settle(editor, 1500)
    english_url = edit_url_of(editor)
    editor.fill("#id_title", "Children’s reading corner now open every Saturday")
    editor.fill("#id_author", "Library communications team")
    editor.fill("#id_lead_image_alt", "Children sitting on a rug, reading in front of colourful bookshelves")
    editor.fill("#id_lead_image_caption", "The children’s reading corner on the ground floor on a Saturday morning.")
    editor.fill(
        "#id_summary",
        "From this month the children’s reading corner on the ground floor opens every Saturday, 8 am to "
        "noon, free of charge, with stories told by volunteers at 9 am.",
    )
    paragraphs = editor.locator("#panel-child-konten-body-content .public-DraftEditor-content")
    for paragraph, text in zip(
        paragraphs.all(),
        (
            "The Pamekasan Regency Public Library now opens a children’s reading corner every Saturday. "
            "Children may come with their parents or teachers, without registering.",
            "Bunda Baca volunteers tell stories every Saturday at 9 am on the red carpet.",
        ),
        strict=False,
    ):
        paragraph.click()
        editor.keyboard.press("Control+A")
        editor.keyboard.type(text)
    heading = editor.locator("#panel-child-konten-body-content [data-contentpath='text'] input").last
    heading.fill("Storytelling times")
    scroll_to(editor, "#panel-child-konten-title-section", margin=140)
    guide.shot(editor, "translation-editor")
    save_draft(editor)
    submit_for_review(guide, editor, english_url, shot=False)
    return english_url


def moderator_changes_indonesian(guide, moderator, edit_url):
    """A later change to the Indonesian page, published: the English one is now out of date."""
    guide.go(moderator, edit_url)
    moderator.fill("#id_lead_image_caption", "Pojok baca anak di lantai satu, Sabtu pagi. Foto: Tim Humas.")
    moderator.wait_for_timeout(1500)
    footer_menu(moderator)
    with moderator.expect_navigation():
        moderator.click("footer button[name=action-publish]")
    settle(moderator)


def translation_status(guide, editor):
    guide.go(editor, "/admin/reports/translation-status/?state=out_of_date")
    editor.click("#filters-drilldown [data-w-dropdown-target=toggle]")
    editor.wait_for_timeout(800)
    editor.click("#filters-drilldown button[aria-controls='drilldown-id_state']")
    editor.wait_for_timeout(800)
    guide.shot(editor, "translation-status")
    guide.go(editor, "/admin/")
    scroll_to(editor, "#untranslated-pages-section, #untranslated-pages", margin=20)
    guide.shot(editor, "dashboard-translations")


def album(guide, editor):
    """Gallery > add an album, photos chosen several at once. Returns its edit URL."""
    explore_section(guide, editor, "Galeri")
    editor.click("header a[href$='/add_subpage/']")
    settle(editor)
    editor.fill("#id_title", ALBUM_TITLE)
    editor.fill("#id_place", "Lantai 1, Perpustakaan Umum Kabupaten Pamekasan")
    editor.fill("#id_description", "Suasana pojok baca anak pada Sabtu pertama: membaca bersama dan dongeng relawan.")
    editor.click("#id_photos-OPEN_MODAL")  # "Tambah foto"
    editor.wait_for_selector(".modal input[name=q]")
    editor.fill(".modal input[name=q]", "Pojok baca")
    editor.wait_for_timeout(2000)
    for title, _alt in PHOTOS:
        editor.locator(".modal label", has_text=title).first.click()
    guide.shot(editor, "album-choose-photos")
    editor.click(".modal [data-multiple-choice-submit]")  # "Konfirmasi pilihan"
    editor.wait_for_selector(".modal", state="detached")
    editor.wait_for_timeout(1000)
    captions = dict(zip([title for title, _alt in PHOTOS], CAPTIONS, strict=True))
    # Each chosen photo gets a form; its description and caption are the album's, per photo.
    for index in range(editor.locator("input[name^='photos-'][name$='-alt_text']").count()):
        title = editor.locator(f"#id_photos-{index}-image-title").inner_text().strip()
        editor.fill(f"#id_photos-{index}-alt_text", dict(PHOTOS)[title])
        editor.fill(f"#id_photos-{index}-caption", captions[title])
    scroll_to(editor, "#id_photos-0-image-chooser", margin=190)
    guide.shot(editor, "album-photos")
    save_draft(editor)
    return edit_url_of(editor)


def preview_link(guide, editor, edit_url):
    guide.go(editor, edit_url)
    header_menu(editor)
    editor.click("header a[href*='/preview-links/page/']")  # "Bagikan tautan pratinjau"
    settle(editor)
    editor.check("input[name=days][value='30']")
    with editor.expect_navigation():
        editor.locator("main form:has(input[name=days]) button[type=submit]").click()  # "Buat tautan"
    settle(editor)
    guide.shot(editor, "preview-links")
    address = editor.locator("main input[readonly]").first.input_value()
    # The link carries the site's own address; the reviewer's view is read from this server.
    visitor = guide.browser.new_context(viewport=VIEWPORT, locale="en-GB")
    public = visitor.new_page()
    public.goto(guide.base_url + urlsplit(address).path)
    settle(public)
    guide.shot(public, "preview-link-public")
    visitor.close()


def programme(guide, editor):
    explore_section(guide, editor, "Program")
    guide.go(editor, f"/admin/pages/{page_id(editor, PROGRAMME)}/edit/")
    scroll_to(editor, "#panel-child-konten-figures-section")
    guide.shot(editor, "programme-figures")


def collection_item(guide, editor):
    explore_section(guide, editor, "Koleksi Madura")
    guide.go(editor, f"/admin/pages/{page_id(editor, COLLECTION_ITEM)}/edit/")
    scroll_to(editor, "#panel-child-deskripsi-tentang-section")
    guide.shot(editor, "collection-item")
    editor.click("[role=tab][href='#tab-media']")
    editor.wait_for_timeout(800)
    guide.shot(editor, "collection-item-media")


def run(guide, editor_pw, moderator_pw, editor_name, moderator_name):
    editor = guide.session(editor_name, editor_pw)
    guide.go(editor, "/admin/pages/search/?q=" + NEWS_TITLE.replace(" ", "+"))
    if editor.locator("main a", has_text=NEWS_TITLE).count():
        sys.exit(f"“{NEWS_TITLE}” exists already: run this on a fresh demo site (see the module's docstring).")
    with tempfile.TemporaryDirectory() as folder:
        upload_photos(guide, editor, Path(folder))
    news = write_news(guide, editor)
    preview_and_checks(guide, editor, news)
    fix_heading(guide, editor, news)
    submit_for_review(guide, editor, news)
    guide.go(editor, "/admin/")
    guide.shot(editor, "dashboard-editor")
    moderator = guide.session(moderator_name, moderator_pw)
    moderator_requests_changes(guide, moderator, news)
    editor_revises(guide, editor, news)
    moderator_approves(guide, moderator, news)
    history(guide, editor, news)
    gallery = album(guide, editor)
    preview_link(guide, editor, gallery)
    english = translate(guide, editor, news)
    # The English version is approved like any page.
    moderator_approves(guide, moderator, english, shot="translation-publish")
    moderator_changes_indonesian(guide, moderator, news)
    translation_status(guide, editor)
    programme(guide, editor)
    collection_item(guide, editor)
    # Last, as the dialog's date is saved with the draft at once: the schedule of the news item.
    schedule(guide, editor, news)


def password(env, saved, username):
    value = os.environ.get(env) or saved.get(username)
    if not value:
        sys.exit(f"No password for {username}: set {env} or give --passwords (the .passwords file).")
    return value


@contextmanager
def demo_site(folder, port):
    """Builds a throwaway demo site in `folder` (database, media, server log) and serves it on
    `port` until the block ends. Yields its address and the demo accounts' passwords."""
    if (folder / "db.sqlite3").exists():
        sys.exit(f"{folder} holds a site already: remove the folder or choose another one.")
    folder.mkdir(parents=True, exist_ok=True)
    base_url = f"http://127.0.0.1:{port}"
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{folder.resolve() / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder.resolve() / "media"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "WAGTAILADMIN_BASE_URL": base_url,
    }
    manage = [sys.executable, str(PROJECT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo_content", "--if-empty"]):
        print("manage.py", *command)
        subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
    # ensure_accounts keeps the passwords it makes in the project's .passwords: leave that file
    # as it was (it belongs to the developer's own site) and read them from the output instead.
    kept = (PASSWORD_FILE.read_bytes(), PASSWORD_FILE.stat()) if PASSWORD_FILE.exists() else None
    try:
        output = subprocess.run(
            manage + ["ensure_accounts", "--demo"], env=env, check=True, capture_output=True, text=True
        ).stdout
    finally:
        if kept is None:
            PASSWORD_FILE.unlink(missing_ok=True)
        elif PASSWORD_FILE.read_bytes() != kept[0]:
            PASSWORD_FILE.write_bytes(kept[0])
            os.utime(PASSWORD_FILE, ns=(kept[1].st_atime_ns, kept[1].st_mtime_ns))
    passwords = dict(re.findall(r"user (\S+)\s+password (\S+)", output))
    with (folder / "server.log").open("w") as log:
        server = subprocess.Popen(
            manage + ["runserver", f"127.0.0.1:{port}", "--noreload"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_for(base_url + "/admin/login/", server)
            yield base_url, passwords
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_for(url, server, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("The demo site's server stopped; see server.log in its folder.")
        try:
            with urlopen(url, timeout=10):
                return
        except OSError:
            time.sleep(2)
    sys.exit(f"{url} did not answer within {seconds} s.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default=os.environ.get("GUIDE_BASE_URL", "http://127.0.0.1:8000"))
    parser.add_argument(
        "--demo-site",
        type=Path,
        metavar="FOLDER",
        help="build a fresh demo site in FOLDER, serve it on --port and use it (instead of --base-url)",
    )
    parser.add_argument("--port", type=int, default=8010, help="port of the --demo-site server")
    parser.add_argument("--editor", default="editor", help="user name of a member of Editors")
    parser.add_argument("--moderator", default="moderator", help="user name of a member of Moderators")
    parser.add_argument("--passwords", type=Path, default=PASSWORD_FILE, help="JSON file of passwords")
    parser.add_argument("--out", type=Path, default=DOCS / "editor-guide")
    parser.add_argument("--png", type=Path, help="also keep PNG copies here, to look at them")
    args = parser.parse_args()
    with ExitStack() as stack:
        if args.demo_site:
            base_url, saved = stack.enter_context(demo_site(args.demo_site, args.port))
        else:
            base_url = args.base_url
            saved = json.loads(args.passwords.read_text()) if args.passwords.exists() else {}
        editor_pw = password("EDITOR_PASSWORD", saved, args.editor)
        moderator_pw = password("MODERATOR_PASSWORD", saved, args.moderator)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            guide = Guide(browser, base_url, args.out, args.png)
            try:
                run(guide, editor_pw, moderator_pw, args.editor, args.moderator)
            finally:
                browser.close()
    total = sum(path.stat().st_size for path in guide.taken)
    print(f"{len(guide.taken)} screenshots, {total // 1024} KB in all")


if __name__ == "__main__":
    main()
