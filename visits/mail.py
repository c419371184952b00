"""The e-mails of a visit request: the acknowledgement and each answer, to the requester in the
language they asked in; a note to the library's contact form recipients for each new request. Sent
like every mail of the site: through the outbox (django-post-office) when a mail server is set, and
a mail server that is down loses nothing, the request being stored first."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.formats import time_format
from django.utils.translation import gettext, ngettext

from wagtail.models import Locale

from .models import VisitRequest
from .schedule import long_date

logger = logging.getLogger(__name__)


def send(message, visit):
    try:
        message.send()
    except OSError:  # smtplib's errors included: the request and the answer stand
        logger.exception("Visit request %s is stored but could not be e-mailed", visit.pk)


def library_name(library, language):
    profile = library.localized_profile(Locale.objects.filter(language_code=language).first())
    return profile.name if profile else str(settings.WAGTAIL_SITE_NAME)


def visit_lines(visit):
    size = ngettext("%(count)d person", "%(count)d people", visit.group_size) % {"count": visit.group_size}
    return "\n".join(
        [
            gettext("School or group: %(institution)s") % {"institution": visit.institution},
            gettext("Date and time: %(date)s, %(time)s")
            % {"date": long_date(visit.date), "time": time_format(visit.time)},
            gettext("Group: %(size)s, %(age_group)s") % {"size": size, "age_group": visit.age_group},
        ]
    )


def contact_line(library):
    if library.phone:
        return gettext("To change or cancel the visit, reply to this e-mail or call us at %(phone)s.") % {
            "phone": library.phone
        }
    return gettext("To change or cancel the visit, reply to this e-mail.")


def to_requester(visit, library, subject, paragraphs):
    name = library_name(library, visit.language)
    body = [gettext("Hello %(name)s,") % {"name": visit.contact_name}, *paragraphs, contact_line(library), name]
    reply_to = [library.email] if library.email else None
    send(EmailMessage(f"{subject} – {name}", "\n\n".join(body), to=[visit.email], reply_to=reply_to), visit)


def acknowledge(visit, library):
    with translation.override(visit.language):
        paragraphs = [
            gettext("Thank you for your request to visit the library. We have received it:"),
            visit_lines(visit),
            gettext("Our staff will answer within two working days, by e-mail: this is not yet a booking."),
        ]
        to_requester(visit, library, gettext("We received your group visit request"), paragraphs)
    tell_staff(visit, library)


def tell_staff(visit, library):
    recipients = library.contact_recipient_list()
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        url = settings.WAGTAILADMIN_BASE_URL + reverse("group_visits:edit", args=[visit.pk])
        body = "\n\n".join([visit_lines(visit), gettext("Answer it here: %(url)s") % {"url": url}])
        message = EmailMessage(gettext("New group visit request"), body, to=recipients, reply_to=[visit.email])
    send(message, visit)


def answer(visit, library):
    """Tells the requester the staff's answer: the visit booked, another time proposed, or declined."""
    with translation.override(visit.language):
        message = [visit.answer] if visit.answer else []
        if visit.status == VisitRequest.Status.ACCEPTED:
            subject = gettext("Your group visit is booked")
            paragraphs = [gettext("We look forward to your visit. It is booked:"), visit_lines(visit), *message]
        elif visit.status == VisitRequest.Status.PROPOSED:
            subject = gettext("Another time for your group visit")
            paragraphs = [
                gettext("We cannot welcome your group at the time you asked. We propose this time instead:"),
                visit_lines(visit),
                *message,
                gettext("Please reply to tell us whether it suits you; the visit is booked once you agree."),
            ]
        else:
            subject = gettext("Your group visit request")
            paragraphs = [
                gettext("We are sorry: we cannot welcome your group on %(date)s.") % {"date": long_date(visit.date)},
                *message,
            ]
        to_requester(visit, library, subject, paragraphs)
