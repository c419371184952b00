"""E-mails that tell a user their password or second factor changed, so that someone who took over
the account cannot do it unnoticed. Sent like every mail of the site: through the outbox
(django-post-office) when a mail server is set."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.users.models import UserProfile

from .actions import OTP_ENROLLED, OTP_RESET, PASSWORD_CHANGED
from .addresses import address_of

logger = logging.getLogger(__name__)

# {what: (subject, what happened)}
CHANGES = {
    PASSWORD_CHANGED: (_("Your password was changed"), _("The password of your account %(username)s was changed")),
    OTP_ENROLLED: (
        _("A second factor was set up for your account"),
        _("A second factor (authenticator app or security key) was set up for your account %(username)s"),
    ),
    OTP_RESET: (
        _("Your second factor was reset"),
        _("The second factor of your account %(username)s was reset"),
    ),
}


def notify_security_change(user, what, request=None):
    """Tells `user` by e-mail, in their admin language, that `what` (PASSWORD_CHANGED, OTP_ENROLLED
    or OTP_RESET) happened now, from the address of `request` (or of the request being served)."""
    if not user.email:
        return
    address = address_of(request)
    profile = UserProfile.objects.filter(user=user).first()
    language = (profile and profile.preferred_language) or settings.LANGUAGE_CODE
    zone = profile.get_current_time_zone() if profile else settings.TIME_ZONE
    with translation.override(language), timezone.override(zone):
        subject, happened = CHANGES[what]
        when = date_format(timezone.localtime(), "DATETIME_FORMAT")
        paragraphs = [
            gettext("Hello %(name)s,") % {"name": user.get_full_name() or user.get_username()},
            gettext("%(change)s on %(when)s from the address %(address)s.")
            % {"change": happened % {"username": user.get_username()}, "when": when, "address": address or "-"},
            gettext("If it was you, there is nothing more to do."),
            gettext(
                "If it was not you, someone else may be using your account: change your password at once at "
                "%(url)s (or, if you cannot sign in, ask an administrator of the site to reset it) and tell the "
                "site's administrators."
            )
            % {"url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_account")},
            str(settings.WAGTAIL_SITE_NAME),
        ]
        message = EmailMessage(f"{subject} – {settings.WAGTAIL_SITE_NAME}", "\n\n".join(paragraphs), to=[user.email])
    try:
        message.send()
    except OSError:  # smtplib's errors included: the change itself stands
        logger.exception("Could not e-mail user %s about a change to their account", user.pk)
