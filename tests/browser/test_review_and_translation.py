"""The editorial journey in the Indonesian admin, as staff make it: an editor writes a news item with
a photo and a category and submits it, a moderator approves it, the editor translates it in the
page editor and submits the translation, the moderator publishes it. After each step the public
site is checked in both languages, as an anonymous visitor on a phone sees it."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.utils import formats, timezone, translation

from news.models import EventPage, NewsIndexPage, NewsPage
from tests.browser.helpers import footer_action, saved, staff_member

TITLE = "Lomba bercerita anak se-Pamekasan"
SLUG = "lomba-bercerita-anak-se-pamekasan"
SUMMARY = "Tiga puluh anak bercerita tentang tokoh Madura di ruang baca anak."
ENGLISH_TITLE = "Pamekasan children's storytelling contest"
ENGLISH_SLUG = "pamekasan-childrens-storytelling-contest"
ENGLISH_SUMMARY = "Thirty children told stories about Madurese heroes in the children's reading room."
NOTICE = "This page has not been translated yet, so it is shown in Indonesian."


@pytest.fixture
def visitor(open_page):
    """An anonymous visitor on a phone: a new browser (no cookies, nothing cached) for every look."""
    return lambda path, status=200, lang="id": open_page(path, status, locale=f"{lang}-ID")


def approve(moderator, site, page_id):
    moderator.goto(f"{site}/admin/pages/{page_id}/edit/")
    moderator.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    moderator.locator("[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    moderator.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))


def choose(page, field, link_text, search=False):
    """Opens the field's chooser and picks `link_text`, searching for it first as an editor would
    in a long list (the image library)."""
    page.locator(f"#{field}-chooser button:visible").first.click()
    modal = page.locator(".modal-dialog")
    if search:
        modal.locator("input[name=q]").fill(link_text)
    modal.get_by_role("link", name=link_text).first.click()
    expect(modal).to_have_count(0)


def assert_category_stays_english(visitor):
    """The English category keeps its name and address ("Kegiatan" is the Indonesian one)."""
    category = visitor("/en/news/?category=activities", lang="en")
    expect(category.locator("main strong", has_text="Activities")).to_be_visible()
    expect(category.locator("main").get_by_role("link", name="Kegiatan")).to_have_count(0)
    feed = category.request.get(category.url.split("/en/")[0] + "/en/news/activities/feed/")
    assert feed.status == 200 and "<rss" in feed.text()


def test_editor_writes_moderator_approves_editor_translates_moderator_publishes(log_in, visitor, site, db_access):
    # 1. The editor writes the item, with a photo and a category, and can only send it to review.
    editor = log_in(staff_member("penulis", "Editors"))
    index = NewsIndexPage.objects.get(locale__language_code="id")
    editor.goto(f"{site}/admin/pages/add/news/newspage/{index.pk}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_summary", SUMMARY)
    # A described photo of the library's (other tests upload undescribed ones, which the form refuses).
    choose(editor, "id_lead_image", "Rak buku (ilustrasi)", search=True)
    choose(editor, "id_category", "Kegiatan")
    # What the form will send: the address made from the title, the photo and category chosen.
    expect(editor.locator("#id_slug")).to_have_value(SLUG)
    expect(editor.locator("#id_lead_image-chooser")).to_contain_text("Rak buku (ilustrasi)")
    expect(editor.locator("#id_category-chooser")).to_contain_text("Kegiatan")
    expect(editor.locator("footer button[name=action-publish]")).to_have_count(0)
    footer_action(editor, "action-submit")
    saved(editor, f"**/admin/pages/{index.pk}/")
    news = NewsPage.objects.get(slug=SLUG, locale__language_code="id")
    assert not news.live
    visitor(f"/id/berita/{SLUG}/", status=404)
    visitor(f"/en/news/{SLUG}/", status=404, lang="en")

    # 2. The moderator approves it: live in Indonesian, and in English as the Indonesian page with
    # a notice; the language switch leads there. The English category is untouched.
    moderator = log_in(staff_member("penyunting", "Moderators"))
    expect(moderator.locator("#awaiting-review-content").get_by_text(TITLE)).to_be_visible()
    approve(moderator, site, news.pk)
    page = visitor(f"/id/berita/{SLUG}/")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    page.get_by_role("link", name=re.compile("English")).first.click()
    assert page.url == f"{site}/en/news/{SLUG}/"
    expect(page.get_by_text(NOTICE)).to_be_visible()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    assert_category_stays_english(visitor)

    # 3. The editor translates it: "Translate this page" opens the English copy in the page editor.
    editor.goto(f"{site}/admin/pages/{news.pk}/edit/")
    editor.locator("header [data-w-dropdown-target=toggle]").last.click()
    editor.get_by_role("link", name="Terjemahkan halaman ini").click()
    expect(editor.get_by_role("checkbox", name="English")).to_be_checked()
    editor.get_by_role("button", name="Kirim").click()
    editor.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    english_id = int(re.search(r"/pages/(\d+)/edit/", editor.url)[1])
    assert english_id != news.pk
    expect(editor.locator("#id_title")).to_have_value(TITLE)
    page = visitor(f"/en/news/{SLUG}/", lang="en")
    expect(page.get_by_text(NOTICE)).to_be_visible()
    assert_category_stays_english(visitor)

    # 4. ...writes it in English (the address follows the title) and submits it for review.
    editor.fill("#id_title", ENGLISH_TITLE)
    editor.fill("#id_summary", ENGLISH_SUMMARY)
    footer_action(editor, "action-submit")
    saved(editor, "**/admin/pages/*/")
    expect(visitor(f"/en/news/{SLUG}/", lang="en").get_by_text(NOTICE)).to_be_visible()

    # 5. The moderator publishes it: English at an English address, Indonesian unchanged.
    approve(moderator, site, english_id)
    page = visitor(f"/en/news/{ENGLISH_SLUG}/", lang="en")
    expect(page.get_by_role("heading", name=ENGLISH_TITLE)).to_be_visible()
    expect(page.get_by_text(ENGLISH_SUMMARY).first).to_be_visible()
    expect(page.get_by_text(NOTICE)).to_have_count(0)
    expect(page.get_by_role("link", name="Activities").first).to_be_visible()
    page = visitor(f"/id/berita/{SLUG}/")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    page.get_by_role("link", name=re.compile("English")).first.click()
    assert page.url == f"{site}/en/news/{ENGLISH_SLUG}/"
    expect(visitor("/en/news/", lang="en").get_by_role("link", name=ENGLISH_TITLE)).to_be_visible()
    assert_category_stays_english(visitor)


def english_day(moment):
    with translation.override("en"):
        return formats.date_format(timezone.localtime(moment), "j F Y")


def test_an_event_moved_in_indonesian_shows_its_new_day_in_english(log_in, visitor, site, db_access):
    """The moderator moves an event a week later in the Indonesian admin and publishes it. The
    English page, translated long before, shows the new day to the next visitor, its text as the
    translator left it, and its history says what was copied."""
    events = EventPage.objects.filter(live=True, end__isnull=False).order_by("pk")
    english = events.filter(locale__language_code="en", alias_of__isnull=True).first()
    event = events.get(locale__language_code="id", translation_key=english.translation_key)
    english_url = english.get_url()
    moved_start, moved_end = event.start + timedelta(days=7), event.end + timedelta(days=7)
    page = visitor(english_url, lang="en")
    expect(page.locator("main")).to_contain_text(english_day(event.start))

    moderator = log_in(staff_member("penyunting", "Moderators"))
    moderator.goto(f"{site}/admin/pages/{event.pk}/edit/")
    for field, moment in (("#id_start", moved_start), ("#id_end", moved_end)):
        moderator.fill(field, timezone.localtime(moment).strftime("%Y-%m-%d %H:%M"))
        moderator.press(field, "Tab")
        moderator.keyboard.press("Escape")  # the picker's calendar, opened by the field
    footer_action(moderator, "action-publish")
    saved(moderator, re.compile(r".*/admin/pages/\d+/$"))

    page = visitor(english_url, lang="en")
    expect(page.locator("main")).to_contain_text(english_day(moved_start))
    expect(page.locator("main")).not_to_contain_text(english_day(event.start))
    expect(page.get_by_role("heading", name=english.title)).to_be_visible()
    moderator.goto(f"{site}/admin/pages/{english.pk}/history/")
    expect(moderator.get_by_text("Disalin dari versi Bahasa Indonesia: mulai, selesai")).to_be_visible()
