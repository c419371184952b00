from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from portal.hours import OpeningHours
from portal.models import OpeningPeriod, SpecialPeriod, SpecialSchedule

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
    return OpeningHours(periods)


def test_open_during_a_period(hours):
    status = hours.status(at(0, 9))
    assert status.is_open and status.until == time(15, 30)


def test_closed_before_opening_opens_later_today(hours):
    status = hours.status(at(1, 6, 59))
    assert not status.is_open and status.until == time(7, 30) and status.next_date is None


def test_friday_break_reopens_after_prayers(hours):
    status = hours.status(at(4, 11, 30))
    assert not status.is_open and status.until == time(13, 0)


def test_closing_time_itself_is_closed(hours):
    assert not hours.status(at(0, 15, 30)).is_open


def test_weekend_points_to_monday(hours):
    status = hours.status(at(5, 10))
    assert not status.is_open and status.next_date == date(2026, 11, 30) and status.until == time(7, 30)


def test_no_hours_at_all_is_closed_with_no_next_opening():
    status = OpeningHours([]).status(at(0, 9))
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


def footer(html):
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


def test_the_footer_kept_between_changes_still_follows_the_clock(client, library, uncached_pages):
    """The footer is rendered once per language and state of the library until the next change
    (portal_tags.shared_fragment), not once for ever: the hour and the day still show."""
    moments = {"morning": at(2, 10), "evening": at(2, 20), "next day": at(3, 10)}
    shown = {}
    for name, moment in moments.items():
        with time_machine.travel(moment, tick=False):
            shown[name] = footer(client.get("/en/").text)
    assert "Open now" in shown["morning"] and "closes at 15:30" in shown["morning"]
    assert "Closed now" in shown["evening"] and "opens Thursday at 07:30" in shown["evening"]
    assert '<tr class="hours__today">\n      <th scope="row">Wednesday' in shown["morning"]
    assert '<tr class="hours__today">\n      <th scope="row">Thursday' in shown["next day"]


def special(name, starts, ends, closed=False, periods=(), locale=None):
    """A special schedule saved with its periods: (weekday or None, opens, closes)."""
    schedule = SpecialSchedule(name=name, starts_on=starts, ends_on=ends, closed=closed)
    if locale is not None:
        schedule.locale = locale
    schedule.periods = [SpecialPeriod(weekday=day, opens=opens, closes=closes) for day, opens, closes in periods]
    schedule.save()
    return schedule


RAMADAN = (date(2026, 11, 23), date(2026, 11, 29))


@pytest.mark.django_db
def test_special_hours_replace_the_weekly_ones_on_their_dates(hours):
    ramadan = special("Ramadan", *RAMADAN, periods=[(None, time(8), time(13)), (4, time(8), time(11))])
    hours = OpeningHours(hours_periods(), [ramadan])
    assert hours.status(at(0, 14)).is_open is False  # 14:00 on Monday: closed during Ramadan
    status = hours.status(at(0, 9))
    assert status.is_open and status.until == time(13) and status.special == ramadan
    assert hours.periods_on(date(2026, 11, 27)) == [(time(8), time(11)), (time(8), time(13))]
    # The week after, the weekly hours are back.
    assert hours.status(datetime(2026, 11, 30, 14, tzinfo=JAKARTA)).is_open


@pytest.mark.django_db
def test_a_holiday_inside_ramadan_wins_and_closes_the_library(hours):
    ramadan = special("Ramadan", *RAMADAN, periods=[(None, time(8), time(13))])
    holiday = special("Hari libur", date(2026, 11, 24), date(2026, 11, 24), closed=True)
    hours = OpeningHours(hours_periods(), [ramadan, holiday])
    status = hours.status(at(1, 9))
    assert not status.is_open and status.special == holiday
    assert status.next_date == date(2026, 11, 25) and status.until == time(8)


@pytest.mark.django_db
def test_after_a_long_closure_the_next_opening_is_a_date(hours):
    closure = special("Renovasi", date(2026, 11, 23), date(2026, 12, 20), closed=True)
    status = OpeningHours(hours_periods(), [closure]).status(at(0, 9))
    assert not status.is_open and status.next_date == date(2026, 12, 21)
    assert not status.next_within_a_week


def hours_periods():
    periods = [OpeningPeriod(weekday=day, opens=time(7, 30), closes=time(15, 30)) for day in range(4)]
    return periods + [OpeningPeriod(weekday=4, opens=time(7, 30), closes=time(11, 0))]


def test_site_shows_special_hours_in_both_languages(client, library, locale_en):
    ramadan = special("Jam Ramadan", *RAMADAN, periods=[(None, time(8), time(13))])
    english = ramadan.copy_for_translation(locale_en)
    english.name = "Ramadan hours"
    english.save()
    with time_machine.travel(at(0, 14), tick=False):
        indonesian = client.get("/id/").text
        english = client.get("/en/").text
    assert "Tutup sekarang" in indonesian and "Hari ini: Jam Ramadan" in indonesian
    assert "Closed now" in english and "Today: Ramadan hours" in english
    assert "opens Tuesday at 08:00" in english
    assert "Special opening hours" in english and "23 November 2026 – 29 November 2026" in english


def test_untranslated_special_hours_show_in_indonesian_on_english_pages(client, library):
    special("Libur Natal", date(2026, 12, 25), date(2026, 12, 25), closed=True)
    with time_machine.travel(at(0, 9), tick=False):
        english = client.get("/en/").text
    assert "Libur Natal" in english and "25 December 2026" in english


def test_a_long_closure_names_the_date_of_reopening(client, library):
    special("Renovasi", date(2026, 11, 23), date(2026, 12, 20), closed=True)
    with time_machine.travel(at(0, 9), tick=False):
        indonesian = client.get("/id/").text
    assert "buka pada 21 Desember 2026 pukul 07.30" in indonesian


def test_ended_schedules_are_not_shown(client, library):
    special("Libur lama", date(2026, 1, 1), date(2026, 1, 2), closed=True)
    with time_machine.travel(at(0, 9), tick=False):
        assert "Libur lama" not in client.get("/id/").text
