"""The admin in Indonesian: an editor and a moderator walk the screens they use every day and meet
no English message from Wagtail's or wagtail-localize's catalogs (locale/vendor supplies what their
id_ID catalogs lack). A failure lists, per screen, the English strings still to translate."""

import re
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.urls import reverse

import wagtail
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.browser.helpers import staff_member

PACKAGES = Path(wagtail.__file__).parent.parent
NOT_INSTALLED = ("styleguide", "simple_translation", "typed_table_block", "search_promotions")
PLACEHOLDER = re.compile(r"%\([^)]+\)[sd]|%[sd]|\{[^{}]*\}")
# Brand names, the same in both languages.
ALLOWED = {"Wagtail", "Wagtail API v2", "Wagtail API v3"}
# English that no catalog can reach, per screen: hard-coded where a template override cannot help.
HARD_CODED = {
    # the footer's screen-reader label in wagtail-localize's React bundle (no gettext around it)
    "translation editor": {"More actions"},
}
# Text nodes and the attributes staff read (or hear) as labels.
COLLECT = """() => {
    const texts = [], shown = (el) => el.checkVisibility({visibilityProperty: true});
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
        const parent = node.parentElement;
        if (parent && !parent.closest("script, style, template, noscript") && shown(parent)) {
            texts.push(node.textContent);
        }
    }
    for (const el of document.body.querySelectorAll("[placeholder], [title], [aria-label], input[value]")) {
        if (!shown(el)) continue;
        for (const name of ["placeholder", "title", "aria-label"]) texts.push(el.getAttribute(name) || "");
        if (["submit", "button"].includes(el.type)) texts.push(el.value);
    }
    for (const option of document.body.querySelectorAll("select option")) {
        if (shown(option.closest("select"))) texts.push(option.textContent);  // a closed list's choices
    }
    // The rich-text editor's prompt in an empty paragraph is CSS content.
    for (const el of document.querySelectorAll(".Draftail-block--empty")) {
        texts.push(getComputedStyle(el, "::before").content.replace(/^"|"$/g, ""));
    }
    return texts;
}"""


def normal(text):
    return " ".join(text.split())


def catalogs(language):
    for package in ("wagtail", "wagtail_localize"):
        for path in sorted((PACKAGES / package).glob(f"**/locale/{language}/LC_MESSAGES/*.po")):
            if not any(app in str(path) for app in NOT_INSTALLED):
                yield path


def translations(paths):
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural.get(0, "")
        for path in paths
        for entry in polib.pofile(str(path))
        if entry.translated() and "fuzzy" not in entry.flags
    }


@pytest.fixture(scope="module")
def english():
    """The English msgids (and plurals) whose Indonesian differs, split at HTML tags into the texts
    a browser shows: the exact ones, and patterns with the placeholders as wildcards; and the
    Indonesian texts, never English whatever a pattern says ("Status terjemahan")."""
    ours = [path for folder in settings.LOCALE_PATHS for path in Path(folder).glob("id/LC_MESSAGES/*.po")]
    indonesian = {**translations(catalogs("id_ID")), **translations(ours)}
    known = {normal(part) for text in indonesian.values() for part in re.split(r"<[^>]+>", text)}
    exact, patterns = set(), set()
    for path in catalogs("en"):
        for entry in polib.pofile(str(path)):
            if not entry.msgid or indonesian.get((entry.msgctxt, entry.msgid)) == entry.msgid:
                continue  # the same in both languages
            for text in filter(None, (entry.msgid, entry.msgid_plural)):
                for part in map(normal, re.split(r"<[^>]+>", text)):
                    words = PLACEHOLDER.sub("", part)
                    if part in known or len(re.findall(r"[A-Za-z]", words)) < 3:
                        continue
                    if not PLACEHOLDER.search(part):
                        exact |= {part, part[0].upper() + part[1:]}  # field labels are capitalised
                    elif len(part) <= 100 and len(re.findall(r"[A-Za-z]", words)) >= 4:
                        pieces = PLACEHOLDER.split(part)
                        patterns.add(re.compile(".+?".join(map(re.escape, pieces))))
    return exact - ALLOWED - known, patterns, known


class Walk:
    """walk(page, screen) notes the English on a screen; walk.assert_indonesian() fails with all of it."""

    def __init__(self, english, content):
        self.exact, self.patterns, self.indonesian = english
        self.content = content["titles"]  # page titles and snippet names are content, in either language
        self.found = {}

    def __call__(self, page, screen):
        page.wait_for_load_state()
        for text in set(map(normal, page.evaluate(COLLECT))):
            if text in self.indonesian or text in self.content or text in HARD_CODED.get(screen, ()):
                continue
            if text in self.exact or any(pattern.fullmatch(text) for pattern in self.patterns):
                self.found.setdefault(screen, []).append(text)

    def assert_indonesian(self):
        report = "\n".join(f"  {screen}: {sorted(texts)}" for screen, texts in self.found.items())
        assert not self.found, f"English messages in the Indonesian admin (add them to locale/vendor):\n{report}"


