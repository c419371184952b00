"""The translation status report and the dashboard panel, as an editor sees them."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from news.models import NewsCategory
from tests.factories import NewsCategoryFactory, StandardPageFactory, translate

REPORT_URL = "/admin/reports/translation-status/"


@pytest.fixture
def superuser(django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "password")
    # The admin speaks Indonesian unless told otherwise; most tests read it in English.
    UserProfile.objects.create(user=user, preferred_language="en")
    return user


@pytest.fixture
def editor(client, superuser):
    client.force_login(superuser)
    return client


def report_rows(client, **filters):
    """Title -> (link of the title, state in English, link of the state), as the report shows them."""
    response = client.get(REPORT_URL, filters)
    assert response.status_code == 200
    rows = {}
    for tr in BeautifulSoup(response.content, "html.parser").select("main table tbody tr"):
        title, _type, english = tr.find_all("td")
        title_link, state = title.find("a"), english.find(class_="w-status")
        rows[title.get_text(strip=True)] = (
            title_link["href"] if title_link else None,
            state.get_text(strip=True),
            state.get("href"),
        )
    return rows


def submit_page_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk]) + "?select_locale=en"


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def translate_with_localize(instance, locale):
    """Translates `instance` the way wagtail-localize's "Translate" action does, and publishes it."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.create(source=source, target_locale=locale).save_target(publish=True)
    return source


def test_report_lists_every_page_with_its_english_state(editor, home, home_en, locale_en):
    services = StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    rows = report_rows(editor)
    assert rows == {
        "Beranda": (edit_page_url(home), "Translated", edit_page_url(home_en)),
        "Layanan": (edit_page_url(services), "Not translated yet", submit_page_url(services)),
    }
    soup = BeautifulSoup(editor.get(REPORT_URL).content, "html.parser")
    # One column per language other than Indonesian.
    assert [th.get_text(strip=True) for th in soup.select("main table thead th")] == ["Title", "Type", "English"]


def test_copied_translation_is_out_of_date_once_the_source_is_published_again(editor, home, home_en):
    home.welcome_title = "Selamat datang di perpustakaan"
    home.save_revision().publish()
    assert report_rows(editor)["Beranda"][1:] == ("Out of date", edit_page_url(home_en))

    home_en.welcome_title = "Welcome to the library"
    home_en.save_revision().publish()
    assert report_rows(editor)["Beranda"][1] == "Translated"


def test_alias_links_to_translate(editor, home, locale_en):
    opening_hours = StandardPageFactory(parent=home, title="Jam buka", slug="jam-buka")
    opening_hours.copy_for_translation(locale_en, alias=True)
    assert report_rows(editor)["Jam buka"][1:] == ("Alias", submit_page_url(opening_hours))


def test_localize_translation_goes_out_of_date_and_syncs_back(editor, home, home_en, locale_en):
    services = StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    source = translate_with_localize(services, locale_en)
    services_en = services.get_translation(locale_en)
    assert report_rows(editor)["Layanan"][1:] == ("Translated", edit_page_url(services_en))

    services.introduction = "Layanan baru untuk pemustaka."
    services.save_revision().publish()
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert report_rows(editor)["Layanan"][1:] == ("Out of date", f"{sync_url}?{urlencode({'next': REPORT_URL})}")

    response = editor.post(f"{sync_url}?{urlencode({'next': REPORT_URL})}", {"publish_translations": "on"})
    assert response.status_code == 302 and response["Location"] == REPORT_URL
    assert report_rows(editor)["Layanan"][1] == "Translated"


def test_draft_of_the_source_does_not_date_a_synced_translation(editor, home, home_en, locale_en):
    services = StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    services.save_revision().publish()
    translate_with_localize(services, locale_en)
    services.introduction = "Masih draf."
    services.save_revision()
    assert report_rows(editor)["Layanan"][1] == "Translated"


def test_snippets_are_listed_with_their_own_links(editor, home, locale_en):
    events = NewsCategoryFactory(name="Acara")
    stories = NewsCategoryFactory(name="Cerita")
    stories_en = stories.copy_for_translation(locale_en)
    stories_en.name = "Stories"
    stories_en.save()
    # Categories keep no revisions, so a later change to the source cannot be dated.
    stories.name = "Cerita warga"
    stories.save()

    rows = report_rows(editor)
    edit_url = "wagtailsnippets_news_newscategory:edit"
    assert rows["Acara"] == (
        reverse(edit_url, args=[events.pk]),
        "Not translated yet",
        reverse("wagtail_localize:submit_snippet_translation", args=["news", "newscategory", events.pk])
        + "?select_locale=en",
    )
    assert rows["Cerita warga"] == (
        reverse(edit_url, args=[stories.pk]),
        "Translated",
        reverse(edit_url, args=[stories_en.pk]),
    )
    assert "Stories" not in rows  # translations are states of their source, not rows


