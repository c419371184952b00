"""grow_site: the demo site grown in bulk to given totals, with a sound page tree, and the new
pages in the listings, the search and the OAI-PMH harvest."""

import re
from io import StringIO

import pytest
from lxml import etree

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page

from local_content.models import CollectionIndexPage, CollectionItemPage
from news.models import NewsIndexPage, NewsPage

OAI = {"oai": "http://www.openarchives.org/OAI/2.0/"}


def grow(**totals):
    call_command("grow_site", **totals, stdout=StringIO())


def counts():
    news_index = NewsIndexPage.objects.get(locale__language_code="id")
    collection = CollectionIndexPage.objects.get(locale__language_code="id")
    return (
        NewsPage.objects.child_of(news_index).count(),
        CollectionItemPage.objects.child_of(collection).count(),
        get_image_model().objects.count(),
        Page.objects.count(),
    )


@pytest.fixture(scope="module")
def grown_once(demo_module, django_db_blocker):
    """The demo site (32 collection items) grown to 40 news pages, 50 collection items and 10
    images more than the demo's, once for the module; the primary keys of the new news pages."""
    with django_db_blocker.unblock():
        before = set(NewsPage.objects.values_list("pk", flat=True))
        grow(news=40, items=50, images=get_image_model().objects.count() + 10)
        return list(NewsPage.objects.exclude(pk__in=before).values_list("pk", flat=True))


@pytest.fixture
def grown(grown_once, db):
    """The new news pages."""
    return NewsPage.objects.filter(pk__in=grown_once).order_by("pk")


def test_grows_to_the_totals_once_with_a_sound_tree(grown):
    news, items, images, pages = counts()
    assert (news, items) == (40, 50)
    assert Page.find_problems() == ([], [], [], [], [])
    grow(news=40, items=50, images=images)
    assert counts() == (news, items, images, pages)
    grow(news=45, items=50, images=images)
    assert counts() == (45, items, images, pages + 5)
    assert Page.find_problems() == ([], [], [], [], [])
    image = get_image_model().objects.order_by("-pk").first()
    assert image.description and (image.width, image.height) == (320, 240)
    with image.open_file() as file:
        assert file.read(3) == b"\xff\xd8\xff"  # a JPEG
    assert grown.filter(lead_image__isnull=False).exists()
    assert not grown.filter(lead_image__isnull=False, lead_image_alt="").exists()


def titles(html):
    """The titles of the search results, without the highlighting."""
    return {re.sub(r"<[^>]+>", "", title) for title in re.findall(r'item-card__title"><a [^>]+>(.*?)</a>', html)}


def test_news_index_pages_and_search_show_grown_news(client, grown):
    first, second = client.get("/id/berita/"), client.get("/id/berita/", {"page": 2})
    assert first.status_code == second.status_code == 200
    assert first.text.count('class="card news-card"') == second.text.count('class="card news-card"') == 12
    grown_titles = set(grown.values_list("title", flat=True))
    assert any(title in first.text for title in grown_titles)
    page = grown.first()
    by_month = client.get("/id/berita/", {"year": page.date.year, "month": page.date.month}).text
    assert page.title in by_month
    response = client.get(page.url)
    assert response.status_code == 200
    assert f"<h1>{page.title}</h1>" in response.text
    # A word of a grown title that no other page has in its title.
    others = Page.objects.exclude(pk__in=grown.values("pk"))
    word = next(
        word
        for page in grown
        for word in re.findall(r"\w{5,}", page.title)
        if not others.filter(title__icontains=word).exists()
    )
    assert titles(client.get("/id/cari/", {"q": word, "type": "news"}).text) & grown_titles


def test_collection_browse_and_oai_show_grown_items(client, grown, settings):
    html = client.get("/id/koleksi-madura/").text
    total = int(re.search(r'class="results-count">(\d+) ', html).group(1))
    assert total == 50
    types = html[html.index('class="filters__title"') :]
    types = types[: types.index("</ul>")]
    assert sum(int(n) for n in re.findall(r'<span class="count">\((\d+)\)</span>', types)) == total
    settings.OAI_PAGE_SIZE = 20
    response = client.get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    document = etree.fromstring(response.content)
    token = document.find(".//oai:resumptionToken", OAI)
    assert token is not None and token.text and token.get("completeListSize") == "50"
    listed = {element.text.rsplit(":", 1)[1] for element in document.iterfind(".//oai:header/oai:identifier", OAI)}
    grown_items = CollectionItemPage.objects.filter(identifier__startswith="KM-GRW-")
    grown_keys = {str(key) for key in grown_items.values_list("translation_key", flat=True)}
    assert len(listed) == 20 and listed & grown_keys
