"""Two people taking the last seat at the same moment, on PostgreSQL with two real connections:
one gets the seat, the other the waitlist. SQLite writes one at a time, so it is skipped there."""

import threading

import pytest

from django.db import connection, connections

from registrations import seats
from registrations.models import Registration
from tests.factories import EventIndexPageFactory
from tests.registrations.conftest import event_with_registration

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the locales, after a flush
def test_the_last_seat_goes_to_one_of_two(home, library, locale_en):
    event = event_with_registration(EventIndexPageFactory(parent=home), locale_en, seats=1)
    start = threading.Barrier(2)
    errors = []

    def take(name):
        try:
            start.wait()
            seats.register(event, name, "", {}, "id")
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take, args=(name,)) for name in ("Satu", "Dua")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(Registration.objects.values_list("status", flat=True)) == ["confirmed", "waitlisted"]
