"""iCalendar (.ics) for one event or the upcoming events of a section, in Asia/Jakarta time."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Locale

from portal.models import LibrarySettings


def calendar_of(events, request, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Library portal//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    tz = ZoneInfo(settings.TIME_ZONE)
    profile = LibrarySettings.for_request(request).localized_profile(Locale.get_active())
    at_library = ", ".join(" ".join(part.split()) for part in (profile.name, profile.address)) if profile else ""
    for event in events:
        calendar.add_component(_event(event, request, tz, at_library))
    calendar.add_missing_timezones()
    return calendar


def _event(event, request, tz, at_library):
    entry = icalendar.Event()
    entry.add("uid", f"{event.translation_key}-{get_language()}@{request.get_host().split(':')[0]}")
    entry.add("summary", event.title)
    entry.add("description", event.summary)
    entry.add("url", event.get_full_url(request))
    entry.add("dtstamp", event.last_published_at or timezone.now())
    start = timezone.localtime(event.start, tz)
    if event.all_day:
        end = timezone.localtime(event.end, tz) if event.end else start
        entry.add("dtstart", start.date())
        entry.add("dtend", end.date() + timedelta(days=1))  # DTEND of a date is exclusive
    else:
        entry.add("dtstart", start)
        entry.add("dtend", timezone.localtime(event.end, tz) if event.end else start + timedelta(hours=1))
    location = ", ".join(part for part in (event.venue, " ".join(event.address.split())) if part) or at_library
    if location:
        entry.add("location", location)
    return entry


def response(calendar, filename, attachment):
    reply = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    reply["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return reply
