"""What search engines read, over the whole demo site: JSON-LD on every page type, and the sitemap
with every live page in both languages (tests/portal/test_seo.py has the rest)."""

import pytest
from lxml import etree

from wagtail.models import Page

from gallery.models import GalleryPage
from local_content.jsonld import SCHEMA_TYPES
from local_content.models import CollectionItemPage
from news.models import EventPage, NewsPage
from tests.portal.test_seo import head, json_ld

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def first_url(model, language):
    return model.objects.live().filter(locale__language_code=language, alias_of__isnull=True).first().url


def test_every_page_type_describes_itself_in_json_ld(client, demo_site):
    expected = {
        "/id/": "Library",
        "/en/visit/": "Library",
        first_url(NewsPage, "en"): "NewsArticle",
        first_url(NewsPage, "id"): "NewsArticle",
        first_url(EventPage, "en"): "Event",
        first_url(GalleryPage, "id"): "ImageGallery",
        # A collection item is a CreativeWork, of the subtype its Dublin Core type names.
        first_url(CollectionItemPage, "en"): {"CreativeWork", *SCHEMA_TYPES.values()},
    }
    for path, schema_type in expected.items():
        [data] = json_ld(head(client, path))
        assert data["@context"] == "https://schema.org", path
        assert data["@type"] in schema_type if isinstance(schema_type, set) else data["@type"] == schema_type, path
    library = json_ld(head(client, "/en/visit/"))[0]
    assert library["name"] == "Pamekasan Regency Public Library"
    assert "Jl. Jokotole No. 55" in library["address"]["streetAddress"]
    assert library["geo"]["latitude"] == pytest.approx(-7.1589)
    assert {"dayOfWeek": "https://schema.org/Monday", "opens": "07:30", "closes": "15:30"}.items() <= library[
        "openingHoursSpecification"
    ][0].items()
    # The demo's holidays are closed days with their dates.
    assert any(spec.get("validFrom") and spec["opens"] == "00:00" for spec in library["openingHoursSpecification"])
    article = json_ld(head(client, first_url(NewsPage, "en")))[0]
    assert article["inLanguage"] == "en" and article["headline"] and article["datePublished"]
    assert article["publisher"]["name"] == "Pamekasan Regency Public Library"


def test_sitemap_lists_every_live_page_in_both_languages_with_alternates(client, demo_site):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    [location] = index.findall(f"{SITEMAP}sitemap/{SITEMAP}loc")
    urlset = etree.fromstring(client.get(location.text.replace("http://testserver", "")).content)
    entries = {url.findtext(f"{SITEMAP}loc"): url for url in urlset.findall(f"{SITEMAP}url")}
    live = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True).specific()
    assert set(entries) == {page.get_full_url() for page in live}
    assert "http://testserver/id/berita/" in entries and "http://testserver/en/news/" in entries
    alternates = {
        link.get("hreflang"): link.get("href") for link in entries["http://testserver/en/news/"].findall(f"{XHTML}link")
    }
    assert alternates == {
        "id": "http://testserver/id/berita/",
        "en": "http://testserver/en/news/",
        "x-default": "http://testserver/id/berita/",
    }
