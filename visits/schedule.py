"""When a group may come: on a day the library is open, starting while it is open and early
enough for a visit before it closes (weekly hours and special schedules: portal/hours.py)."""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.text import get_text_list
from django.utils.translation import gettext

from portal.i18n import active_locale
from portal.models import LibrarySettings

# A visit (a tour, a story, time to read) takes about this long: it starts no later than this
# before closing.
VISIT_LENGTH = timedelta(hours=1)
# Requests come at least a day ahead, and not further ahead than the library plans.
BOOKING_HORIZON = timedelta(days=365)


def library_hours(request):
    """The site's weekly hours with the special schedules from today on, named in the active language."""
    settings = LibrarySettings.for_request(request)
    return settings.opening_hours_for(active_locale(), timezone.localdate())


def long_date(day):
    return f"{date_format(day, 'l')}, {date_format(day)}"


def refusal(hours, day, start):
    """Why a visit cannot start on `day` at `start`, in the active language, or None when it can."""
    today = timezone.localdate()
    if day <= today:
        return gettext("Please choose a date from tomorrow on.")
    if day > today + BOOKING_HORIZON:
        return gettext("Please choose a date within the next twelve months.")
    periods = hours.periods_on(day)
    if not periods:
        special = hours.special_on(day)
        if special is not None:
            return gettext("The library is closed on %(date)s (%(reason)s). Please choose another day.") % {
                "date": long_date(day),
                "reason": special.name,
            }
        return gettext("The library is closed on %(date)s. Please choose another day.") % {"date": long_date(day)}
    latest = [(datetime.combine(day, closes) - VISIT_LENGTH).time() for _opens, closes in periods]
    if any(opens <= start <= last for (opens, _closes), last in zip(periods, latest, strict=True)):
        return None
    open_hours = [f"{time_format(opens)}–{time_format(closes)}" for opens, closes in periods]
    return gettext(
        "On %(date)s the library is open %(hours)s. Please choose a time when it is open, "
        "at least an hour before it closes."
    ) % {"date": long_date(day), "hours": get_text_list(open_hours, gettext("and"))}
