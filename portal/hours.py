"""Weekly opening hours and the "open now" line, computed in the site's time zone."""

from dataclasses import dataclass
from datetime import time

from django.utils import timezone
from django.utils.dates import WEEKDAYS


@dataclass(frozen=True)
class Status:
    is_open: bool
    # When open: closing time today. When closed: the next opening, or None if there is none.
    until: time | None = None
    next_day: int | None = None  # weekday of the next opening, None when it is today

    @property
    def next_day_name(self):
        return WEEKDAYS[self.next_day] if self.next_day is not None else ""


@dataclass(frozen=True)
class Day:
    weekday: int
    name: str
    periods: list
    is_today: bool


class WeeklyHours:
    def __init__(self, periods):
        self.by_day = {day: [] for day in range(7)}
        for period in sorted(periods, key=lambda p: (p.weekday, p.opens)):
            self.by_day[period.weekday].append((period.opens, period.closes))

    def __bool__(self):
        return any(self.by_day.values())

    def days(self, now=None):
        today = timezone.localtime(now).weekday()
        return [Day(day, WEEKDAYS[day], self.by_day[day], day == today) for day in range(7)]

    def status(self, now=None):
        now = timezone.localtime(now)
        today, clock = now.weekday(), now.time().replace(tzinfo=None)
        for opens, closes in self.by_day[today]:
            if opens <= clock < closes:
                return Status(True, until=closes)
        later_today = [opens for opens, _ in self.by_day[today] if opens > clock]
        if later_today:
            return Status(False, until=later_today[0])
        for offset in range(1, 8):
            day = (today + offset) % 7
            if self.by_day[day]:
                return Status(False, until=self.by_day[day][0][0], next_day=day)
        return Status(False)
