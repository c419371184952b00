"""E-mail to registrants, each in the language they registered in. Sent through Django's mail, so
with SMTP set up they are kept in the outbox first (django-post-office) and nothing is lost while
the mail server is down; a message that cannot be handed over is logged, the registration stays."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from news import calendars

logger = logging.getLogger(__name__)

SUBJECTS = {
    "confirmed": _("You are registered: %(title)s"),
    "waitlisted": _("You are on the waitlist: %(title)s"),
    "promoted": _("A seat is yours: %(title)s"),
    "reminder": _("Tomorrow: %(title)s"),
}


def event_in(registration, language):
    locale = Locale.objects.filter(language_code=language).first()
    translated = registration.event.get_translation_or_none(locale) if locale else None
    return (translated or registration.event).specific


def send(registration, kind, request=None):
    """`kind`: confirmed, waitlisted, promoted or reminder. With a request, the event's .ics is attached."""
    if not registration.email:
        return
    with translation.override(registration.language):
        event = event_in(registration, registration.language)
        base = request.build_absolute_uri("/")[:-1] if request else settings.WAGTAILADMIN_BASE_URL
        context = {
            "registration": registration,
            "event": event,
            "event_url": base + event.url if event.url else "",
            "cancel_url": base + reverse("registrations:cancel", args=[registration.token]),
            "retention_days": settings.REGISTRATION_RETENTION_DAYS,
        }
        subject = str(SUBJECTS[kind]) % {"title": event.title}
        message = EmailMessage(subject, render_to_string("registrations/email/message.txt", {**context, "kind": kind}))
        message.to = [registration.email]
        if request is not None and kind != "waitlisted":
            calendar = calendars.calendar_of([event], request, name=event.title)
            message.attach(f"{slugify(event.slug) or 'event'}.ics", calendar.to_ical(), "text/calendar")
    try:
        message.send()
    except OSError:  # smtplib's errors included
        logger.exception("Registration %s is stored but its %s e-mail could not be sent", registration.pk, kind)
