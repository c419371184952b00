from datetime import timedelta

import pytest
import time_machine

from django.utils import timezone

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    VisitPageFactory,
    translate,
)
from tests.queries import count_queries


@pytest.fixture
def about(home, locale_en):
    page = StandardPageFactory(
        parent=home,
        title="Tentang Kami",
        slug="tentang-kami",
        introduction="Sejarah perpustakaan.",
        body=[{"type": "heading", "value": {"text": "Rumah belajar", "level": "h2"}}],
    )
    translate(
        page,
        locale_en,
        title="About us",
        slug="about",
        introduction="The library's story.",
        body=[{"type": "heading", "value": {"text": "A house of learning", "level": "h2"}}],
    )
    return page


def test_home_page_renders_in_both_languages(client, home, library):
    indonesian = client.get("/id/")
    assert indonesian.status_code == 200
    assert '<html lang="id"' in indonesian.text
    assert "Selamat datang" in indonesian.text
    assert "Perpustakaan Umum Kabupaten Uji" in indonesian.text

    english = client.get("/en/")
    assert english.status_code == 200
    assert '<html lang="en"' in english.text
    assert "Welcome" in english.text
    assert "Test Regency Public Library" in english.text


def test_standard_page_renders_in_both_languages(client, about):
    indonesian = client.get("/id/tentang-kami/")
    assert indonesian.status_code == 200
    assert "<h1>Tentang Kami</h1>" in indonesian.text
    assert "Rumah belajar" in indonesian.text

    english = client.get("/en/about/")
    assert english.status_code == 200
    assert "<h1>About us</h1>" in english.text
    assert "A house of learning" in english.text


def test_visit_page_shows_address_and_hours_in_both_languages(client, home, library, locale_en):
    visit = VisitPageFactory(parent=home)
    translate(visit, locale_en, title="Visit us", slug="visit")

    indonesian = client.get("/id/kunjungi/")
    assert indonesian.status_code == 200
    assert "Jl. Merdeka No. 1" in indonesian.text
    assert "Jam buka" in indonesian.text
    assert "Buka peta (OpenStreetMap)" in indonesian.text

    english = client.get("/en/visit/")
    assert english.status_code == 200
    assert "Opening hours" in english.text
    assert "Open the map (OpenStreetMap)" in english.text


def test_menu_lists_pages_shown_in_menus_in_the_active_language(client, about):
    indonesian = client.get("/id/")
    assert '<a href="/id/tentang-kami/">Tentang Kami</a>' in indonesian.text
    english = client.get("/en/")
    assert '<a href="/en/about/">About us</a>' in english.text


def test_language_switcher_leads_to_the_same_page_in_the_other_language(client, about):
    indonesian = client.get("/id/tentang-kami/")
    assert 'href="/en/about/" hreflang="en"' in indonesian.text
    english = client.get("/en/about/")
    assert 'href="/id/tentang-kami/" hreflang="id"' in english.text
    assert client.get("/id/tentang-kami/").status_code == 200


def test_hreflang_alternates_name_both_languages(client, about):
    html = client.get("/en/about/").text
    assert '<link rel="alternate" hreflang="id" href="http://localhost/id/tentang-kami/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/about/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://localhost/id/tentang-kami/">' in html


def test_untranslated_page_is_an_alias_that_says_it_is_in_indonesian(client, home, locale_en):
    page = StandardPageFactory(parent=home, title="Keanggotaan", slug="keanggotaan")
    alias = page.copy_for_translation(locale_en, alias=True)

    english = client.get(alias.url)
    assert english.status_code == 200
    assert "This page has not been translated yet, so it is shown in Indonesian." in english.text
    assert '<div lang="id">' in english.text
    assert "<h1>Keanggotaan</h1>" in english.text

    indonesian = client.get("/id/keanggotaan/")
    assert "belum diterjemahkan" not in indonesian.text
    assert f'href="{alias.url}" hreflang="en"' in indonesian.text


def test_switcher_falls_back_to_the_home_page_when_no_translation_exists(client, home):
    StandardPageFactory(parent=home, title="Hanya Indonesia", slug="hanya-indonesia")
    html = client.get("/id/hanya-indonesia/").text
    assert 'href="/en/" hreflang="en"' in html


def test_unknown_page_is_a_translated_404(client, home, library):
    indonesian = client.get("/id/tidak-ada/")
    assert indonesian.status_code == 404
    assert "Halaman tidak ditemukan" in indonesian.text
    english = client.get("/en/missing/")
    assert english.status_code == 404
    assert "Page not found" in english.text


def test_the_home_page_lists_follow_each_publish_and_the_clock(client, home, library, uncached_pages):
    """Its lists are kept per process with the page: a publish below it shows at once, and an
    event leaves the list within a minute of its end."""
    news_index, events = NewsIndexPageFactory(parent=home), EventIndexPageFactory(parent=home)
    start = timezone.now() + timedelta(hours=1)
    EventPageFactory(parent=events, title="Mendongeng bersama", start=start, end=start + timedelta(hours=2))
    html = client.get("/id/").text
    assert "Mendongeng bersama" in html and "Lomba baca" not in html
    news = NewsPageFactory(parent=news_index, title="Lomba baca", live=False)
    news.save_revision().publish()
    assert "Lomba baca" in client.get("/id/").text
    with time_machine.travel(start + timedelta(hours=2, minutes=1)):
        html = client.get("/id/").text
    assert "Lomba baca" in html and "Mendongeng bersama" not in html


def test_home_page_queries_do_not_grow_with_the_menu(
    client, home, library, uncached_pages, django_assert_max_num_queries
):
    StandardPageFactory(parent=home)
    client.get("/id/")  # warm Wagtail's caches of site root paths
    # routing, language links, news, events, albums, partners, structured data; the menu and the
    # library's settings, profile, hours and alerts come from the cache (29 queries when they did not)
    with django_assert_max_num_queries(22) as queries:
        assert client.get("/id/").status_code == 200
    with_one = len(queries)
    for _ in range(9):
        StandardPageFactory(parent=home)
    client.get("/id/")
    assert count_queries(client, "/id/") == with_one
