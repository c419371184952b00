"""Request context on log lines. Django's `django.request` and `django.security` loggers pass the
request along with the record; the console shows its method, path, user id and client address."""

import logging

from django.conf import settings
from django.utils.functional import SimpleLazyObject, empty


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the header named by RATELIMIT_IP_META_KEY when the
    reverse proxy sets one (deploy/nginx.conf sends X-Real-IP), as the contact form counts it."""
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    return request.META.get(key) or request.META.get("REMOTE_ADDR", "-")


def user_id(request):
    """The user's id if the request already loaded it; "-" otherwise. Loading it here would query
    the database (perhaps the very failure being logged) and mark the session as used."""
    user = request.__dict__.get("user")
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return "-"
    return str(user.pk) if getattr(user, "is_authenticated", False) else "anonymous"


class RequestContextFilter(logging.Filter):
    """Sets `request_context` on every record: " [GET /id/cari/ user=3 ip=203.0.113.9]" when the
    record carries a request, "" otherwise, so one format string fits every logger."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is None or not hasattr(request, "META"):
            record.request_context = ""
        else:
            user, ip = user_id(request), client_ip(request)
            record.request_context = f" [{request.method} {request.path} user={user} ip={ip}]"
        return True
