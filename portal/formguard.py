"""Spam checks for the public forms that need no outside service: a honeypot field that people
leave empty, a signed time of display (bots post at once), and a limit on posts per address.
templates/components/form_guard.html writes the two inputs."""

import time

from django_ratelimit.core import get_usage

from django.core import signing
from django.utils.translation import gettext_lazy as _

# Names with a hyphen: Wagtail names the editors' form fields in snake_case, so these never clash.
HONEYPOT = "your-website"
SHOWN_AT = "shown-at"
# People take longer than this to fill in a form; bots post at once.
MIN_SECONDS = 3
# A form left open longer than this is sent again with a fresh token.
MAX_AGE = 24 * 60 * 60


def shown_at_token(salt):
    return signing.dumps(time.time(), salt=salt)


class GuardedFormMixin:
    """For a form class with `signing_salt`: after clean(), `is_spam` says whether the honeypot
    was filled in (the view drops the post without telling the bot); a missing, altered, expired or
    too recent time of display is a form error the person can act on."""

    signing_salt = None

    def clean(self):
        cleaned_data = super().clean()
        self.is_spam = bool(self.data.get(HONEYPOT))
        if not self.is_spam:
            try:
                shown = signing.loads(self.data.get(SHOWN_AT, ""), salt=self.signing_salt, max_age=MAX_AGE)
            except signing.BadSignature:  # missing, altered, or older than MAX_AGE
                self.add_error(None, _("This form has expired. Please check your message and send it again."))
            else:
                if time.time() - shown < MIN_SECONDS:
                    self.add_error(None, _("The form was sent too quickly. Please wait a moment and send it again."))
        return cleaned_data


def seconds_limited(request, group, rate):
    """Counts a post from the client's address (django-ratelimit's `rate`, e.g. "5/10m"): the
    seconds to wait when it is one too many, else None. Counted in the default cache, which every
    process shares (files in CACHE_DIR, or Redis for every app server with REDIS_URL). The address
    is REMOTE_ADDR; behind a reverse proxy it must be the visitor's (set by the proxy's trusted
    module or RATELIMIT_IP_META_KEY), never a raw X-Forwarded-For."""
    usage = get_usage(request, group=group, key="ip", rate=rate, increment=True)
    # None when the count's cache cannot be reached: not limited (RATELIMIT_FAIL_OPEN).
    if usage is not None and usage["should_limit"]:
        return max(usage["time_left"], 1)
    return None
