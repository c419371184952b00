from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from portal.hours import WeeklyHours
from portal.models import OpeningPeriod

JAKARTA = ZoneInfo("Asia/Jakarta")


def at(day, hour, minute=0):
    """A moment in Jakarta in the week of Monday 23 November 2026 (day 0 = Monday)."""
    return datetime(2026, 11, 23 + day, hour, minute, tzinfo=JAKARTA)


@pytest.fixture
def hours():
    periods = [OpeningPeriod(weekday=day, opens=time(7, 30), closes=time(15, 30)) for day in range(4)]
    periods += [
        OpeningPeriod(weekday=4, opens=time(7, 30), closes=time(11, 0)),
        OpeningPeriod(weekday=4, opens=time(13, 0), closes=time(15, 0)),
    ]
    return WeeklyHours(periods)


def test_open_during_a_period(hours):
    status = hours.status(at(0, 9))
    assert status.is_open and status.until == time(15, 30)


def test_closed_before_opening_opens_later_today(hours):
    status = hours.status(at(1, 6, 59))
    assert not status.is_open and status.until == time(7, 30) and status.next_day is None


def test_friday_break_reopens_after_prayers(hours):
    status = hours.status(at(4, 11, 30))
    assert not status.is_open and status.until == time(13, 0)


def test_closing_time_itself_is_closed(hours):
    assert not hours.status(at(0, 15, 30)).is_open


def test_weekend_points_to_monday(hours):
    status = hours.status(at(5, 10))
    assert not status.is_open and status.next_day == 0 and status.until == time(7, 30)


def test_no_hours_at_all_is_closed_with_no_next_opening():
    status = WeeklyHours([]).status(at(0, 9))
    assert not status.is_open and status.until is None


def test_status_uses_jakarta_time_not_utc(hours):
    # 01:00 UTC on Monday is 08:00 in Jakarta: open.
    assert hours.status(datetime(2026, 11, 23, 1, 0, tzinfo=ZoneInfo("UTC"))).is_open


def test_site_shows_open_now_in_both_languages(client, library):
    with time_machine.travel(at(2, 10), tick=False):
        indonesian = client.get("/id/").text
        english = client.get("/en/").text
    assert "Buka sekarang" in indonesian and "tutup pukul 15.30" in indonesian
    assert "Open now" in english and "closes at 15:30" in english


def test_site_shows_closed_now_and_next_opening(client, library):
    with time_machine.travel(at(6, 20), tick=False):
        indonesian = client.get("/id/").text
        english = client.get("/en/").text
    assert "Tutup sekarang" in indonesian and "buka Senin pukul 07.30" in indonesian
    assert "Closed now" in english and "opens Monday at 07:30" in english


def test_today_is_highlighted_in_the_hours_table(client, library):
    with time_machine.travel(at(4, 9), tick=False):
        html = client.get("/en/").text
    assert '<tr class="hours__today">\n      <th scope="row">Friday' in html
    assert "07:30–11:00, 13:00–15:00" in html
