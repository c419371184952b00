"""The steps of docs/screenshots.py's walk through the admin, in the order the guide tells it
(`run` there puts them in order): each does in the Indonesian admin what a section of the guide
describes, saves its screens, and leaves the site in the state the next one needs."""

import random
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from guide_browser import (
    JAKARTA,
    VIEWPORT,
    add_block,
    choose_image,
    edit_url_of,
    explore_section,
    footer_menu,
    header_menu,
    page_id,
    save_draft,
    scroll_to,
    settle,
    side_panel,
    type_in_last_paragraph,
)
from PIL import Image, ImageDraw

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
