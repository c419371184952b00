"""Security plumbing that settings alone cannot express: the admin's own Content-Security-Policy
and the page shown when sign-in is locked.

The policies themselves live in settings (`CONTENT_SECURITY_POLICY`, `ADMIN_CONTENT_SECURITY_POLICY`)."""

from functools import cache

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timeuntil


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with `ADMIN_CONTENT_SECURITY_POLICY` under the Wagtail admin (which
    still needs inline scripts and styles) and the strict `CONTENT_SECURITY_POLICY` everywhere else.
    Page previews are admin addresses, so they get the admin policy too."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path.startswith(admin_prefix()):
            directives = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            return PolicyParts(default_config(directives), parts.update, parts.replace, parts.nonce)
        return parts


def failure_limit(request, credentials=None):
    """django-axes counts wrong passwords per user name and address together, per address and per
    user name (lockout parameters), and compares the largest count with this limit: the low one once
    this user name has failed enough times from this address, else the high one, so that one
    person's typos do not lock out everyone behind a shared address (an office, a school, a mobile
    carrier)."""
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None)
    failures = AccessAttempt.objects.filter(username=username, ip_address=address).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    limit = settings.AXES_USER_FAILURE_LIMIT
    return limit if (failures or 0) >= limit else settings.AXES_ADDRESS_FAILURE_LIMIT


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer once sign-in is locked: HTTP 429 with a page in the visitor's language,
    looking like the admin's sign-in page."""
    cool_off = get_cool_off(request)
    now = timezone.now()
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        # "15 minutes", "15 menit": Django's own words, with their plurals.
        "wait": timeuntil(now + cool_off, now) if cool_off else None,
    }
    return render(request, "portal/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
