from datetime import date

import pytest

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory, translate
from tests.queries import count_queries


class NewsTreeRulesTests(WagtailPageTestCase):
    def test_sections_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})

    def test_news_and_events_live_in_their_sections_only(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())


@pytest.fixture
def award_news(news_index, awards, locale_en):
    page = NewsPageFactory(
        parent=news_index,
        title="Perpustakaan paling inovatif",
        slug="paling-inovatif",
        date=date(2014, 8, 26),
        summary="Tiga penghargaan nasional.",
        author="Tim Humas",
        category=awards,
    )
    page.tags.add("penghargaan")
    page.save_revision().publish()
    translate(
        page,
        locale_en,
        title="The most innovative library",
        slug="most-innovative",
        summary="Three national awards.",
        category=awards.get_translation(locale_en),
    )
    return page


def test_news_page_renders_in_both_languages(client, award_news):
    indonesian = client.get("/id/berita/paling-inovatif/")
    assert indonesian.status_code == 200
    assert "<h1>Perpustakaan paling inovatif</h1>" in indonesian.text
    assert '<time datetime="2014-08-26">26 Agustus 2014</time>' in indonesian.text
    assert "oleh Tim Humas" in indonesian.text
    assert ">Penghargaan</a>" in indonesian.text
    assert 'href="/id/berita/?tag=penghargaan">#penghargaan</a>' in indonesian.text

    english = client.get("/en/news/most-innovative/")
    assert english.status_code == 200
    assert "<h1>The most innovative library</h1>" in english.text
    assert '<time datetime="2014-08-26">26 August 2014</time>' in english.text
    assert ">Awards</a>" in english.text
    assert 'href="/id/berita/paling-inovatif/" hreflang="id"' in english.text


def test_news_page_has_share_links_and_social_cards(client, award_news):
    html = client.get("/en/news/most-innovative/").text
    assert (
        "https://wa.me/?text=The%20most%20innovative%20library%20http%3A%2F%2Flocalhost%2Fen%2Fnews%2Fmost-innovative%2F"
        in html
    )
    assert (
        "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost%2Fen%2Fnews%2Fmost-innovative%2F" in html
    )
    assert 'value="http://localhost/en/news/most-innovative/" readonly' in html
    assert '<meta property="og:description" content="Three national awards.">' in html
    assert '<meta property="og:type" content="article">' in html


def test_index_lists_newest_first_in_the_active_language(client, news_index, locale_en):
    NewsPageFactory(parent=news_index, title="Lama", date=date(2013, 6, 15))
    NewsPageFactory(parent=news_index, title="Baru", date=date(2015, 2, 28))
    html = client.get("/id/berita/").text
    assert html.index("Baru") < html.index("Lama")
    assert "Juni 2013" in html and "Februari 2015" in html  # archive links
    english = client.get("/en/news/").text
    assert "There is no news here yet." in english


def test_the_index_follows_each_publish_unpublish_and_new_date(client, news_index, uncached_pages):
    # The order of all news and the archive's months are kept per process until a news item changes.
    old = NewsPageFactory(parent=news_index, title="Kabar lama", date=date(2013, 6, 15))
    assert "Kabar lama" in client.get("/id/berita/").text
    new = NewsPageFactory(parent=news_index, title="Kabar baru", date=date(2015, 2, 28))
    html = client.get("/id/berita/").text
    assert html.index("Kabar baru") < html.index("Kabar lama")
    old.date = date(2016, 1, 4)
    old.save_revision().publish()
    html = client.get("/id/berita/").text
    assert html.index("Kabar lama") < html.index("Kabar baru")
    assert "Januari 2016" in html and "Juni 2013" not in html
    new.unpublish()
    html = client.get("/id/berita/").text
    assert "Kabar baru" not in html and "Februari 2015" not in html
    assert "Kabar lama" in html


