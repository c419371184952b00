import re
from datetime import date
from decimal import Decimal

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from programmes.charts import chart, nice_ceiling
from programmes.models import ProgrammeIndexPage, ProgrammePage, VillageLibraryIndexPage, VillageLibraryPage
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    VillageLibraryIndexPageFactory,
    VillageLibraryPageFactory,
    translate,
)
from tests.queries import count_queries


class ProgrammeTreeRulesTests(WagtailPageTestCase):
    def test_programmes_and_village_libraries_have_their_places(self):
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {ProgrammePage, VillageLibraryIndexPage})
        self.assertAllowedSubpageTypes(VillageLibraryIndexPage, {VillageLibraryPage})
        self.assertAllowedSubpageTypes(ProgrammePage, set())


def figure(label, value, unit="", year=2014, source="Perpusda"):
    return {
        "type": "figure",
        "value": {"label": label, "value": Decimal(value), "unit": unit, "year": year, "source": source},
    }


@pytest.fixture
def programme_index(home, locale_en):
    index = ProgrammeIndexPageFactory(parent=home)
    translate(index, locale_en, title="Programmes", slug="programmes")
    return index


@pytest.fixture
def perpuseru(programme_index, locale_en, library):
    funder = PartnerFactory(
        name="Coca-Cola Foundation Indonesia", description="Penyandang dana.", locale=programme_index.locale
    )
    funder_en = funder.copy_for_translation(locale_en)
    funder_en.description = "The funder."
    funder_en.save()
    report = get_document_model().objects.create(
        title="Laporan PerpuSeru 2014", file=ContentFile(b"%PDF-1.4 " + b"x" * 2048, name="laporan-2014.pdf")
    )
    chart_value = {
        "title": "Kapasitas internet",
        "description": "Naik dari 1 Mb menjadi 60 Mb.",
        "kind": "bar",
        "unit": "Mb",
        "points": [{"label": "Semula", "value": Decimal("1")}, {"label": "2014", "value": Decimal("60")}],
    }
    page = ProgrammePageFactory(
        parent=programme_index,
        title="PerpuSeru",
        slug="perpuseru",
        summary="Perpustakaan sebagai pusat belajar.",
        figures=[figure("perpustakaan mitra", "34"), figure("kapasitas internet", "60", "Mb")],
        charts=[{"type": "chart", "value": chart_value}],
        milestones=[
            {
                "type": "milestone",
                "value": {"date": date(2014, 8, 26), "title": "Penghargaan nasional", "text": "", "page": None},
            },
            {
                "type": "milestone",
                "value": {"date": date(2011, 10, 17), "title": "Peluncuran", "text": "", "page": None},
            },
        ],
        partners=[{"type": "partner", "value": funder.pk}],
        reports=[{"type": "report", "value": {"document": report.pk, "title": ""}}],
        goals=[{"type": "goal", "value": "Pusat belajar masyarakat"}],
    )
    translate(
        page,
        locale_en,
        title="PerpuSeru",
        slug="perpuseru",
        summary="Libraries as learning centres.",
        figures=[figure("partner libraries", "34"), figure("internet capacity", "60", "Mb")],
        charts=[
            {
                "type": "chart",
                "value": {**chart_value, "title": "Internet capacity", "description": "Rose from 1 Mb to 60 Mb."},
            }
        ],
    )
    return page


def test_programme_page_shows_figures_in_both_languages(client, perpuseru):
    indonesian = client.get("/id/program/perpuseru/").text
    assert '<dt class="figure__label">perpustakaan mitra</dt>' in indonesian
    assert '<dd class="figure__value">34</dd>' in indonesian
    assert '<dd class="figure__value">60 <span class="figure__unit">Mb</span></dd>' in indonesian
    assert "Sedang berjalan" in indonesian and "berlangsung" in indonesian
    english = client.get("/en/programmes/perpuseru/").text
    assert '<dt class="figure__label">partner libraries</dt>' in english
    assert "Ongoing" in english and "Impact in figures" in english


