from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine

from tests.factories import EventPageFactory, translate

JAKARTA = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=JAKARTA)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def events(event_index, locale_en, library):
    course = EventPageFactory(
        parent=event_index,
        title="Pelatihan komputer",
        slug="pelatihan-komputer",
        start=datetime(2026, 12, 5, 8, 0, tzinfo=JAKARTA),
        end=datetime(2026, 12, 8, 12, 0, tzinfo=JAKARTA),
        organiser="Perpustakaan",
    )
    translate(course, locale_en, title="Computer course", slug="computer-course", summary="Four mornings.")
    workshop = EventPageFactory(
        parent=event_index,
        title="Lokakarya batik",
        slug="lokakarya-batik",
        start=datetime(2026, 12, 30, 0, 0, tzinfo=JAKARTA),
        all_day=True,
        venue="Aula lantai 2",
    )
    translate(workshop, locale_en, title="Batik workshop", slug="batik-workshop")
    seminar = EventPageFactory(
        parent=event_index,
        title="Seminar pemasaran digital",
        slug="seminar",
        start=datetime(2013, 6, 15, 8, 30, tzinfo=JAKARTA),
        end=datetime(2013, 6, 15, 14, 0, tzinfo=JAKARTA),
    )
    translate(seminar, locale_en, title="Digital marketing seminar", slug="seminar")
    return course, workshop, seminar


def test_index_shows_upcoming_events_soonest_first_and_past_apart(client, events):
    upcoming = client.get("/id/agenda/").text
    assert upcoming.index("Pelatihan komputer") < upcoming.index("Lokakarya batik")
    assert "Seminar pemasaran digital" not in upcoming
    past = client.get("/id/agenda/", {"past": "1"}).text
    assert "Seminar pemasaran digital" in past and "Pelatihan komputer" not in past
    english = client.get("/en/events/").text
    assert "Computer course" in english and "Upcoming events" in english


def test_event_page_shows_when_and_where_in_both_languages(client, events):
    indonesian = client.get("/id/agenda/pelatihan-komputer/").text
    assert "Sabtu, 5 Desember 2026" in indonesian and "Selasa, 8 Desember 2026" in indonesian
    assert "08.00–12.00 WIB" in indonesian
    assert "Perpustakaan Umum Kabupaten Uji" in indonesian  # no venue: the library itself
    assert "Tambahkan ke kalender" in indonesian
    english = client.get("/en/events/computer-course/").text
    assert "Saturday, 5 December 2026" in english and "08:00–12:00 WIB" in english
    assert "Free entry" in english


def test_all_day_event_shows_no_times(client, events):
    html = client.get("/en/events/batik-workshop/").text
    assert "Wednesday, 30 December 2026" in html and "WIB" not in html
    assert "Aula lantai 2" in html


def test_past_event_says_it_has_ended(client, events):
    html = client.get("/en/events/seminar/").text
    assert "This event has ended." in html
    assert "Add to calendar" not in html


def test_event_ics_parses_with_jakarta_times(client, events):
    response = client.get("/id/agenda/pelatihan-komputer/ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="pelatihan-komputer.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Pelatihan komputer"
    assert event.decoded("dtstart") == datetime(2026, 12, 5, 8, 0, tzinfo=JAKARTA)
    assert event.decoded("dtstart").tzinfo.key == "Asia/Jakarta"
    assert event.decoded("dtend") == datetime(2026, 12, 8, 12, 0, tzinfo=JAKARTA)
    assert str(event["url"]) == "http://localhost/id/agenda/pelatihan-komputer/"
    assert "Perpustakaan Umum Kabupaten Uji" in str(event["location"])
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Asia/Jakarta"


def test_all_day_event_ics_uses_dates(client, events):
    calendar = icalendar.Calendar.from_ical(client.get("/en/events/batik-workshop/ics/").content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 12, 30).date()
    assert event.decoded("dtend") == datetime(2026, 12, 31).date()


def test_section_calendar_feed_lists_only_upcoming_events(client, events):
    response = client.get("/en/events/ical/")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    titles = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert titles == ["Computer course", "Batik workshop"]
    uids = {str(event["uid"]) for event in calendar.walk("VEVENT")}
    assert len(uids) == 2


def test_event_ending_before_it_starts_is_refused(event_index):
    from django.core.exceptions import ValidationError

    event = EventPageFactory.build(title="Salah", slug="salah", start=NOW, end=NOW - timedelta(hours=1), summary="x")
    with pytest.raises(ValidationError):
        event.full_clean()
