import json
import re

import pytest

from local_content.models import District, first_year
from tests.local_content.conftest import add_item
from tests.queries import count_queries


@pytest.mark.parametrize(
    ("text", "year"),
    [("2014-08-26", 2014), ("1985", 1985), ("c. 1900", 1900), ("1980-1990", 1980), ("", None), ("abad ke-19", None)],
)
def test_first_year_of_free_dates(text, year):
    assert first_year(text) == year


def test_item_page_shows_dublin_core_in_both_languages(client, items):
    html = client.get("/id/koleksi-madura/km-btk-001/").text
    assert '<th scope="row">Pencipta</th><td>Tim Perpustakaan</td>' in html
    assert '<th scope="row">Tanggal</th><td>2013-09-05</td>' in html
    assert '<th scope="row">Jenis</th><td>Gambar</td>' in html
    assert 'href="/id/koleksi-madura/?subject=batik">Batik</a>' in html
    english = client.get("/en/madura-collection/km-btk-001/").text
    assert "<h1>Kawung batik motif</h1>" in english
    assert '<th scope="row">Creator</th><td>Tim Perpustakaan</td>' in english
    assert "Tim Perpustakaan. (2013-09-05). Kawung batik motif. Perpustakaan Umum." in english


def test_coverage_names_the_regency_only_when_known(client, collection):
    add_item(collection, title="Peta desa", slug="peta", coverage=District.objects.create(name="Pakong"))
    town = District.objects.create(name="Kota", regency="Sumenep")
    add_item(collection, title="Peta kota", slug="kota", coverage=town)
    assert '<th scope="row">Cakupan</th><td>Pakong</td>' in client.get("/id/koleksi-madura/peta/").text
    assert '<th scope="row">Cakupan</th><td>Kota, Sumenep</td>' in client.get("/id/koleksi-madura/kota/").text


def test_item_page_emits_schema_org_json_ld(client, items):
    html = client.get("/en/madura-collection/km-btk-001/").text
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "ImageObject" and data["name"] == "Kawung batik motif"
    assert data["creator"] == [{"@type": "Person", "name": "Tim Perpustakaan"}]
    assert data["identifier"] == "KM-BTK-001" and data["about"] == ["Batik"]
    assert data["url"] == "http://localhost/en/madura-collection/km-btk-001/"


def test_json_ld_cannot_break_out_of_its_script(client, collection):
    add_item(collection, title="Judul </script><script>alert(1)</script>", slug="bahaya")
    html = client.get("/id/koleksi-madura/bahaya/").text
    assert "<script>alert(1)" not in html


def facet(html, key_label):
    block = html[html.index(f">{key_label}</h2>") :]
    block = block[: block.index("</ul>")]
    return dict(re.findall(r">([^<>]+)</a> <span class=\"count\">\((\d+)\)</span>", block))


def test_facets_count_each_value_and_filter_as_links(client, items):
    html = client.get("/en/madura-collection/").text
    assert facet(html, "Type") == {"Sound": "2", "Image": "1"}
    assert facet(html, "Subject") == {"Batik": "2", "Oral history": "2"}
    assert facet(html, "Language") == {"Madurese": "2", "Indonesian": "1"}
    assert facet(html, "Period") == {"1980s": "1", "1990s": "1", "2010s": "1"}
    assert facet(html, "District") == {"Pakong": "2"}
    filtered = client.get("/en/madura-collection/", {"type": "Sound", "subject": "batik"}).text
    assert "Batik traders" in filtered and "Ibu Sulha" not in filtered and "1 item" in filtered
    assert facet(filtered, "Type") == {"Sound": "1"}


def test_facets_and_sorts_follow_each_publish_and_unpublish(client, items, collection, subjects, uncached_pages):
    # The items' facet values are kept per process until an item of the collection changes.
    assert facet(client.get("/id/koleksi-madura/").text, "Jenis") == {"Suara": "2", "Gambar": "1"}
    batik = [subjects["batik"]]
    new = add_item(collection, None, batik, title="arsip surat", dc_type="Text", date_text="1975", slug="surat")
    html = client.get("/id/koleksi-madura/").text
    assert facet(html, "Jenis") == {"Suara": "2", "Gambar": "1", "Teks": "1"}
    assert facet(html, "Subjek")["Batik"] == "3" and "4 item" in html
    # By title whatever the case of its first letter; by date, the oldest year first.
    by_title = client.get("/id/koleksi-madura/", {"sort": "title"}).text
    assert by_title.index("arsip surat") < by_title.index("Cerita Ibu Sulha") < by_title.index("Motif batik kawung")
    by_date = client.get("/id/koleksi-madura/", {"sort": "date"}).text
    assert by_date.index("arsip surat") < by_date.index("Pedagang batik")
    new.unpublish()
    html = client.get("/id/koleksi-madura/").text
    assert facet(html, "Jenis") == {"Suara": "2", "Gambar": "1"} and "arsip surat" not in html


