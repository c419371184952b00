"""An editor writes a news item in the Wagtail admin: preview, publish, schedule another, and send one
while the admin is still autosaving it."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from news.models import EventPage, NewsIndexPage, NewsPage
from tests.browser.helpers import footer_action, saved, staff_member

PASSWORD = "kata-sandi-editor-2026"


@pytest.fixture
def editor_page(browser, site, db_access):
    if not get_user_model().objects.filter(username="editor").exists():
        get_user_model().objects.create_superuser("editor", "editor@perpustakaan.example", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def open_new_news_form(page, site):
    index = NewsIndexPage.objects.get(locale__language_code="id")
    page.goto(f"{site}/admin/pages/add/news/newspage/{index.pk}/")


def publish(page):
    page.get_by_role("button", name=re.compile("More actions|Tindakan lain")).click()
    page.locator("button[name=action-publish]").click()


def test_editor_previews_and_publishes_a_news_item(editor_page, site):
    page = editor_page
    open_new_news_form(page, site)
    page.fill("#id_title", "Bunda Baca berkunjung ke perpustakaan")
    page.fill("#id_summary", "Bunda Baca 2014 membacakan cerita untuk anak-anak.")

    page.click("[data-side-panel-toggle=preview]")
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name="Bunda Baca berkunjung ke perpustakaan")).to_be_visible()

    publish(page)
    page.wait_for_url("**/admin/pages/*/")
    news = NewsPage.objects.get(title="Bunda Baca berkunjung ke perpustakaan", locale__language_code="id")
    assert news.live

    page.goto(f"{site}{news.url}")
    expect(page.get_by_role("heading", name="Bunda Baca berkunjung ke perpustakaan")).to_be_visible()
    page.goto(f"{site}/id/berita/")
    expect(page.get_by_role("link", name="Bunda Baca berkunjung ke perpustakaan")).to_be_visible()


def test_editor_schedules_a_news_item_for_later(editor_page, site):
    page = editor_page
    open_new_news_form(page, site)
    page.fill("#id_title", "Pengumuman libur akhir tahun")
    page.fill("#id_summary", "Perpustakaan tutup pada hari libur nasional.")

    page.click("[data-side-panel-toggle=status]")
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").click()
    page.fill("#id_go_live_at", "2030-12-24 08:00")
    # The date picker stays open over the dialog's buttons, so save with the keyboard.
    page.locator("#schedule-publishing-dialog button.action-save").press("Enter")  # a draft with the date
    page.wait_for_url("**/admin/pages/*/edit/")
    publish(page)
    page.wait_for_url("**/admin/pages/*/")

    news = NewsPage.objects.get(title="Pengumuman libur akhir tahun", locale__language_code="id")
    assert not news.live
    assert news.scheduled_revision is not None
    assert news.scheduled_revision.approved_go_live_at.year == 2030
    response = page.goto(f"{site}/id/berita/")
    assert response.status == 200
    expect(page.get_by_role("link", name="Pengumuman libur akhir tahun")).to_have_count(0)


@pytest.mark.parametrize("connection", ["holds", "drops"])
def test_an_item_sent_while_it_autosaves_is_made_once_and_sent_for_review(log_in, site, db_access, connection):
    """Wagtail autosaves a new page as the editor writes it. The editor's click on *Kirim untuk
    ditinjau* while an autosave is on its way waits for it, then submits the page the autosave made:
    one page, in review, and no error (the two used to race, and the later failed on its slug). When
    the connection drops the autosave, the click still goes, to the form that makes the page."""
    editor = log_in(staff_member(f"penulis-{connection}", "Editors"))
    index = NewsIndexPage.objects.get(locale__language_code="id")
    add_url = f"{site}/admin/pages/add/news/newspage/{index.pk}/"
    autosaves, sent, failures = [], [], []

    def hold_autosaves(route):
        if route.request.method == "POST" and "application/json" in route.request.headers.get("accept", ""):
            autosaves.append(route)  # answered below, once the editor has clicked
        else:
            route.continue_()

    editor.route(add_url, hold_autosaves)
    editor.on(
        "request",
        lambda request: request.is_navigation_request() and request.method == "POST" and sent.append(request.url),
    )
    editor.on("response", lambda response: response.status >= 500 and failures.append(response.url))
    editor.goto(add_url)
    editor.wait_for_timeout(2500)  # the admin watches the form for edits from two seconds after it opens
    title = f"Pelatihan menulis cerita untuk remaja ({connection})"
    editor.fill("#id_title", title)
    editor.fill("#id_summary", "Dua puluh remaja belajar menulis cerita pendek di ruang baca.")
    editor.locator("#id_summary").blur()
    for _ in range(50):  # the autosave leaves half a second after the last change
        if autosaves:
            break
        editor.wait_for_timeout(100)
    assert autosaves, "no autosave left for the server"

    footer_action(editor, "action-submit")
    editor.wait_for_timeout(500)
    assert sent == [], "the form went out while its autosave was on its way"
    if connection == "holds":
        autosaves.pop().continue_()
    else:
        autosaves.pop().abort("internetdisconnected")
    saved(editor, f"**/admin/pages/{index.pk}/")

    news = NewsPage.objects.get(title=title, locale__language_code="id")
    assert sent == [f"{site}/admin/pages/{news.pk}/edit/" if connection == "holds" else add_url]
    assert not news.live and news.workflow_in_progress
    expect(editor.locator(".messages")).to_contain_text(title)
    assert failures == []


def test_an_impossible_date_typed_stays_as_typed_and_is_refused(editor_page, site):
    """Wagtail's picker turned 30 February into 2 March as the field lost focus, with no word."""
    page = editor_page
    event = EventPage.objects.filter(locale__language_code="id").order_by("pk").first()
    starts = event.start
    page.goto(f"{site}/admin/pages/{event.pk}/edit/")
    page.fill("#id_start", "2026-02-30 09:00")
    page.press("#id_start", "Tab")
    page.keyboard.press("Escape")  # the picker's calendar, opened by the field
    assert page.input_value("#id_start") == "2026-02-30 09:00"

    page.locator("button[name=action-publish], button.action-save").first.click()
    expect(page.get_by_text("Masukkan tanggal/waktu yang valid.")).to_be_visible()
    assert page.input_value("#id_start") == "2026-02-30 09:00"  # what was typed, to correct
    event.refresh_from_db()
    assert event.start == starts and event.get_latest_revision_as_object().start == starts