def test_snippet_translated_with_localize_stays_translated(editor, home, locale_en):
    events = NewsCategoryFactory(name="Acara")
    translate_with_localize(events, locale_en)
    events.name = "Acara perpustakaan"
    events.save()
    events_en = NewsCategory.objects.get(translation_key=events.translation_key, locale=locale_en)
    assert report_rows(editor)["Acara perpustakaan"][1:] == (
        "Translated",
        reverse("wagtailsnippets_news_newscategory:edit", args=[events_en.pk]),
    )


def test_filters_by_state_and_by_type(editor, home, home_en, locale_en):
    StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    NewsCategoryFactory(name="Acara")

    assert set(report_rows(editor, state="not_translated")) == {"Layanan", "Acara"}
    assert set(report_rows(editor, state="translated")) == {"Beranda"}
    assert set(report_rows(editor, kind="page")) == {"Beranda", "Layanan"}
    assert set(report_rows(editor, kind="news.newscategory")) == {"Acara"}
    assert set(report_rows(editor, kind="page", state="not_translated")) == {"Layanan"}
    assert report_rows(editor, state="alias") == {}
    # The listing refreshes through the results view when a filter changes.
    results = editor.get(f"{REPORT_URL}results/", {"kind": "news.newscategory"})
    assert "Acara" in results.text and "Layanan" not in results.text


def test_labels_follow_the_editors_language(editor, superuser, home, locale_en):
    StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    UserProfile.objects.filter(user=superuser).update(preferred_language="id")

    html = editor.get(REPORT_URL).text
    assert "Status terjemahan" in html
    assert report_rows(editor)["Layanan"][1] == "Belum diterjemahkan"
    assert "Terjemahkan ke English" in html
    assert "Halaman yang belum diterjemahkan" in editor.get("/admin/").text


def test_user_without_permissions_sees_states_without_links(client, django_user_model, home, home_en):
    reader = django_user_model.objects.create_user("reader", "reader@example.com", "password")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    UserProfile.objects.create(user=reader, preferred_language="en")
    client.force_login(reader)
    StandardPageFactory(parent=home, title="Layanan", slug="layanan")

    assert report_rows(client) == {
        "Beranda": (None, "Translated", None),
        "Layanan": (None, "Not translated yet", None),
    }


def test_report_is_in_the_reports_menu(editor, home):
    html = editor.get("/admin/").text
    assert "translation-status" in html and REPORT_URL in html
    # One report of translations: not also wagtail-localize's, which reads every one as waiting.
    assert reverse("wagtail_localize:translations_report") not in html


def test_query_count_does_not_grow_with_the_number_of_rows(editor, home, home_en, locale_en):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert editor.get(REPORT_URL).status_code == 200
        return len(context.captured_queries)

    def add_rows(count):
        for _n in range(count):
            page = StandardPageFactory(parent=home)
            translate_with_localize(page, locale_en)
            page.save_revision().publish()
            translate(StandardPageFactory(parent=home), locale_en)
            NewsCategoryFactory()

    add_rows(3)
    queries()  # warms the caches of content types and permissions, and what the site keeps
    three = queries()
    add_rows(7)
    queries()  # the pages published made the site's kept values new (portal/generation.py)
    assert queries() == three
    assert len(report_rows(editor)) == 1 + 2 * 10 + 10


def test_dashboard_panel_lists_pages_waiting_for_translation(editor, home, home_en):
    for number in range(7):
        StandardPageFactory(parent=home, title=f"Halaman {number}", slug=f"halaman-{number}")
    home.save_revision().publish()

    panel = BeautifulSoup(editor.get("/admin/").content, "html.parser").find(id="untranslated-pages-section")
    assert panel is not None
    assert "Not translated yet: 7" in panel.get_text(" ", strip=True)
    assert "Out of date: 1" in panel.get_text(" ", strip=True)
    assert len(panel.select("tbody tr")) == 5
    # The most recently changed page comes first.
    assert panel.select_one("tbody tr a")["href"] == edit_page_url(home)
    links = {a["href"] for a in panel.find_all("a")}
    assert f"{REPORT_URL}?kind=page" in links
    assert f"{REPORT_URL}?kind=page&state=not_translated" in links
    assert submit_page_url(Page.objects.get(slug="halaman-0")) in links


def test_dashboard_panel_is_hidden_when_everything_is_translated(editor, home, home_en):
    html = editor.get("/admin/").text
    assert "Dashboard" in html
    assert 'id="untranslated-pages-section"' not in html