@pytest.fixture(scope="module")
def content(site, django_db_blocker):
    """An editor and a moderator who work in Indonesian, a news item the editor has submitted for
    review, and a news item being translated into English with wagtail-localize's editor."""
    with django_db_blocker.unblock():
        users = {
            group: staff_member(username, group)
            for username, group in (("redaksi-bahasa", "Editors"), ("penyunting-bahasa", "Moderators"))
        }
        index = NewsIndexPage.objects.get(locale__language_code="id")
        pages = {}
        for slug, title in (("uji-bahasa-tinjauan", "Pojok baca baru"), ("uji-bahasa-terjemahan", "Jam layanan")):
            page = NewsPage.objects.filter(slug=slug, locale=index.locale).first()
            if page is None:
                page = index.add_child(instance=NewsPage(title=title, slug=slug, summary=f"{title} di perpustakaan."))
                page.save_revision(user=users["Editors"]).publish()
            pages[slug] = page
        review = pages["uji-bahasa-tinjauan"]
        if not review.workflow_in_progress:
            review.title = "Pojok baca baru dibuka"
            review.save_revision(user=users["Editors"])
            review.get_workflow().start(review, users["Editors"])
        source, _ = TranslationSource.get_or_create_from_instance(pages["uji-bahasa-terjemahan"])
        english_locale = Locale.objects.get(language_code="en")
        translation, _ = Translation.objects.update_or_create(
            source=source, target_locale=english_locale, defaults={"enabled": True}
        )
        segment = StringSegment.objects.filter(source=source).first()
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=english_locale,
            context=segment.context,
            defaults={"data": "Opening hours", "translation_type": "manual", "last_translated_by": users["Moderators"]},
        )
        translation.save_target(user=users["Moderators"], publish=False)
        yield {
            "users": users,
            "index": index,
            "news": NewsPage.objects.filter(locale=index.locale).exclude(pk__in=[p.pk for p in pages.values()]).first(),
            "review": review,
            "translated": pages["uji-bahasa-terjemahan"].get_translation(english_locale),
            "category": NewsCategory.objects.filter(locale=index.locale).first(),
            "titles": {
                *Page.objects.values_list("title", flat=True),
                *NewsCategory.objects.values_list("name", flat=True),
            },
        }


def test_an_editor_meets_no_english(log_in, english, content, site):
    check = Walk(english, content)
    page = log_in(content["users"]["Editors"])
    check(page, "dashboard")
    index, news = content["index"], content["news"]
    for screen, url in (
        ("page explorer", reverse("wagtailadmin_explore", args=[index.pk])),
        ("page history", reverse("wagtailadmin_pages:history", args=[news.pk])),
        ("images", reverse("wagtailimages:index")),
        ("image upload", reverse("wagtailimages:add_multiple")),
        ("documents", reverse("wagtaildocs:index")),
        ("document upload", reverse("wagtaildocs:add_multiple")),
        ("news categories", reverse("wagtailsnippets_news_newscategory:list")),
        ("news category form", reverse("wagtailsnippets_news_newscategory:edit", args=[content["category"].pk])),
        ("site history", reverse("wagtailadmin_reports:site_history")),
        ("workflows report", reverse("wagtailadmin_reports:workflow")),
        ("translation status report", reverse("editorial_translation_status")),
    ):
        page.goto(site + url)
        check(page, screen)

    page.goto(site + reverse("wagtailadmin_pages:edit", args=[news.pk]))
    check(page, "page editor")
    page.locator("button.c-sf-add-button").first.click()  # the StreamField block picker
    page.locator(".w-combobox").wait_for()
    check(page, "page editor: block picker")
    page.locator(".w-combobox [role=option]", has_text="Paragraf").click()  # a new, empty paragraph
    page.locator(".Draftail-block--empty").first.wait_for()
    check(page, "page editor: new paragraph")
    page.keyboard.type("/")  # the block menu of the rich-text editor
    check(page, "page editor: slash menu")
    page.keyboard.press("Escape")
    page.locator(".public-DraftEditor-content").last.click()  # a paragraph: the rich-text toolbar
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")
    check(page, "page editor: rich text")
    page.click("[data-side-panel-toggle=status]")
    check(page, "page editor: status panel")
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").click()
    check(page, "page editor: schedule dialog")
    page.keyboard.press("Escape")
    page.locator("footer .w-dropdown__toggle").first.click()
    check(page, "page editor: more actions")

    page.goto(site + reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk]))
    check(page, "new page form")
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()
    check(page, "new page form: empty")
    page.fill("#id_title", news.title)
    page.locator("#id_slug").evaluate("(input, slug) => { input.value = slug; }", news.slug)
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()
    page.get_by_role("tab").nth(1).click()  # the slug is on the second tab
    check(page, "new page form: slug in use")
    check.assert_indonesian()


def test_a_moderator_meets_no_english(log_in, english, content, site):
    check = Walk(english, content)
    page = log_in(content["users"]["Moderators"])
    check(page, "moderator's dashboard")
    review = content["review"]
    page.goto(site + reverse("wagtailadmin_pages:edit", args=[review.pk]))
    check(page, "page in review")
    page.locator("footer .w-dropdown__toggle").first.click()
    check(page, "page in review: workflow actions")
    page.locator("[data-workflow-action-name=approve][data-workflow-action-modal-url]").click()
    page.locator(".modal-content form").wait_for()
    check(page, "page in review: approve with comment")
    page.locator(".modal [data-dismiss=modal]").first.click()
    page.locator(".modal").wait_for(state="hidden")
    page.click("[data-side-panel-toggle=status]")
    check(page, "page in review: status panel")
    page.goto(site + reverse("wagtailadmin_pages:workflow_history", args=[review.pk]))
    check(page, "workflow history")
    page.goto(site + reverse("wagtailadmin_reports:workflow_tasks"))
    check(page, "workflow tasks report")

    page.goto(site + reverse("wagtailadmin_pages:edit", args=[content["translated"].pk]))
    page.locator(".js-translation-editor li").first.wait_for()
    check(page, "translation editor")
    check.assert_indonesian()
