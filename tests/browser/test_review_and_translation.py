"""The whole editorial path in the admin: an editor writes a news item in Indonesian and submits it,
a moderator approves it and translates it field by field, and both languages are on the site."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale

from news.models import NewsIndexPage, NewsPage

PASSWORD = "kata-sandi-redaksi-2026"
TITLE = "Lomba bercerita anak se-Pamekasan"
SUMMARY = "Tiga puluh anak bercerita tentang tokoh Madura di ruang baca anak."
ENGLISH = {
    TITLE: "Pamekasan children's storytelling contest",
    SUMMARY: "Thirty children told stories about Madurese heroes in the children's reading room.",
}
SLUG = ("lomba-bercerita-anak-se-pamekasan", "childrens-storytelling-contest")


@pytest.fixture
def log_in(browser, site, db_access):
    contexts = []

    def log_in(username, group):
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            user = User.objects.create_user(username, f"{username}@perpustakaan.example", PASSWORD)
            user.groups.add(Group.objects.get(name=group))
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{site}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        return page

    yield log_in
    for context in contexts:
        context.close()


def more_actions(page):
    page.locator("footer").get_by_role("button", name=re.compile("More actions|Tindakan lain")).click()


def translate_segment(page, source, english):
    segment = page.locator("li.incomplete", has=page.locator("p", has_text=re.compile(f"^{source}$")))
    segment.get_by_role("button").click()
    segment.locator("textarea").fill(english)
    segment.get_by_role("button").last.click()  # save
    expect(page.get_by_text(english, exact=True)).to_be_visible()


def test_editor_submits_moderator_publishes_and_translates(log_in, site):
    # The editor writes the item and can only send it to review.
    editor = log_in("penulis", "Editors")
    index = NewsIndexPage.objects.get(locale__language_code="id")
    editor.goto(f"{site}/admin/pages/add/news/newspage/{index.pk}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_summary", SUMMARY)
    more_actions(editor)
    expect(editor.locator("button[name=action-publish]")).to_have_count(0)
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(f"**/admin/pages/{index.pk}/")
    news = NewsPage.objects.get(title=TITLE)
    assert not news.live
    assert editor.goto(f"{site}/id/berita/").status == 200
    expect(editor.get_by_role("link", name=TITLE)).to_have_count(0)

    # The moderator finds it on the dashboard and approves it.
    moderator = log_in("penyunting", "Moderators")
    expect(moderator.locator("#awaiting-review-content").get_by_text(TITLE)).to_be_visible()
    moderator.goto(f"{site}/admin/pages/{news.pk}/edit/")
    more_actions(moderator)
    moderator.locator("[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    moderator.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    news.refresh_from_db()
    assert news.live

    # ...then translates it into English, one field at a time, and publishes the translation.
    moderator.goto(f"{site}/admin/localize/submit/page/{news.pk}/")
    moderator.locator("input[name=locales]").check()
    moderator.locator("main form [type=submit]").click()
    moderator.wait_for_url("**/edit/")
    for source, english in ENGLISH.items():
        translate_segment(moderator, source, english)
    moderator.get_by_role("tab").nth(1).click()  # the slug is on the "Promote" tab
    translate_segment(moderator, *SLUG)
    moderator.get_by_role("button", name=re.compile("English")).first.click()
    moderator.wait_for_load_state()

    # Both languages are on the public site; the Indonesian page kept its words.
    english_page = news.get_translation(Locale.objects.get(language_code="en"))
    assert english_page.live
    response = moderator.goto(f"{site}{english_page.url}")
    assert response.status == 200
    expect(moderator.get_by_role("heading", name=ENGLISH[TITLE])).to_be_visible()
    expect(moderator.get_by_text(ENGLISH[SUMMARY])).to_be_visible()
    moderator.goto(f"{site}{news.url}")
    expect(moderator.get_by_role("heading", name=TITLE)).to_be_visible()
    moderator.goto(f"{site}/en/news/")
    expect(moderator.get_by_role("link", name=ENGLISH[TITLE])).to_be_visible()
