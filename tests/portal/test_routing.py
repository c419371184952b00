"""The site finds a page from its address in one or two queries (portal/routing.py), and finds the
same page, route and arguments Wagtail's own walk down the tree would."""

import pytest

from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

from portal.routing import route
from tests.factories import (
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    StandardPageFactory,
    VillageLibraryIndexPageFactory,
    translate,
)


@pytest.fixture
def tree(home, locale_en):
    news = NewsIndexPageFactory(parent=home)
    NewsCategoryFactory(slug="kegiatan")
    item = NewsPageFactory(parent=news, slug="lomba-baca")
    # A page named like a route of its parent: the route answers, as in Wagtail.
    NewsPageFactory(parent=news, slug="feed")
    draft_parent = StandardPageFactory(parent=home, slug="arsip")
    StandardPageFactory(parent=draft_parent, slug="lama")
    draft_parent.unpublish()
    StandardPageFactory(parent=home, slug="draf", live=False)
    translate(news, locale_en, title="News", slug="news")
    translate(item, locale_en, title="Reading contest", slug="reading-contest")
    return news


PATHS = {
    "id": [
        "",
        "berita/",
        "berita/lomba-baca/",
        "berita/feed/",
        "berita/feed/atom/",
        "berita/kegiatan/feed/",
        "berita/lomba-baca/lebih/",
        "berita/tidak-ada/",
        "arsip/",
        "arsip/lama/",
        "draf/",
        "tidak-ada/",
        "news/",
    ],
    "en": ["", "news/", "news/reading-contest/", "news/feed/", "berita/", "news/lomba-baca/"],
}


def wagtail_route(language, path):
    with translation.override(language):
        return Page.route_for_request(RequestFactory().get(f"/{language}/{path}"), path)


def portal_route(language, path):
    with translation.override(language):
        return route(RequestFactory().get(f"/{language}/{path}"), path)


def described(result):
    """A route result as something to compare: the page, the routed view and its arguments."""
    if result is None:
        return None
    page, args, kwargs = result
    if args:  # a routable page: (view, view's args, view's kwargs)
        view, view_args, view_kwargs = args
        args = (view.__name__, tuple(view_args), view_kwargs)
    return page.pk, type(page).__name__, args, kwargs


@pytest.mark.parametrize(
    ("language", "path"), [(language, path) for language, paths in PATHS.items() for path in paths]
)
def test_the_same_page_and_route_as_wagtail(tree, language, path):
    assert described(portal_route(language, path)) == described(wagtail_route(language, path))


def test_known_answers(tree):
    assert described(portal_route("id", "berita/lomba-baca/"))[1] == "NewsPage"
    assert described(portal_route("id", "berita/feed/"))[2][0] == "rss"
    assert described(portal_route("en", "news/reading-contest/"))[1] == "NewsPage"
    assert portal_route("id", "draf/") is None
    assert portal_route("id", "berita/tidak-ada/") is None


def test_one_query_below_the_kept_sections(tree, django_assert_num_queries):
    portal_route("id", "")  # the site, its home page per language and its sections, kept afterwards
    with django_assert_num_queries(1):  # a news index holds news only: the item as its own type at once
        assert described(portal_route("id", "berita/lomba-baca/"))[1] == "NewsPage"
    with django_assert_num_queries(1):  # a section, as its own type
        assert described(portal_route("id", "berita/"))[1] == "NewsIndexPage"
    with django_assert_num_queries(1):  # a route of a section: nothing below it is read
        assert described(portal_route("id", "berita/feed/"))[2][0] == "rss"
    with django_assert_num_queries(1):  # a page of the menu, not published: kept too, as Wagtail finds it
        assert portal_route("id", "draf/") is None
    programmes = ProgrammeIndexPageFactory(parent=tree.get_parent(), slug="program")
    ProgrammePageFactory(parent=programmes, slug="perpuseru")
    portal_route("id", "")
    with django_assert_num_queries(1):  # of the programme index's types, the one without children
        assert described(portal_route("id", "program/perpuseru/"))[1] == "ProgrammePage"
    with django_assert_num_queries(2):  # a page that may have children: the page, then its type
        assert described(portal_route("id", "arsip/lama/"))[1] == "StandardPage"
    VillageLibraryIndexPageFactory(parent=programmes)
    with django_assert_num_queries(3):  # an index without its pages yet: not the usual type, then as above
        assert described(portal_route("id", "program/perpustakaan-desa/"))[1] == "VillageLibraryIndexPage"


def test_a_section_moved_or_renamed_is_found_at_its_new_address(tree):
    assert portal_route("id", "berita/lomba-baca/") is not None
    tree.slug = "kabar"
    tree.save_revision().publish()
    assert portal_route("id", "berita/lomba-baca/") is None
    page = described(portal_route("id", "kabar/lomba-baca/"))
    assert page == described(wagtail_route("id", "kabar/lomba-baca/")) and page[1] == "NewsPage"


def test_a_page_given_its_first_child_leads_to_it(tree, home):
    assert portal_route("id", "berita/lomba-baca/") is not None
    item = Page.objects.get(url_path__endswith="/berita/lomba-baca/").specific
    child = StandardPageFactory(parent=item.get_parent(), slug="tentang")
    grandchild = StandardPageFactory(parent=child, slug="sejarah")
    assert described(portal_route("id", "berita/tentang/sejarah/"))[0] == grandchild.pk


def test_the_page_knows_its_breadcrumb_and_parent(tree, django_assert_num_queries):
    page = portal_route("id", "berita/lomba-baca/")[0]
    with django_assert_num_queries(0):
        assert [ancestor.slug for ancestor in page.breadcrumb] == ["berita"]
        assert page.get_parent().pk == tree.pk
        assert page.locale.language_code == "id"


def test_a_private_section_stays_closed(client, tree, library):
    client.get("/id/berita/")  # the site's private sections are now kept
    PageViewRestriction.objects.create(page=tree, restriction_type=PageViewRestriction.LOGIN)
    answer = client.get("/id/berita/lomba-baca/")
    assert answer.status_code == 302 and "/_util/login/" in answer["Location"]
    # Nor is it listed: the menu leaves it out.
    assert 'href="/id/berita/"' not in client.get("/id/").text


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_page_has_the_address_wagtail_gives_it(tree, language):
    """BasePage works an address out once per process (portal/pages.page_path): the same as
    Wagtail's, in the visitor's language, for every page and the site's root."""
    with translation.override(language):
        for page in Page.objects.specific():
            assert page.get_url_parts() == Page.get_url_parts(page), page.url_path
    page = NewsPageFactory(parent=tree, slug="baru")
    with translation.override(language):
        assert page.get_url() == Page.get_url(page) == "/id/berita/baru/"