def test_filters_show_a_renamed_subject_or_district_at_once(client, items, subjects):
    # Their names are kept per process until the next change to the site: a snippet saved is one.
    assert facet(client.get("/id/koleksi-madura/").text, "Kecamatan") == {"Pakong": "2"}
    pakong = District.objects.get(name="Pakong")
    pakong.name = "Pakong Timur"
    pakong.save()
    batik = subjects["batik"]
    batik.name = "Batik tulis"
    batik.save()
    html = client.get("/id/koleksi-madura/").text
    assert facet(html, "Kecamatan") == {"Pakong Timur": "2"}
    assert facet(html, "Subjek") == {"Batik tulis": "2", "Sejarah lisan": "2"}
    assert facet(client.get("/en/madura-collection/").text, "Subject") == {"Batik": "2", "Oral history": "2"}


def test_search_within_the_collection(client, items):
    html = client.get("/id/koleksi-madura/", {"q": "kawung"}).text
    assert "Motif batik kawung" in html and "Cerita Ibu Sulha" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"q": '"""'},
        {"q": "x" * 10000},
        {"decade": "abc"},
        {"district": "zz"},
        {"page": "-1"},
        {"sort": "drop table"},
        {"type": "Nope", "language": "<b>"},
    ],
)
def test_bad_browse_input_gives_a_page(client, items, params):
    assert client.get("/en/madura-collection/", params).status_code == 200


def test_sorting(client, items):
    by_date = client.get("/id/koleksi-madura/", {"sort": "date"}).text
    assert by_date.index("Pedagang batik") < by_date.index("Cerita Ibu Sulha") < by_date.index("Motif batik kawung")


def test_browse_queries_do_not_grow_with_the_collection(client, library, items, collection, subjects, uncached_pages):
    client.get("/id/koleksi-madura/")
    with_3 = count_queries(client, "/id/koleksi-madura/")
    for n in range(27):
        add_item(collection, [subjects["batik"]], title=f"Barang {n}", dc_type="Text", date_text=str(1950 + n))
    client.get("/id/koleksi-madura/")
    assert count_queries(client, "/id/koleksi-madura/") == with_3


def test_editors_get_a_duplicate_button_on_items(admin_client, items):
    response = admin_client.get(f"/admin/pages/{items[0].pk}/edit/")
    assert response.status_code == 200
    assert f'href="/admin/pages/{items[0].pk}/copy/"' in response.text
    assert "Duplicate item" in response.text or "Gandakan item" in response.text


def test_filtered_pages_list_the_right_items_in_order(client, collection, subjects):
    # 60 items; the Text ones of the 1980s with the batik subject, by title: every third, on two pages.
    for n in range(60):
        add_item(
            collection,
            None,
            [subjects["batik"]] if n % 2 == 0 else [],
            title=f"Barang {n:02d}",
            dc_type="Text" if n % 3 == 0 else "Sound",
            date_text=str(1980 + n % 10),
        )
    wanted = [f"Barang {n:02d}" for n in range(60) if n % 3 == 0 and n % 2 == 0]  # 10 items
    everything = [f"Barang {n:02d}" for n in range(60) if n % 3 == 0]  # 20 Text items
    params = {"type": "Text", "decade": "1980", "subject": "batik", "sort": "title"}
    html = client.get("/id/koleksi-madura/", params).text
    assert re.findall(r"Barang \d\d", html) == wanted and "10 item" in html
    assert facet(html, "Jenis") == {"Teks": "10"}
    first = re.findall(r"Barang \d\d", client.get("/id/koleksi-madura/", {"type": "Text", "sort": "title"}).text)
    assert first == everything
    # 24 to a page: the Sound items, 40, run over two pages, each item once.
    sound = [f"Barang {n:02d}" for n in range(60) if n % 3]
    page_1 = re.findall(r"Barang \d\d", client.get("/id/koleksi-madura/", {"type": "Sound"}).text)
    page_2 = re.findall(r"Barang \d\d", client.get("/id/koleksi-madura/", {"type": "Sound", "page": 2}).text)
    assert page_1 + page_2 == sound and len(page_2) == 16
    last = client.get("/id/koleksi-madura/", {"type": "Sound", "page": 999}).text
    assert re.findall(r"Barang \d\d", last) == page_2
    assert "0 item" in client.get("/id/koleksi-madura/", {"type": "Sound", "decade": "1990"}).text
