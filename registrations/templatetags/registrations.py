"""The registration box of an event page: seats left and the way to the form. The event page's
template loads it, so that the news app never imports this one."""

from django import template
from django.conf import settings

from portal.generation import shows_token
from registrations import counts, seats

register = template.Library()


@register.inclusion_tag("registrations/box.html")
def registration_box(page):
    return {"event": page, "state": seats.availability(page)}


@register.simple_tag
def retention_days():
    return settings.REGISTRATION_RETENTION_DAYS


@register.inclusion_tag("registrations/programme_counts.html", takes_context=True)
def programme_counts(context, programme):
    """A programme's people, year by year: drawn from the registrations of its events (kept as
    counts after their personal data is deleted), not typed by an editor."""
    if "request" in context:
        shows_token(context["request"], counts.TOKEN)
    return {"years": counts.programme_counts(programme)}
