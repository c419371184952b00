"""Site search at /id/cari/ and /en/search/: every page type in the visitor's language, the type
filter, pages of results, odd queries, and the hand-off to the library catalogue.

One small bilingual site for the whole module (a section of each type, and a page of each type
about the kawung batik motif), built once and kept in a transaction; each test's own pages and
changes roll back. Tests that add pages search words of their own, apart from the kawung pages."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from lxml import html

from django.core.management import call_command
from django.core.paginator import Paginator
from django.db import connection
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.models import Locale, Page, PageViewRestriction, Site

from portal.models import LibrarySettings
from search.models import Word
from search.views import highlight
from tests.factories import (
    CollectionIndexPageFactory,
    CollectionItemPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    GalleryIndexPageFactory,
    GalleryPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    StandardPageFactory,
    VillageLibraryIndexPageFactory,
    VillageLibraryPageFactory,
    make_home,
    make_library,
    translate,
)
from tests.queries import count_queries, data_queries
from tests.snapshot import kept_for_module

OPAC = "https://opac.example.id/index.php?search=search&keywords={query}"


def make_sections(home, locale_en):
    """Each section of the site, in both languages."""
    found = {}
    for key, factory, english in [
        ("news", NewsIndexPageFactory, {"title": "News", "slug": "news"}),
        ("events", EventIndexPageFactory, {"title": "Events", "slug": "events"}),
        ("albums", GalleryIndexPageFactory, {"title": "Gallery", "slug": "gallery"}),
        ("programmes", ProgrammeIndexPageFactory, {"title": "Programmes", "slug": "programmes"}),
        ("collection", CollectionIndexPageFactory, {"title": "Madura collection", "slug": "madura-collection"}),
    ]:
        found[key] = factory(parent=home)
        translate(found[key], locale_en, **english)
    found["villages"] = VillageLibraryIndexPageFactory(parent=found["programmes"])
    translate(found["villages"], locale_en, title="Village libraries", slug="village-libraries")
    return found


# One page of each type about the kawung batik motif, in Indonesian and in English, like the demo site.
KAWUNG = [
    ("news", NewsPageFactory, "summary", {"id": "Lomba membatik motif kawung", "en": "Kawung batik contest"}),
    ("events", EventPageFactory, "summary", {"id": "Lokakarya kawung untuk remaja", "en": "Kawung workshop"}),
    ("albums", GalleryPageFactory, "description", {"id": "Foto pameran kawung", "en": "Kawung exhibition photos"}),
    ("programmes", ProgrammePageFactory, "summary", {"id": "Program batik kawung", "en": "Kawung batik programme"}),
    ("villages", VillageLibraryPageFactory, "summary", {"id": "Taman baca Kawung", "en": "Kawung reading corner"}),
    ("collection", CollectionItemPageFactory, "description", {"id": "Kain kawung", "en": "Kawung cloth"}),
    (None, StandardPageFactory, "introduction", {"id": "Tentang kawung", "en": "About kawung"}),
]


def add_kawung(home, sections, locale_en):
    for section, factory, field, title in KAWUNG:
        page = factory(
            parent=sections.get(section, home), title=title["id"], **{field: f"Motif kawung: {title['id']}."}
        )
        english = {"title": title["en"], "slug": page.slug + "-en", field: f"The kawung motif: {title['en']}."}
        translate(page, locale_en, **english)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The module's site: the ids of its home page (under None) and of its sections."""
    with kept_for_module(django_db_blocker):
        home = make_home()
        make_library(home)
        locale_en = Locale.objects.get(language_code="en")
        sections = make_sections(home, locale_en)
        add_kawung(home, sections, locale_en)
        yield {None: home.pk} | {key: page.pk for key, page in sections.items()}


@pytest.fixture
def home(site, db):
    return Page.objects.get(pk=site[None]).specific


@pytest.fixture
def library(site, db):
    return LibrarySettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def sections(site, db):
    return {key: Page.objects.get(pk=pk).specific for key, pk in site.items() if key}


def titles(response):
    """The titles of the results, as listed."""
    return [
        re.sub(r"<[^>]+>", "", title) for title in re.findall(r'item-card__title"><a [^>]+>(.*?)</a>', text(response))
    ]


