"""The public request form, at its own address: the visit page links to it and stays in the page
cache, while this page (which writes a CSRF token) is never kept (ops/cache.py)."""

import logging
import math

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from portal.formguard import seconds_limited, shown_at_token
from portal.models import LibrarySettings

from . import mail
from .forms import SIGNING_SALT, VisitRequestForm
from .models import VisitRequest
from .schedule import library_hours

logger = logging.getLogger(__name__)

# Requests a client address may send (django-ratelimit's notation: 3 per 10 minutes).
REQUEST_RATE = "3/10m"
# The confirmation's address carries the request signed: it shows nothing to anyone else, and
# nothing after a week.
SENT_SALT = "visits.request-sent"
SENT_MAX_AGE = 7 * 24 * 60 * 60


@require_http_methods(["GET", "HEAD", "POST"])
def request_visit(request):
    hours = library_hours(request)
    form = VisitRequestForm(request.POST or None, hours=hours)
    if request.method == "POST":
        seconds = seconds_limited(request, "visit-request", REQUEST_RATE)
        if seconds:
            context = {"minutes": math.ceil(seconds / 60)}
            response = render(request, "visits/request_limited.html", context, status=429)
            response["Retry-After"] = str(seconds)
            return response
        if form.is_valid():
            if form.is_spam:
                logger.info("Visit request: honeypot filled in, request dropped")
                return redirect("visit_request_sent", token="-")
            visit = form.save(commit=False)
            visit.language = request.LANGUAGE_CODE
            visit.save()  # stored first: a mail server that is down loses nothing
            mail.acknowledge(visit, LibrarySettings.for_request(request))
            return redirect("visit_request_sent", token=signing.dumps(visit.pk, salt=SENT_SALT))
    context = {"form": form, "shown_at": shown_at_token(SIGNING_SALT)}
    return render(request, "visits/request_form.html", context, status=400 if form.errors else 200)


@require_safe
def request_sent(request, token):
    visit = None
    if token != "-":  # a dropped spam post sees the same page, without details
        try:
            visit = VisitRequest.objects.get(pk=signing.loads(token, salt=SENT_SALT, max_age=SENT_MAX_AGE))
        except (signing.BadSignature, VisitRequest.DoesNotExist):
            raise Http404 from None
    return render(request, "visits/request_sent.html", {"visit": visit})
