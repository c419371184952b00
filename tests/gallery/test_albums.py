import re
from datetime import date

import pytest
from lxml import html

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase

from gallery.models import GalleryIndexPage, GalleryPage
from home.models import HomePage
from tests.factories import (
    GalleryIndexPageFactory,
    GalleryPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    add_photos,
    translate,
)
from tests.portal.images import sample_image
from tests.queries import count_queries


class GalleryTreeRulesTests(WagtailPageTestCase):
    def test_albums_live_in_the_gallery_under_home(self):
        self.assertAllowedParentPageTypes(GalleryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GalleryIndexPage, {GalleryPage})
        self.assertAllowedSubpageTypes(GalleryPage, set())


@pytest.fixture
def gallery(home, locale_en):
    index = GalleryIndexPageFactory(parent=home)
    translate(index, locale_en, title="Gallery", slug="gallery")
    return index


@pytest.fixture
def images(db):
    return [sample_image(f"Foto {n}", colour) for n, colour in enumerate(["#7a1f1f", "#1f2a55", "#c48a2c"])]


@pytest.fixture
def album(gallery, images, locale_en, library):
    page = GalleryPageFactory(parent=gallery, title="Gedung perpustakaan", slug="gedung", date=date(2015, 1, 15))
    add_photos(page, images, ["Tampak depan", "Tampak samping", "Ruang baca"])
    english = page.copy_for_translation(locale_en)
    english.title, english.slug = "Library building", "building"
    photos = list(english.photos.all())
    for photo, caption in zip(photos, ["Front", "Side", "Reading room"], strict=True):
        photo.caption, photo.alt_text = caption, f"Photo of the {caption.lower()}"
    english.photos = photos
    english.save_revision().publish()
    return page


def test_album_shows_photos_in_order_in_both_languages(client, album):
    indonesian = client.get("/id/galeri/gedung/").text
    assert indonesian.index("Tampak depan") < indonesian.index("Tampak samping") < indonesian.index("Ruang baca")
    assert "3 foto" in indonesian
    english = client.get("/en/gallery/building/").text
    assert english.index("Front") < english.index("Side") < english.index("Reading room")
    assert 'alt="Photo of the front"' in english
    assert "3 photos" in english


def test_editor_reordering_changes_the_order(client, album):
    photos = list(album.photos.all())
    photos[0].sort_order, photos[2].sort_order = 2, 0
    album.photos = photos
    album.save_revision().publish()
    html = client.get("/id/galeri/gedung/").text
    assert html.index("Ruang baca") < html.index("Tampak depan")


def test_album_is_shared_with_its_first_photo_read_once(client, album, uncached_pages):
    def shared():
        with CaptureQueriesContext(connection) as queries:
            document = html.fromstring(client.get("/id/galeri/gedung/").content)
        photo_reads = [q for q in queries.captured_queries if '"gallery_galleryphoto"' in q["sql"]]
        assert len(photo_reads) == 1  # the photos, the share image and the structured data
        [image] = document.xpath('//meta[@property="og:image"]/@content')
        assert any(image in data for data in document.xpath('//script[@type="application/ld+json"]/text()'))
        return image

    photos = list(album.photos.order_by("sort_order", "pk"))
    assert photos[0].image.get_rendition("fill-1200x630|format-jpeg").url in shared()
    for number, photo in enumerate(reversed(photos)):  # the last one first
        photo.sort_order = number
    album.photos = photos
    album.save_revision().publish()
    assert photos[-1].image.get_rendition("fill-1200x630|format-jpeg").url in shared()


def test_every_photo_has_its_own_page(client, album):
    html = client.get("/id/galeri/gedung/").text
    assert 'href="/id/galeri/gedung/1/"' in html and 'href="/id/galeri/gedung/3/"' in html
    second = client.get("/en/gallery/building/2/")
    assert second.status_code == 200
    assert "Side" in second.text
    assert "photo 2 of 3" in second.text
    assert 'href="/en/gallery/building/1/" rel="prev"' in second.text
    assert 'href="/en/gallery/building/3/" rel="next"' in second.text