def text(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("path, language, other", [("/id/cari/", "id", "en"), ("/en/search/", "en", "id")])
def test_each_type_is_found_in_its_own_language_only(client, library, path, language, other):
    found = titles(client.get(path, {"q": "kawung"}))
    assert sorted(found) == sorted(title[language] for *_row, title in KAWUNG)
    assert not set(found) & {title[other] for *_row, title in KAWUNG}


def test_results_show_their_type_and_date_in_the_visitors_language(client, library):
    html = text(client.get("/id/cari/", {"q": "kawung"}))
    assert "7 hasil untuk “kawung”" in html
    for label in ["Berita", "Acara", "Album", "Program", "Perpustakaan desa", "Item koleksi", "Halaman"]:
        assert f'<span class="badge">{label}</span>' in html
    assert re.search(
        r'<span class="badge">Album</span> <time datetime="\d{4}-\d\d-\d\d">\d+ [A-Z][a-z]+ \d{4}</time>', html
    )
    english = text(client.get("/en/search/", {"q": "kawung"}))
    assert "7 results for “kawung”" in english
    assert '<span class="badge">Collection item</span>' in english


def type_filter(response):
    return dict(re.findall(r'>([^<>]+)</a> <span class="count">\((\d+)\)</span>', text(response)))


def test_type_filter_counts_each_type_and_narrows_the_results(client, library):
    assert type_filter(client.get("/en/search/", {"q": "kawung"})) == {
        "All": "7",
        "News": "1",
        "Events": "1",
        "Albums": "1",
        "Programmes": "2",
        "Collection items": "1",
        "Pages": "1",
    }
    programmes = client.get("/en/search/", {"q": "kawung", "type": "programmes"})
    assert sorted(titles(programmes)) == ["Kawung batik programme", "Kawung reading corner"]
    assert '<a href="?q=kawung&amp;type=programmes" aria-current="true">Programmes</a>' in text(programmes)
    assert titles(client.get("/en/search/", {"q": "kawung", "type": "pages"})) == ["About kawung"]
    assert len(titles(client.get("/en/search/", {"q": "kawung", "type": "nonsense"}))) == 7


def test_results_come_in_pages_that_keep_the_query_and_type(client, library, sections):
    NewsPageFactory.create_batch(23, parent=sections["news"], summary="Kabar tenun.")
    first = client.get("/id/cari/", {"q": "tenun", "type": "news"})
    assert len(titles(first)) == 10
    assert 'href="?q=tenun&amp;type=news&amp;page=2" rel="next"' in text(first)
    assert len(titles(client.get("/id/cari/", {"q": "tenun", "type": "news", "page": "3"}))) == 3
    # Out of range: the last page; not a whole number: the first.
    for number, shown in [("-1", 3), ("0", 3), ("99999999999999999999", 3), ("abc", 10), ("2.5", 10)]:
        assert len(titles(client.get("/id/cari/", {"q": "tenun", "page": number}))) == shown


def test_many_results_come_newest_first_and_still_in_pages(client, library, sections, monkeypatch):
    """Past RANKED_MAX matches the newest come first (ranking reads every result's text); under it,
    a title about the word comes before a mere mention."""
    news = sections["news"]
    NewsPageFactory(parent=news, title="Lurik", summary="Lurik, lurik, lurik.", first_published_at=days_ago(30))
    for day in range(12):
        NewsPageFactory(parent=news, title=f"Kabar {day}", summary="Juga lurik.", first_published_at=days_ago(day))
    assert titles(client.get("/id/cari/", {"q": "lurik"}))[0] == "Lurik"
    monkeypatch.setattr("search.views.RANKED_MAX", 5)
    first = titles(client.get("/id/cari/", {"q": "lurik"}))
    assert first == [f"Kabar {day}" for day in range(10)]
    second = titles(client.get("/id/cari/", {"q": "lurik", "page": "2"}))
    assert len(second) == 3 and not set(first) & set(second)


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_query_words_are_marked_in_titles_and_descriptions(client, library):
    html = text(client.get("/en/search/", {"q": "KAWUNG contest"}))
    assert "<mark>Kawung</mark> batik <mark>contest</mark></a>" in html
    assert "<p>The <mark>kawung</mark> motif: <mark>Kawung</mark> batik <mark>contest</mark>.</p>" in html


def test_marking_escapes_the_text_first():
    marked = highlight('<i>Perpustakaan</i> & "desa" di Pamekasan', ["pustaka", "di", "amp", "quot"])
    assert marked == "&lt;i&gt;<mark>Perpustakaan</mark>&lt;/i&gt; &amp; &quot;desa&quot; <mark>di</mark> Pamekasan"


@pytest.mark.parametrize(
    "query_string",
    [
        "q=" + "kawung%20" * 1500,
        "q=%00",
        "q=kawung%00batik",
        "q=%2500",  # "%00" typed
        "q=%ff%fe",  # not UTF-8
        "q=%C0%AF",
        "q=!!!%20...%20%3F%3F",
        "q=%22kawung",
        "q=kawung*%20AND%20OR%20NOT%20NEAR",
        "q=%27%20OR%201%3D1%20--",
        "q=",
        "",
        "q=kawung&q=batik",
        "q=kawung&type=%00&page=%ff",
    ],
)
def test_odd_queries_give_a_sane_page(client, library, query_string):
    html = text(client.get("/id/cari/?" + query_string))
    assert "<h1>Cari</h1>" in html
    value = re.search(r'id="search-q" type="search" name="q" value="([^"]*)"', html).group(1)
    assert len(value) <= 200 and "\x00" not in value and "\ufffd" not in value


@pytest.mark.parametrize(
    "query, help_text",
    [
        ("", "Apa yang Anda cari? Ketik satu atau dua kata."),
        ("!!! ... ??", "Ketik satu atau dua kata yang dicari: huruf atau angka."),
        ("\x00", "Apa yang Anda cari? Ketik satu atau dua kata."),
        ("\ufffd\ufffd", "Apa yang Anda cari? Ketik satu atau dua kata."),
    ],
)
def test_a_query_without_words_asks_for_some(client, library, query, help_text):
    html = text(client.get("/id/cari/", {"q": query}))
    assert help_text in html
    assert "hasil untuk" not in html


def test_no_results_offers_tips_the_sections_and_the_catalogue(client, library):
    library.catalogue_search_url = OPAC
    library.save()
    html = text(client.get("/en/search/", {"q": "zyxwv"}))
    assert "Nothing found for “zyxwv”" in html
    assert "Check the spelling" in html
    assert '<a href="/en/news/">News</a>' in html
    assert '<a href="https://opac.example.id/index.php?search=search&amp;keywords=zyxwv">' in html


def test_the_beginning_of_a_word_finds_titles_when_nothing_matches_whole_words(client, library, sections):
    response = client.get("/id/cari/", {"q": "perpus"})
    # On PostgreSQL similar spellings come first and may also find the home page.
    assert "Perpustakaan Desa" in titles(response)
    html = text(response)
    assert "Tidak ada halaman yang memuat semua kata ini" in html
    assert "<mark>Perpustakaan</mark> Desa" in html


def test_unpublished_and_private_pages_are_not_found(client, library, sections):
    draft = NewsPageFactory(parent=sections["news"], title="Draf songket")
    draft.unpublish()
    private = NewsPageFactory(parent=sections["news"], title="Rahasia songket")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    NewsPageFactory(parent=sections["news"], title="Terbuka songket")
    assert titles(client.get("/id/cari/", {"q": "songket"})) == ["Terbuka songket"]


def test_a_result_shows_what_was_published_last(client, library, sections):
    """The results' cards are kept per process between two publishes."""
    news = NewsPageFactory(parent=sections["news"], title="Lomba gasing", summary="Pendaftaran dibuka.")
    assert titles(client.get("/id/cari/", {"q": "gasing"})) == ["Lomba gasing"]
    news.title, news.summary = "Lomba gasing remaja", "Pendaftaran ditutup."
    news.save_revision().publish()
    page = client.get("/id/cari/", {"q": "gasing"})
    assert titles(page) == ["Lomba gasing remaja"] and "Pendaftaran ditutup." in page.text


def test_english_results_leave_out_untranslated_pages_shown_in_indonesian(client, library, sections, locale_en):
    news = NewsPageFactory(parent=sections["news"], title="Pameran keris")
    news.create_alias(
        parent=sections["news"].get_translation(locale_en), update_locale=locale_en, reset_translation_key=False
    )
    assert titles(client.get("/en/search/", {"q": "keris"})) == []
    assert titles(client.get("/id/cari/", {"q": "keris"})) == ["Pameran keris"]


def test_catalogue_button_hands_the_query_to_the_opac(client, library):
    library.catalogue_search_url = OPAC
    library.save()
    response = client.get("/en/search/", {"q": "  batik & tenun\x00 Sumenep: ü/ä?  ", "target": "catalogue"})
    assert response.status_code == 302
    assert response["Location"] == (
        "https://opac.example.id/index.php?search=search&keywords=batik%20%26%20tenun%20Sumenep%3A%20%C3%BC%2F%C3%A4%3F"
    )
    library.catalogue_search_url = "https://inlislite.example.id/opac/pencarian-sederhana?katakunci={query}&ruas=Judul"
    library.save()
    response = client.get("/id/cari/", {"q": "sejarah madura", "target": "catalogue"})
    assert (
        response["Location"]
        == "https://inlislite.example.id/opac/pencarian-sederhana?katakunci=sejarah%20madura&ruas=Judul"
    )


def test_without_a_catalogue_there_is_no_catalogue_button_and_target_is_ignored(client, library):
    assert 'value="catalogue"' not in text(client.get("/id/"))
    response = client.get("/id/cari/", {"q": "kawung", "target": "catalogue"})
    assert len(titles(response)) == 7
    assert "katalog" not in text(response).split("<main", 1)[1]


@pytest.mark.parametrize(
    "path, action, label, button",
    [
        ("/id/", "/id/cari/", "Cari di situs web atau di katalog perpustakaan", "Katalog"),
        ("/en/", "/en/search/", "Search the website or the library catalogue", "Catalogue"),
    ],
)
def test_header_search_form_in_each_language(client, library, path, action, label, button):
    library.catalogue_search_url = OPAC
    library.save()
    html = text(client.get(path))
    form = re.search(
        r'<form class="site-search" method="get" action="([^"]+)" role="search"[^>]*>(.*?)</form>', html, re.S
    )
    assert form.group(1) == action
    assert f'for="site-search-q">{label}</label>' in form.group(2)
    assert '<input id="site-search-q" type="search" name="q"' in form.group(2)
    assert f'<button type="submit" name="target" value="catalogue">{button}</button>' in form.group(2)


def test_robots_txt_keeps_crawlers_out_of_both_search_paths(client, home):
    lines = text(client.get("/robots.txt")).splitlines()
    assert "Disallow: /id/cari/" in lines
    assert "Disallow: /en/search/" in lines


def test_results_page_queries_do_not_grow_with_the_results(client, library, sections, django_assert_max_num_queries):
    NewsPageFactory.create_batch(3, parent=sections["news"], summary="Kabar tenun.")
    client.get("/id/cari/", {"q": "tenun"})  # warm Wagtail's caches of site root paths and content types
    # header and footer as on every page (menu and library data from the cache), then restrictions,
    # counts per type, count, results, news pages
    with django_assert_max_num_queries(14) as queries:
        assert client.get("/id/cari/", {"q": "tenun"}).status_code == 200
    with_three = data_queries(queries.captured_queries)
    NewsPageFactory.create_batch(27, parent=sections["news"], summary="Kabar tenun.")
    client.get("/id/cari/", {"q": "tenun"})  # new pages purge the cached menu and library data: read them again
    assert count_queries(client, "/id/cari/", {"q": "tenun"}) == with_three


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's full-text index (FTS5) matches whole words as written, with no stemming: "
    "'pustaka' cannot find 'perpustakaan', nor 'libraries' 'library'",
)
def test_postgres_finds_other_forms_of_a_word_in_each_language(client, library, home, locale_en):
    page = StandardPageFactory(parent=home, title="Layanan keliling", introduction="Perpustakaan keliling ke desa.")
    translate(page, locale_en, title="Outreach", slug="outreach", introduction="The mobile library visits villages.")
    response = client.get("/id/cari/", {"q": "pustaka"})
    # The home page welcomes to the perpustakaan; the village libraries are its section.
    assert sorted(titles(response)) == ["Beranda", "Layanan keliling", "Perpustakaan Desa"]
    assert "<mark>Perpustakaan</mark> keliling" in text(response)
    assert "Tidak ada halaman yang memuat semua kata ini" not in text(response)
    assert sorted(titles(client.get("/en/search/", {"q": "libraries"}))) == ["Outreach", "Village libraries"]
    # English pages are not stemmed as Indonesian (similar spellings may still find the home page).
    assert "Outreach" not in titles(client.get("/en/search/", {"q": "pustaka"}))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="similar spellings need PostgreSQL's pg_trgm")
