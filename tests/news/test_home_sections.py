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


def test_editor_slides_link_in_the_visitor_language_and_drop_what_is_gone(client, home, news_index, locale_en, library):
    image, gone = sample_image(), sample_image()
    news = NewsPageFactory(parent=news_index, title="Pameran", slug="pameran")
    translate(news, locale_en, title="Exhibition", slug="exhibition")
    hidden = NewsPageFactory(parent=news_index, title="Rahasia", slug="rahasia")

    def slide(title, picture, page):
        value = {"image": {"image": picture.pk, "alt_text": f"Foto {title}", "decorative": False}}
        return {"type": "slide", "value": {**value, "title": title, "caption": "", "page": page.pk}}

    english_home = home.get_translation(locale_en)  # the slides as synchronised: the Indonesian pages chosen
    english_home.featured = [slide("Book fair", image, news), slide("Closed", image, hidden), slide("Gone", gone, news)]
    english_home.save_revision().publish()
    hidden.unpublish()
    gone.delete()
    english = client.get("/en/").text.split("carousel__track")[1].split("</section>")[0]
    assert '<a href="/en/news/exhibition/">Book fair</a>' in english
    assert ">Closed</h2>" in english and "rahasia" not in english  # shown, no longer a link
    assert "Gone" not in english
    assert 'aria-label="1 of 2"' in english