@pytest.mark.parametrize("number", ["0", "4", "999", "-1", "abc"])
def test_bad_photo_numbers_are_404(client, album, number):
    assert client.get(f"/id/galeri/gedung/{number}/").status_code == 404


def test_renditions_are_webp_at_the_listed_widths(client, album):
    html = client.get("/id/galeri/gedung/").text
    thumbnail = re.search(r'<img[^>]*class="photo-grid__image"[^>]*>', html).group(0)
    assert 'srcset="' in thumbnail and " 320w" in thumbnail and " 640w" in thumbnail
    assert ".format-webp.webp" in thumbnail
    assert 'width="320"' in thumbnail and 'height="240"' in thumbnail
    photo_page = client.get("/id/galeri/gedung/1/").text
    assert re.search(r"fill-320x240\|format-webp|width-640\.format-webp\.webp 640w", photo_page)


def test_first_thumbnails_load_eagerly_the_rest_lazily(client, gallery, images, library):
    album = GalleryPageFactory(parent=gallery, slug="banyak")
    add_photos(album, images * 3)
    html = client.get("/id/galeri/banyak/").text
    loading = re.findall(
        r'<img[^>]*class="photo-grid__image"[^>]*loading="(\w+)"|<img[^>]*loading="(\w+)"[^>]*class="photo-grid__image"',
        html,
    )
    values = [first or second for first, second in loading]
    # The first row on a phone (two photos); the browser gates check the rest is below the fold.
    assert values[:2] == ["eager"] * 2 and set(values[2:]) == {"lazy"}


def test_download_link_only_when_the_editor_allows_it(client, album):
    assert "Unduh file asli" not in client.get("/id/galeri/gedung/1/").text
    album.allow_download = True
    album.save_revision().publish()
    html = client.get("/id/galeri/gedung/1/").text
    assert "Unduh file asli (1600 × 900 px)" in html
    assert re.search(r'href="/media/original_images/[^"]+" download', html)


def test_index_lists_albums_newest_first_with_cover_and_count(client, album, gallery, images):
    older = GalleryPageFactory(parent=gallery, title="Pelatihan advokasi", date=date(2013, 5, 14))
    add_photos(older, images[:1])
    html = client.get("/id/galeri/").text
    assert html.index("Gedung perpustakaan") < html.index("Pelatihan advokasi")
    assert "3 foto" in html and "1 foto" in html
    assert html.count('class="album-card__image"') == 2
    by_year = client.get("/id/galeri/", {"year": "2013"}).text
    assert "Pelatihan advokasi" in by_year and "Gedung perpustakaan" not in by_year
    assert client.get("/id/galeri/", {"year": "abc", "page": "-4"}).status_code == 200


def test_home_shows_latest_albums(client, album):
    html = client.get("/en/").text
    assert "Photo albums" in html and "Library building" in html


def test_news_page_shows_albums_that_link_to_it(client, album, home, locale_en):
    news_index = NewsIndexPageFactory(parent=home)
    translate(news_index, locale_en, title="News", slug="news")
    news = NewsPageFactory(parent=news_index, title="Gedung baru", slug="gedung-baru")
    translate(news, locale_en, title="New building", slug="new-building")
    album.related_pages = [{"type": "page", "value": news.pk}]
    album.save_revision().publish()
    indonesian = client.get("/id/berita/gedung-baru/").text
    assert "Gedung perpustakaan" in indonesian
    english = client.get("/en/news/new-building/").text
    assert "Library building" in english and "Gedung perpustakaan" not in english


def test_album_queries_do_not_grow_with_the_photos(client, gallery, library, uncached_pages):
    image = sample_image()
    small = add_photos(GalleryPageFactory(parent=gallery, slug="kecil"), [image] * 5)
    large = add_photos(GalleryPageFactory(parent=gallery, slug="besar"), [image] * 60)
    for page in (small, large):
        client.get(page.url)  # renditions are made on the first view only
    assert count_queries(client, "/id/galeri/kecil/") == count_queries(client, "/id/galeri/besar/")