def test_long_lists_show_the_first_last_and_nearby_page_numbers(client, news_index, uncached_pages):
    for _n in range(12 * 11 + 1):
        NewsPageFactory(parent=news_index)
    html = client.get("/id/berita/", {"page": 6}).text
    pagination = html[html.index('class="pagination"') :]
    shown = [n for n in range(1, 13) if f'href="?page={n}">{n}</a>' in pagination]
    assert shown == [1, 4, 5, 7, 8, 12]
    assert '<span aria-current="page">6</span>' in pagination
    assert pagination.count('<li aria-hidden="true">…</li>') == 2
    assert "Halaman 6 dari 12" in pagination


@pytest.mark.parametrize("page", ["abc", "-3", "0", "999", "1.5", "%00", "9" * 40])
def test_bad_page_numbers_give_a_page_not_an_error(client, news_index, page):
    for _n in range(14):
        NewsPageFactory(parent=news_index)
    response = client.get("/id/berita/", {"page": page})
    assert response.status_code == 200
    assert response.text.count('class="card news-card"') in (12, 2)


def test_pagination_links_keep_the_filters(client, news_index, awards):
    for _n in range(13):
        NewsPageFactory(parent=news_index, category=awards)
    html = client.get("/id/berita/", {"category": "penghargaan"}).text
    assert 'href="?category=penghargaan&amp;page=2"' in html
    second = client.get("/id/berita/", {"category": "penghargaan", "page": 2}).text
    assert second.count('class="card news-card"') == 1


def test_filters_by_category_tag_and_month(client, news_index, award_news):
    NewsPageFactory(parent=news_index, title="Kunjungan pelajar", date=date(2015, 2, 28))
    by_category = client.get("/id/berita/", {"category": "penghargaan"}).text
    assert "Perpustakaan paling inovatif" in by_category and "Kunjungan pelajar" not in by_category
    by_tag = client.get("/id/berita/", {"tag": "penghargaan"}).text
    assert "Perpustakaan paling inovatif" in by_tag and "Kunjungan pelajar" not in by_tag
    by_month = client.get("/id/berita/", {"year": "2015", "month": "2"}).text
    assert "Kunjungan pelajar" in by_month and "Perpustakaan paling inovatif" not in by_month
    assert "Februari 2015" in by_month


@pytest.mark.parametrize(
    "params",
    [{"category": "tidak-ada"}, {"year": "abc"}, {"year": "-1", "month": "13"}, {"month": "5"}, {"tag": "x" * 5000}],
)
def test_bad_filters_never_break_the_index(client, news_index, award_news, params):
    response = client.get("/id/berita/", params)
    assert response.status_code == 200


def test_related_news_share_a_category_or_a_tag(client, news_index, award_news, awards):
    NewsPageFactory(parent=news_index, title="Bunda Baca 2014", category=awards)
    same_tag = NewsPageFactory(parent=news_index, title="Piala lain")
    same_tag.tags.add("penghargaan")
    same_tag.save_revision().publish()
    NewsPageFactory(parent=news_index, title="Tidak terkait")
    html = client.get("/id/berita/paling-inovatif/").text
    related = html[html.index("Berita terkait") :]
    assert "Bunda Baca 2014" in related and "Piala lain" in related
    assert "Tidak terkait" not in related


def test_news_index_and_news_page_queries_do_not_grow_with_the_news(
    client, library, news_index, award_news, awards, uncached_pages
):
    from tests.portal.images import sample_image

    image = sample_image()
    for n in range(4):
        page = NewsPageFactory(parent=news_index, category=awards, lead_image=image, lead_image_alt="Foto")
        page.tags.add("penghargaan", f"tag-{n}")
        page.save_revision().publish()
    client.get("/id/berita/")
    client.get("/id/berita/paling-inovatif/")
    index_with_5 = count_queries(client, "/id/berita/")
    page_with_5 = count_queries(client, "/id/berita/paling-inovatif/")
    for n in range(45):
        page = NewsPageFactory(parent=news_index, category=awards, lead_image=image, lead_image_alt="Foto")
        page.tags.add("penghargaan", f"lain-{n}")
        page.save_revision().publish()
    client.get("/id/berita/")
    client.get("/id/berita/paling-inovatif/")
    assert count_queries(client, "/id/berita/") == index_with_5
    assert count_queries(client, "/id/berita/paling-inovatif/") == page_with_5
