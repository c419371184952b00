"""The registration box of an event page: seats left and the way to the form. The event page's
template loads it, so that the news app never imports this one."""

from django import template
from django.conf import settings

from registrations import seats

register = template.Library()


@register.inclusion_tag("registrations/box.html")
def registration_box(page):
    return {"event": page, "state": seats.availability(page)}


@register.simple_tag
def retention_days():
    return settings.REGISTRATION_RETENTION_DAYS
