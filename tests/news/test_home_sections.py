from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from tests.factories import EventPageFactory, NewsPageFactory, translate
from tests.portal.images import sample_image


def test_home_shows_latest_three_news_and_next_three_events(client, news_index, event_index, library):
    for day in range(1, 6):
        NewsPageFactory(parent=news_index, title=f"Berita tanggal {day}", date=date(2015, 2, day))
    soon = timezone.now() + timedelta(days=1)
    for n in range(4):
        EventPageFactory(parent=event_index, title=f"Acara ke-{n}", start=soon + timedelta(days=n))
    EventPageFactory(parent=event_index, title="Acara lama", start=datetime(2013, 6, 15, tzinfo=ZoneInfo("UTC")))
    html = client.get("/id/").text
    assert "Berita terbaru" in html and "Agenda mendatang" in html
    assert [f"Berita tanggal {day}" in html for day in (5, 4, 3, 2)] == [True, True, True, False]
    assert [f"Acara ke-{n}" in html for n in range(4)] == [True, True, True, False]
    assert "Acara lama" not in html
    assert 'href="/id/berita/">Semua berita' in html


def test_home_sections_are_absent_when_empty(client, home, library):
    html = client.get("/en/").text
    assert "Latest news" not in html and "Upcoming events" not in html


def test_featured_news_joins_the_carousel_in_its_language(client, news_index, locale_en, library):
    image = sample_image()
    page = NewsPageFactory(
        parent=news_index,
        title="Penghargaan",
        slug="penghargaan",
        lead_image=image,
        lead_image_alt="Piala emas",
        feature_on_home=True,
    )
    translate(page, locale_en, title="Award", slug="award", lead_image_alt="Golden cup")
    NewsPageFactory(parent=news_index, title="Biasa saja", lead_image=image, lead_image_alt="Foto")
    english = client.get("/en/").text
    assert '<a href="/en/news/award/">Award</a>' in english
    assert 'alt="Golden cup"' in english
    assert "Biasa saja" not in english.split("carousel__track")[1].split("</section>")[0]