def test_postgres_with_pg_trgm_finds_a_misspelt_word(client, library, home):
    StandardPageFactory(parent=home, title="Layanan keliling", introduction="Perpustakaan keliling ke desa.")
    response = client.get("/id/cari/", {"q": "perpustakan"})
    assert sorted(titles(response)) == ["Beranda", "Layanan keliling", "Perpustakaan Desa"]
    assert "Tidak ada halaman yang memuat semua kata ini" in text(response)


def test_language_switch_keeps_the_search(client, library, sections):
    document = html.fromstring(client.get("/id/cari/", {"q": "batik tulis"}).content)
    assert document.xpath('//a[@hreflang="en"]/@href') == ["/en/search/?q=batik+tulis"]
    document = html.fromstring(client.get("/id/tidak-ada/").content)
    assert document.xpath('//a[@hreflang="en"]/@href') == ["/en/"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="misspelt words are compared on PostgreSQL only")
def test_a_published_page_adds_its_words_for_misspelt_searches(
    client, library, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPageFactory(parent=home, title="Naskah lontar", introduction="Naskah lontar kuno dari Sumenep.")
        page.save_revision().publish()
    assert Word.objects.filter(word="lontar").exists()
    response = client.get("/id/cari/", {"q": "lontr"})
    assert titles(response) == ["Naskah lontar"]
    assert "Naskah <mark>lontar</mark>" in text(response)
    assert "Tidak ada halaman yang memuat semua kata ini" in text(response)


def test_update_search_words_makes_the_list_again(library, home):
    StandardPageFactory(parent=home, title="Naskah lontar", introduction="Naskah lontar kuno.")
    out = StringIO()
    call_command("update_search_words", stdout=out)
    if connection.vendor == "postgresql":
        assert Word.objects.filter(word="lontar").exists() and "words." in out.getvalue()
    else:
        assert "Only PostgreSQL" in out.getvalue() and not Word.objects.exists()
        # SQLite's statistics, without which it planned a collection search 15 times slower.
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'wagtailsearch_indexentry'")
            assert cursor.fetchone()[0] > 0


@pytest.mark.parametrize(
    ("language", "heading", "count"),
    [("id", "11.295 hasil untuk “perpustakaan”", "(11.295)"), ("en", "11,295 results for “perpustakaan”", "(11,295)")],
)
def test_large_counts_are_grouped_as_the_language_writes_them(rf, home, library, language, heading, count):
    """A search word on most pages of a large site: its count reads as a number in each language."""
    results = Paginator(range(11_295), 10).page(1)
    results.object_list = []
    kinds = [{"name": "Berita", "count": 11_295, "url": "?q=perpustakaan&type=news", "current": False}]
    request = rf.get("/id/cari/", {"q": "perpustakaan"})
    with translation.override(language):
        text = render_to_string(
            "search/search.html",
            {
                "query": "perpustakaan",
                "words": ["perpustakaan"],
                "total": 11_295,
                "exact": True,
                "kinds": kinds,
                "results_page": results,
            },
            request,
        )
    document = html.fromstring(text)
    assert document.xpath("string(//h2[@id='results-title'])") == heading
    assert document.xpath("string(//aside//span[@class='count'])") == count
