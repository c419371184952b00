"""Opening hours and the "open now" line, computed in the site's time zone.

The weekly hours hold unless a special schedule (Ramadan hours, a holiday, a closure) covers the
date: then its periods, or none when it is closed, replace that day's weekly periods."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.dates import WEEKDAYS

# How far ahead "closed now" looks for the next opening: past a long closure, but not forever.
LOOKAHEAD_DAYS = 62


@dataclass(frozen=True)
class Status:
    is_open: bool
    # When open: closing time today. When closed: the next opening, or None if there is none.
    until: time | None = None
    next_date: date | None = None  # day of the next opening, None when it is today
    today: date | None = None
    special: object = None  # the special schedule in force today, if any

    @property
    def next_day_name(self):
        return WEEKDAYS[self.next_date.weekday()] if self.next_date else ""

    @property
    def next_within_a_week(self):
        return self.next_date is not None and (self.next_date - self.today).days < 7


@dataclass(frozen=True)
class Day:
    weekday: int
    name: str
    periods: list
    is_today: bool


class OpeningHours:
    def __init__(self, periods, special_schedules=()):
        self.by_day = {day: [] for day in range(7)}
        for period in sorted(periods, key=lambda p: (p.weekday, p.opens)):
            self.by_day[period.weekday].append((period.opens, period.closes))
        # Later starts first, so a one-day holiday inside Ramadan wins over Ramadan hours.
        self.special = sorted(special_schedules, key=lambda s: s.starts_on, reverse=True)

    def __bool__(self):
        return any(self.by_day.values()) or bool(self.special)

    def days(self, now=None):
        """The regular week, Monday first, with today marked."""
        today = timezone.localtime(now).weekday()
        return [Day(day, WEEKDAYS[day], self.by_day[day], day == today) for day in range(7)]

    def special_on(self, day):
        return next((s for s in self.special if s.starts_on <= day <= s.ends_on), None)

    def periods_on(self, day):
        special = self.special_on(day)
        if special is None:
            return self.by_day[day.weekday()]
        if special.closed:
            return []
        periods = [p for p in special.periods.all() if p.weekday is None or p.weekday == day.weekday()]
        return sorted((p.opens, p.closes) for p in periods)

    def status(self, now=None):
        now = timezone.localtime(now)
        today, clock = now.date(), now.time().replace(tzinfo=None)
        base = {"today": today, "special": self.special_on(today)}
        periods = self.periods_on(today)
        for opens, closes in periods:
            if opens <= clock < closes:
                return Status(True, until=closes, **base)
        later_today = [opens for opens, _ in periods if opens > clock]
        if later_today:
            return Status(False, until=later_today[0], **base)
        for offset in range(1, LOOKAHEAD_DAYS):
            day = today + timedelta(days=offset)
            periods = self.periods_on(day)
            if periods:
                return Status(False, until=periods[0][0], next_date=day, **base)
        return Status(False, **base)

    def specification(self):
        """schema.org OpeningHoursSpecification: the weekly hours, then each special schedule with
        its dates (a closed day is opens = closes = 00:00, as schema.org asks)."""
        specs = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day]}",
                "opens": f"{opens:%H:%M}",
                "closes": f"{closes:%H:%M}",
            }
            for day, periods in self.by_day.items()
            for opens, closes in periods
        ]
        for special in sorted(self.special, key=lambda s: s.starts_on):
            dates = {"validFrom": special.starts_on.isoformat(), "validThrough": special.ends_on.isoformat()}
            periods = [] if special.closed else list(special.periods.all())
            if not periods:
                specs.append({"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00", **dates})
            for period in periods:
                days = [period.weekday] if period.weekday is not None else range(7)
                specs.append(
                    {
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[day]}" for day in days],
                        "opens": f"{period.opens:%H:%M}",
                        "closes": f"{period.closes:%H:%M}",
                        **dates,
                    }
                )
        return specs

    def as_json(self, now=None):
        """The hours for programs and apps: the regular week, special schedules, and right now."""
        now = timezone.localtime(now)
        status = self.status(now)
        return {
            "timezone": str(now.tzinfo),
            "now": now.isoformat(timespec="seconds"),
            "open_now": status.is_open,
            "closes_at" if status.is_open else "next_opening": self._moment(status, now),
            "weekly": [
                {"day": SCHEMA_DAYS[day.weekday].lower(), "name": str(day.name), "periods": _periods(day.periods)}
                for day in self.days(now)
            ],
            "special": [
                {
                    "name": special.name,
                    "from": special.starts_on.isoformat(),
                    "until": special.ends_on.isoformat(),
                    "closed": special.closed,
                    "note": special.note,
                    "periods": [
                        {
                            "day": SCHEMA_DAYS[period.weekday].lower() if period.weekday is not None else None,
                            **_periods([(period.opens, period.closes)])[0],
                        }
                        for period in ([] if special.closed else special.periods.all())
                    ],
                }
                for special in sorted(self.special, key=lambda s: s.starts_on)
            ],
        }

    @staticmethod
    def _moment(status, now):
        if status.until is None:
            return None
        day = status.next_date or now.date()
        return datetime.combine(day, status.until, tzinfo=now.tzinfo).isoformat(timespec="minutes")


def _periods(periods):
    return [{"opens": f"{opens:%H:%M}", "closes": f"{closes:%H:%M}"} for opens, closes in periods]


SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
