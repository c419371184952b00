from datetime import date, datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest

from tests.factories import NewsPageFactory, translate
from tests.portal.images import sample_image


@pytest.fixture
def news(news_index, awards, locale_en, library):
    image = sample_image()
    award = NewsPageFactory(
        parent=news_index,
        title="Penghargaan nasional",
        slug="penghargaan-nasional",
        date=date(2014, 8, 26),
        summary="Perpustakaan paling inovatif.",
        category=awards,
        lead_image=image,
        lead_image_alt="Piala",
        author="Tim Humas",
    )
    visit = NewsPageFactory(
        parent=news_index, title="Kunjungan pelajar", slug="kunjungan", date=date(2015, 2, 28), summary="65 siswa."
    )
    translate(
        award,
        locale_en,
        title="National award",
        slug="national-award",
        summary="Most innovative library.",
        category=awards.get_translation(locale_en),
    )
    translate(visit, locale_en, title="Student visit", slug="student-visit", summary="65 students.")
    return award, visit


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


def test_rss_feed_in_indonesian(client, news):
    response, feed = parse(client, "/id/berita/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo
    assert feed.feed.language == "id"
    assert feed.feed.title.startswith("Berita")
    assert [entry.title for entry in feed.entries] == ["Kunjungan pelajar", "Penghargaan nasional"]
    award = feed.entries[1]
    assert award.link == "http://localhost/id/berita/penghargaan-nasional/"
    assert award.summary == "Perpustakaan paling inovatif."
    # 26 August 2014, stamped 08:00 in Jakarta (01:00 UTC).
    assert datetime(*award.published_parsed[:6]) == datetime(2014, 8, 26, 1, 0)
    assert award.tags[0].term == "Penghargaan"
    enclosure = award.enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://testserver/media/images/") and enclosure.href.endswith(".jpg")
    assert int(enclosure.length) > 0


def test_atom_feed_in_english(client, news):
    response, feed = parse(client, "/en/news/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Student visit", "National award"]
    assert feed.entries[1].link == "http://localhost/en/news/national-award/"
    assert feed.entries[1].author == "Tim Humas"
    assert feed.feed.links[0].href.startswith("http://")


def test_category_feeds_hold_only_that_category(client, news):
    _response, indonesian = parse(client, "/id/berita/penghargaan/feed/")
    assert [entry.title for entry in indonesian.entries] == ["Penghargaan nasional"]
    assert "Penghargaan" in indonesian.feed.title
    _response, english = parse(client, "/en/news/awards/feed/atom/")
    assert [entry.title for entry in english.entries] == ["National award"]


def test_unknown_category_feed_is_a_404(client, news):
    assert client.get("/id/berita/tidak-ada/feed/").status_code == 404


def test_feeds_are_linked_from_head_and_footer(client, news):
    html = client.get("/en/").text
    assert '<link rel="alternate" type="application/rss+xml" title="News" href="/en/news/feed/">' in html
    assert '<a class="social social--rss" href="/en/news/feed/">RSS</a>' in html


def test_feed_times_are_jakarta_mornings(news):
    award, _visit = news
    from news.feeds import NewsRssFeed

    stamp = NewsRssFeed(award.get_parent().specific).item_pubdate(award)
    assert stamp == datetime(2014, 8, 26, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_an_item_whose_picture_file_is_gone_is_listed_without_it(client, news):
    award, _visit = news
    award.lead_image.file.storage.delete(award.lead_image.file.name)
    response, feed = parse(client, "/id/berita/feed/")
    assert [entry.title for entry in feed.entries] == ["Kunjungan pelajar", "Penghargaan nasional"]
    assert feed.entries[1].enclosures == []
