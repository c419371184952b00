"""What search engines and chat apps read: JSON-LD, canonical and alternate links, share tags,
the sitemap, robots.txt and the error pages."""

import json
from unittest import mock

import pytest
from lxml import html

from django.test import Client

from wagtail.models import Locale

from portal.models import LibrarySettings
from tests.factories import StandardPageFactory
from tests.portal.images import sample_image


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return html.fromstring(response.content)


def json_ld(document):
    return [json.loads(script.text) for script in document.xpath('//script[@type="application/ld+json"]')]


def test_json_ld_cannot_close_its_script_element(client, home, library):
    page = StandardPageFactory(parent=home, title="Buku </script><script>alert(1)</script>")
    page.search_description = "</script>"
    page.save_revision().publish()
    text = client.get(page.url).text
    assert "<script>alert(1)" not in text


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /id/cari/" in lines and "Disallow: /en/search/" in lines


def test_head_links_canonical_and_language_alternates(client, home, library):
    page = StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Services", "services"
    english.save_revision().publish()
    document = head(client, "/en/services/?utm_source=wa&page=2")
    assert document.xpath('//link[@rel="canonical"]/@href') == ["http://localhost/en/services/?page=2"]
    alternates = {
        link.get("hreflang"): link.get("href") for link in document.xpath('//link[@rel="alternate"][@hreflang]')
    }
    assert alternates == {
        "id": "http://localhost/id/layanan/",
        "en": "http://localhost/en/services/",
        "x-default": "http://localhost/id/layanan/",
    }


def test_an_untranslated_page_points_search_engines_to_the_original(client, home, library):
    page = StandardPageFactory(parent=home, title="Sejarah", slug="sejarah")
    english = Locale.objects.get(language_code="en")
    alias = page.create_alias(parent=home.get_translation(english), update_locale=english)
    document = head(client, alias.url)
    assert document.xpath('//link[@rel="canonical"]/@href') == ["http://localhost/id/sejarah/"]
    assert document.xpath('//link[@rel="alternate"]/@hreflang') == ["id", "x-default"]


def test_description_and_share_image_fall_back_sensibly(client, home, library):
    page = StandardPageFactory(parent=home, title="Tentang", slug="tentang", introduction="Rumah belajar <b>warga</b>.")
    document = head(client, page.url)
    assert document.xpath('//meta[@name="description"]/@content') == ["Rumah belajar warga."]
    assert document.xpath('//meta[@property="og:description"]/@content') == ["Rumah belajar warga."]
    assert document.xpath('//meta[@name="twitter:card"]/@content') == ["summary"]
    assert document.xpath('//meta[@property="og:type"]/@content') == ["website"]
    library.default_share_image = sample_image()
    library.save()
    document = head(client, page.url)
    [image] = document.xpath('//meta[@property="og:image"]/@content')
    assert image.startswith("http://testserver/") and image.endswith(".jpg")
    assert document.xpath('//meta[@name="twitter:card"]/@content') == ["summary_large_image"]
    # The library's image has no description here: none is made up.
    assert document.xpath('//meta[@property="og:image:alt"]') == []
    page.search_description = "Ditulis oleh editor."
    page.save_revision().publish()
    assert head(client, page.url).xpath('//meta[@name="description"]/@content') == ["Ditulis oleh editor."]


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("/id/tidak-ada/", "id", "Halaman tidak ditemukan"), ("/en/nothing-here/", "en", "Page not found")],
)
def test_not_found_page_speaks_the_visitors_language(client, home, library, path, lang, title):
    response = client.get(path)
    assert response.status_code == 404
    document = html.fromstring(response.content)
    assert document.get("lang") == lang
    assert document.findtext(".//h1") == title
    assert document.xpath("//a[@class='button']/@href") == [f"/{lang}/" if lang == "id" else "/en/"]


def test_server_error_page_is_bilingual_and_styled(home, library):
    client = Client(raise_request_exception=False)
    with mock.patch("home.models.HomePage.get_context", side_effect=RuntimeError("database gone")):
        response = client.get("/id/")
    assert response.status_code == 500
    assert "Maaf, terjadi kesalahan di server" in response.text
    assert "Sorry, something went wrong on our side" in response.text
    assert "/static/portal/css/site.css" in response.text
    assert "database gone" not in response.text


@pytest.mark.django_db
def test_settings_reject_a_bad_contact_address():
    from django.core.exceptions import ValidationError

    settings = LibrarySettings(contact_recipients="pustaka@example.id, bukan-alamat")
    with pytest.raises(ValidationError):
        settings.full_clean(exclude=["site"])