def test_a_publishing_date_typed_in_the_schedule_dialog_stays_as_typed(editor_page, site):
    """The schedule dialog builds its own pickers: a date there was "corrected" too, and a page
    could go live on another day than the one typed."""
    page = editor_page
    news = NewsPage.objects.filter(locale__language_code="id").order_by("pk").first()
    page.goto(f"{site}/admin/pages/{news.pk}/edit/")
    page.locator("[data-side-panel-toggle=status]").click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    field = page.locator("#schedule-publishing-dialog #id_go_live_at")
    field.fill("2027-02-30 08:00")
    # By keyboard (the fields' calendars open over the dialog's button; Escape would close the
    # dialog, which empties it): on to the end date, then to the button.
    field.press("Tab")
    assert field.input_value() == "2027-02-30 08:00"
    page.keyboard.press("Tab")
    save = page.get_by_role("button", name="Simpan jadwal")
    expect(save).to_be_focused()
    page.keyboard.press("Enter")
    # The editor is told, and the dialog shows what was typed with what is wrong with it.
    expect(page.get_by_text("Halaman tidak dapat disimpan karena ada kesalahan validasi")).to_be_visible()
    expect(page.get_by_text("Jadwal tidak valid")).to_be_visible()
    page.get_by_role("button", name="Ubah jadwal").click()
    expect(field).to_have_value("2027-02-30 08:00")
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog.get_by_text("Masukkan tanggal/waktu yang valid.")).to_be_visible()
    news.refresh_from_db()
    assert news.go_live_at is None and news.get_latest_revision_as_object().go_live_at is None
