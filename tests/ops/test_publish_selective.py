"""Publishing one page renders again what shows it (the page, its listings and feeds, the home
page, the pages it links to and that link to it, the sitemap) while every other kept page stays
kept; a change shown on every page (the menu, a snippet) still renders everything again."""

import pytest

from news.models import NewsCategory
from tests.factories import (
    GalleryIndexPageFactory,
    GalleryPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    StandardPageFactory,
)

ADDRESSES = {
    "home": "/id/",
    "news index": "/id/berita/",
    "feed": "/id/berita/feed/",
    "news": "/id/berita/lomba-baca/",
    "other news": "/id/berita/pustaka-keliling/",
    "programme": "/id/program/perpuseru/",
    "album": "/id/galeri/lokakarya/",
    "about": "/id/tentang-kami/",
    "sitemap": "/sitemap.xml",
}


@pytest.fixture
def site(home, library):
    news_index = NewsIndexPageFactory(parent=home)
    category = NewsCategory.objects.create(name="Kegiatan", slug="kegiatan", locale=home.locale)
    programme = ProgrammePageFactory(parent=ProgrammeIndexPageFactory(parent=home), title="PerpuSeru", slug="perpuseru")
    news = NewsPageFactory(parent=news_index, title="Lomba baca", slug="lomba-baca", category=category)
    NewsPageFactory(parent=news_index, title="Pustaka keliling", slug="pustaka-keliling", category=category)
    GalleryPageFactory(parent=GalleryIndexPageFactory(parent=home), title="Lokakarya", slug="lokakarya")
    about = StandardPageFactory(parent=home, title="Tentang Kami", slug="tentang-kami")
    return {"news": news, "programme": programme, "about": about}


def kept(client):
    """Every address read twice, so each is in the cache; then which of them are served from it."""
    for path in ADDRESSES.values():
        client.get(path)
    return {name for name, path in ADDRESSES.items() if client.get(path)["X-Cache"] == "HIT"}


def fresh(client):
    """The addresses rendered again on the next visit (and the answers)."""
    answers = {name: client.get(path) for name, path in ADDRESSES.items()}
    assert all(answer.status_code == 200 for answer in answers.values())
    return {name for name, answer in answers.items() if answer["X-Cache"] == "MISS"}, answers


def test_a_news_item_published_renders_again_only_what_shows_it(client, site):
    assert kept(client) == set(ADDRESSES)
    news = site["news"]
    news.title = "Lomba baca nusantara"
    news.save_revision().publish()
    again, answers = fresh(client)
    # Its page, its listing and feed, the home page, its category's other news, the sitemap.
    assert again == {"news", "news index", "feed", "home", "other news", "sitemap"}
    for name in ("news", "news index", "feed", "home", "other news"):
        assert "Lomba baca nusantara" in answers[name].text, name
    assert kept(client) == set(ADDRESSES)


def test_the_pages_a_news_item_links_to_show_it_at_once_and_stop_when_it_stops(client, site):
    news, programme = site["news"], site["programme"]
    kept(client)
    news.related_pages = [{"type": "page", "value": programme.pk}]
    news.save_revision().publish()
    again, answers = fresh(client)
    assert {"programme", "news"} <= again and "album" not in again and "about" not in again
    assert "Lomba baca" in answers["programme"].text
    kept(client)
    news.related_pages = []
    news.save_revision().publish()
    again, answers = fresh(client)
    assert "programme" in again and "Lomba baca" not in answers["programme"].text


def test_a_page_of_the_menu_renders_everything_again(client, site):
    kept(client)
    about = site["about"]
    about.title = "Profil"
    about.save_revision().publish()
    again, answers = fresh(client)
    assert again == set(ADDRESSES)
    assert "Profil" in answers["album"].text  # in the menu of every page


def test_a_snippet_renders_everything_again(client, site):
    kept(client)
    NewsCategory.objects.filter(slug="kegiatan").get().save()
    assert fresh(client)[0] == set(ADDRESSES)


def test_a_draft_renders_nothing_again(client, site):
    kept(client)
    news = site["news"]
    news.title = "Belum terbit"
    news.save_revision()
    assert fresh(client)[0] == set()
