"""Seats: whether an event takes registrations, how many seats are left, and taking or freeing a
seat with the event's setup rows locked (SELECT ... FOR UPDATE), so that two people asking for the
last seat at the same moment get one seat and one place on the waitlist. Each change renews the
event page's token, so the page cache shows the new count at once (portal/generation.py)."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from news.events import EventPage
from portal.generation import page_token, renew_tokens

from .models import Registration, RegistrationSetup

Status = Registration.Status


class Closed(Exception):
    """Registration is closed: past its closing time, or full without a waitlist."""


@dataclass
class Availability:
    setup: RegistrationSetup | None
    closes_at: datetime | None
    confirmed: int = 0
    waitlisted: int = 0

    @property
    def seats_left(self):
        return max(self.setup.seats - self.confirmed, 0) if self.setup else 0

    @property
    def full(self):
        return self.seats_left == 0

    @property
    def closed(self):
        return self.setup is None or timezone.now() >= self.closes_at or (self.full and not self.setup.waitlist)


def availability(page):
    """The registration state of an event page (either language): two queries, one without a setup."""
    setup = page.registration_setup.first()
    if setup is None:
        return Availability(None, None)
    counts = Registration.objects.filter(event__translation_key=page.translation_key).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
    )
    return Availability(setup, setup.closes_at or page.start, **counts)


def the_event(page):
    """The event in the default language, which every registration of its translations belongs to."""
    event = EventPage.objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    return event or page


def lock(translation_key):
    """Locks the event's setup rows (every language) until the transaction ends."""
    setups = RegistrationSetup.objects.select_for_update(of=("self",))
    list(setups.filter(page__translation_key=translation_key).order_by("pk"))


def renew_page(translation_key):
    """Now, and again once committed: a page rendered in between from the old count must not stay kept."""
    renew_tokens([page_token(translation_key)])
    transaction.on_commit(lambda: renew_tokens([page_token(translation_key)]))


@transaction.atomic
def register(page, name, email, answers, language):
    """A seat, or a place on the waitlist when the seats are taken; raises Closed."""
    lock(page.translation_key)
    state = availability(page)
    if state.closed:
        raise Closed
    registration = Registration.objects.create(
        event=the_event(page),
        name=name,
        email=email,
        answers=answers,
        language=language,
        status=Status.WAITLISTED if state.full else Status.CONFIRMED,
    )
    renew_page(page.translation_key)
    return registration


@transaction.atomic
def cancel(registration):
    """Cancels; a freed seat goes to the first on the waitlist, who is returned (else None).
    False when it was already cancelled."""
    event = registration.event
    lock(event.translation_key)
    registration.refresh_from_db()
    if registration.status == Status.CANCELLED:
        return False
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    renew_page(event.translation_key)
    if availability(event).seats_left == 0:
        return None
    promoted = event.registrations.filter(status=Status.WAITLISTED).order_by("created_at", "pk").first()
    if promoted:
        promoted.status = Status.CONFIRMED
        promoted.save(update_fields=["status"])
    return promoted
