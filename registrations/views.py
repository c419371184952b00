"""The public side: the registration form of an event, the confirmation, the private cancel link.
Plain views beside the event page (which links here), never kept in the page cache: they show a
form with a CSRF token or one person's registration."""

import math

from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from news.events import EventPage
from portal.formguard import seconds_limited, shown_at_token

from . import mail, seats
from .forms import SIGNING_SALT, RegistrationFormBuilder
from .models import Registration

# Registrations a client address may send (django-ratelimit's notation), as for the contact form.
REGISTRATION_RATE = "10/10m"


def respond(request, template, context, status=200):
    return TemplateResponse(request, f"registrations/{template}.html", context, status=status)


@never_cache
def register(request, page_id):
    page = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    state = seats.availability(page)
    context = {"event": page, "state": state}
    if state.setup is None:
        return respond(request, "closed", context, status=404)
    if state.closed:
        return respond(request, "closed", context)
    # In the editor's order; fields saved without one (a translation's copies) in the order made,
    # so the first field, the person's name, is the same on every database.
    fields = page.registration_fields.order_by("sort_order", "pk")
    form_class = RegistrationFormBuilder(fields).get_form_class()
    form = form_class(request.POST or None, consent=state.setup.consent)
    if request.method == "POST":
        seconds = seconds_limited(request, "event-registration", REGISTRATION_RATE)
        if seconds:
            response = respond(request, "limited", {**context, "minutes": math.ceil(seconds / 60)}, status=429)
            response["Retry-After"] = str(seconds)
            return response
        if form.is_valid():
            if form.is_spam:  # a bot: it sees the same page as a person, nothing is kept
                return respond(request, "done", context)
            name, email = form.person()
            try:
                registration = seats.register(page, name, email, form.answers(), get_language())
            except seats.Closed:
                return respond(request, "closed", {**context, "state": seats.availability(page)})
            mail.send(registration, registration.status, request)
            return redirect("registrations:done", registration.token)
    context.update(form=form, shown_at=shown_at_token(SIGNING_SALT))
    return respond(request, "register", context)


def registration_or_404(token):
    return get_object_or_404(Registration.objects.filter(~Q(token=None)).select_related("event"), token=token)


@never_cache
def done(request, token):
    registration = registration_or_404(token)
    event = mail.event_in(registration, get_language())
    return respond(request, "done", {"registration": registration, "event": event})


@never_cache
def cancel(request, token):
    registration = registration_or_404(token)
    event = mail.event_in(registration, get_language())
    context = {"registration": registration, "event": event}
    if request.method == "POST":
        promoted = seats.cancel(registration)
        if promoted:
            mail.send(promoted, "promoted", request)
        context["cancelled_now"] = promoted is not False
        registration.refresh_from_db()
    return respond(request, "cancel", context)