def test_chart_is_an_accessible_svg_with_a_data_table(client, perpuseru):
    html = client.get("/en/programmes/perpuseru/").text
    svg = re.search(r"<svg class=\"chart__svg\".*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "aria-labelledby=" in svg
    assert re.search(r"<title id=\"chart-[\w-]+-title\">Internet capacity</title>", svg)
    assert "<desc id=" in svg and "Rose from 1 Mb to 60 Mb." in svg
    assert svg.count("<rect ") == 2
    table = html[html.index('<details class="chart__data">') :]
    assert '<th scope="row">Semula</th><td>1</td>' in table and '<th scope="row">2014</th><td>60</td>' in table


def test_chart_geometry_scales_bars_to_a_nice_axis():
    assert nice_ceiling(60) == 100 and nice_ceiling(34) == 50 and nice_ceiling(3) == 5 and nice_ceiling(0) == 1
    drawn = chart([{"label": "Semula", "value": "1"}, {"label": "2014", "value": "60"}])
    low, high = drawn["marks"]
    assert high.bar_height == pytest.approx(0.6 * (drawn["baseline"] - 24), abs=0.2)
    assert low.bar_height < high.bar_height and high.y < low.y
    assert [tick["value"] for tick in drawn["ticks"]] == [0, 50, 100]


def test_timeline_is_in_date_order_and_reports_show_type_and_size(client, perpuseru):
    html = client.get("/id/program/perpuseru/").text
    assert html.index("Peluncuran") < html.index("Penghargaan nasional")
    assert re.search(r">Laporan PerpuSeru 2014</a> <span class=\"small\">\(PDF, 2[.,]\d\sKB\)", html)


def test_partners_are_shown_in_the_page_language(client, perpuseru):
    assert "Penyandang dana." in client.get("/id/program/perpuseru/").text
    english = client.get("/en/programmes/perpuseru/").text
    assert "The funder." in english and "Penyandang dana." not in english


def test_home_shows_the_partners_strip(client, perpuseru):
    html = client.get("/en/").text
    assert "Our partners" in html and "Coca-Cola Foundation Indonesia" in html


def test_news_linking_to_a_programme_appear_on_it_and_it_on_them(client, perpuseru, home, locale_en):
    news_index = NewsIndexPageFactory(parent=home)
    translate(news_index, locale_en, title="News", slug="news")
    news = NewsPageFactory(
        parent=news_index,
        title="Lima desa percontohan",
        slug="lima-desa",
        related_pages=[{"type": "page", "value": perpuseru.pk}],
    )
    translate(news, locale_en, title="Five pilot villages", slug="five-villages")
    NewsPageFactory(parent=news_index, title="Tidak terkait")
    programme = client.get("/id/program/perpuseru/").text
    assert "Lima desa percontohan" in programme and "Tidak terkait" not in programme
    assert "Five pilot villages" in client.get("/en/programmes/perpuseru/").text
    news_page = client.get("/en/news/five-villages/").text
    assert '<a href="/en/programmes/perpuseru/">PerpuSeru</a>' in news_page


def test_programme_queries_do_not_grow_with_related_news(client, perpuseru, home, locale_en, uncached_pages):
    news_index = NewsIndexPageFactory(parent=home)
    link = [{"type": "page", "value": perpuseru.pk}]
    for _ in range(3):
        NewsPageFactory(parent=news_index, related_pages=link)
    client.get("/id/program/perpuseru/")
    with_3 = count_queries(client, "/id/program/perpuseru/")
    for _ in range(27):
        NewsPageFactory(parent=news_index, related_pages=link)
    client.get("/id/program/perpuseru/")
    assert count_queries(client, "/id/program/perpuseru/") == with_3


def test_the_lists_of_a_programme_follow_each_publish(client, perpuseru, home, locale_en, uncached_pages):
    """What links to a programme is kept per process with the page: a publish shows at once."""
    news_index = NewsIndexPageFactory(parent=home)
    village_index = VillageLibraryIndexPageFactory(parent=perpuseru.get_parent())
    assert "Sepuluh desa baru" not in client.get("/id/program/perpuseru/").text
    news = NewsPageFactory(parent=news_index, title="Sepuluh desa", live=False)
    news.related_pages = [{"type": "page", "value": perpuseru.pk}]
    news.title = "Sepuluh desa baru"
    news.save_revision().publish()
    library = VillageLibraryPageFactory(parent=village_index, title="Perpustakaan Desa Larangan", live=False)
    library.programme = perpuseru
    library.save_revision().publish()
    html = client.get("/id/program/perpuseru/").text
    assert "Sepuluh desa baru" in html and "Perpustakaan Desa Larangan" in html
    perpuseru.milestones = [
        {"type": "milestone", "value": {"date": date(2015, 1, 5), "title": "Desa baru", "text": "", "page": news.pk}}
    ]
    perpuseru.save_revision().publish()
    assert '<a href="/id/berita/' + news.slug + '/"' in client.get("/id/program/perpuseru/").text
    news.title = "Sebelas desa baru"
    news.save_revision().publish()
    library.refresh_from_db()
    library.unpublish()
    html = client.get("/id/program/perpuseru/").text
    assert "Sebelas desa baru" in html and "Sepuluh desa baru" not in html
    assert "Perpustakaan Desa Larangan" not in html


def test_a_preview_shows_the_timeline_as_edited(client, perpuseru, home, uncached_pages):
    assert "Desa baru" not in client.get("/id/program/perpuseru/").text  # the live page's lists, kept
    perpuseru.milestones = [
        {"type": "milestone", "value": {"date": date(2015, 1, 5), "title": "Desa baru", "text": "", "page": home.pk}}
    ]
    preview = perpuseru.make_preview_request()
    assert preview.status_code == 200 and "Desa baru" in preview.content.decode()
    assert "Desa baru" not in client.get("/id/program/perpuseru/").text


@pytest.fixture
def villages(programme_index, perpuseru, locale_en):
    index = VillageLibraryIndexPageFactory(parent=programme_index)
    translate(index, locale_en, title="Village libraries", slug="village-libraries")
    places = [
        ("Bajang", "Pakong", "-7.045", "113.560"),
        ("Modung", "Galis", "-7.190", "113.585"),
        ("Bunder", "Pademawu", "-7.215", "113.515"),
    ]
    pages = []
    for village, district, lat, lon in places:
        page = VillageLibraryPageFactory(
            parent=index,
            title=f"Perpustakaan Desa {village}",
            slug=village.lower(),
            village=village,
            district=district,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            computers=3,
            internet=True,
            programme=perpuseru,
        )
        translate(page, locale_en, title=f"{village} village library", slug=village.lower())
        pages.append(page)
    return pages


def test_village_index_filters_by_district_and_draws_the_overview(client, villages):
    html = client.get("/en/programmes/village-libraries/").text
    assert html.count("<circle ") == 3
    assert "Bajang village library" in html and "3 computers" in html
    galis = client.get("/en/programmes/village-libraries/", {"district": "Galis"}).text
    assert "Modung village library" in galis and "Bajang village library" not in galis
    assert client.get("/en/programmes/village-libraries/", {"district": "<script>", "page": "x"}).status_code == 200


def test_village_page_links_to_openstreetmap_and_its_programme(client, villages):
    html = client.get("/id/program/perpustakaan-desa/bajang/").text
    assert "https://www.openstreetmap.org/?mlat=-7.045000&amp;mlon=113.560000" in html
    assert '<a href="/id/program/perpuseru/">PerpuSeru</a>' in html
    assert "3 komputer" in html
    programme = client.get("/en/programmes/perpuseru/").text
    assert "Bajang village library" in programme


def test_village_page_links_to_its_programme_in_its_language_and_not_when_unpublished(client, villages, perpuseru):
    html = client.get("/en/programmes/village-libraries/bajang/").text
    assert '<a href="/en/programmes/perpuseru/">PerpuSeru</a>' in html
    assert "News from this village" not in html  # no news links to it
    for version in ProgrammePage.objects.filter(translation_key=perpuseru.translation_key):
        version.unpublish()
    response = client.get("/id/program/perpustakaan-desa/bajang/")
    assert response.status_code == 200
    assert "/id/program/perpuseru/" not in response.text and "3 komputer" in response.text
