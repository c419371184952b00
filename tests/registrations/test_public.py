"""Registering from an event page in both languages: the seats left, the confirmation page, the
e-mail with its .ics and cancel link, cancelling, the waitlist and its promotion."""

import icalendar
import pytest

from django.core import mail
from django.urls import reverse
from django.utils import translation

from registrations.models import Registration
from tests.registrations.conftest import register, register_url, seats_left

pytestmark = pytest.mark.django_db


def seats_text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize(("language", "title"), [("id", "Pelatihan Internet"), ("en", "Internet training")])
def test_register_in_either_language(client, event, event_en, language, title):
    page = event if language == "id" else event_en
    assert seats_left(2, language) in seats_text(client, page)
    assert register_url(page, language) in client.get(page.url).text

    response = register(client, page, language)

    registration = Registration.objects.get()
    assert (registration.event, registration.language, registration.status) == (event, language, "confirmed")
    assert (registration.name, registration.email) == ("Siti Aminah", "siti@example.com")
    assert registration.answers["desa"] == "Larangan Tokol"
    assert response.redirect_chain[-1][0] == reverse("registrations:done", args=[registration.token])
    assert title in response.text
    assert f'lang="{language}"' in response.text
    # The seat is taken in both languages, at once, although the page was kept in the cache.
    assert seats_left(1, "id") in seats_text(client, event)
    assert seats_left(1, "en") in seats_text(client, event_en)


@pytest.mark.parametrize(("language", "title"), [("id", "Pelatihan Internet"), ("en", "Internet training")])
def test_the_email_is_in_the_registrants_language_with_an_ics(client, event, event_en, language, title):
    register(client, event if language == "id" else event_en, language)

    (message,) = mail.outbox
    assert message.to == ["siti@example.com"]
    assert title in message.subject
    token = Registration.objects.get().token
    with translation.override(language):
        assert f"http://testserver{reverse('registrations:cancel', args=[token])}" in message.body
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == (f"{(event if language == 'id' else event_en).slug}.ics", "text/calendar")
    (entry,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(entry["summary"]) == title
    assert entry.decoded("dtstart") == event.start.replace(microsecond=0)


def test_the_cancel_link_frees_the_seat(client, event, event_en):
    register(client, event_en, "en")
    registration = Registration.objects.get()
    with translation.override("en"):
        url = reverse("registrations:cancel", args=[registration.token])
    assert seats_left(1, "en") in seats_text(client, event_en)

    page = client.get(url)
    assert page.status_code == 200 and "Yes, cancel my registration" in page.text
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # opening the link (a mail client's preview) changes nothing

    response = client.post(url)
    assert response.status_code == 200
    assert "Your registration is cancelled." in response.text
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert seats_left(2, "en") in seats_text(client, event_en)

    again = client.post(url)
    assert again.status_code == 200
    assert "This registration was already cancelled." in again.text


def test_a_wrong_cancel_link_is_a_clear_404(client, event):
    for token in ("no-such-token", "x" * 500, "%00", "..%2f"):
        response = client.get(f"/en/registration/{token}/cancel/")
        assert response.status_code == 404


def test_full_events_take_a_waitlist_and_a_freed_seat_goes_to_its_first(client, event, event_en):
    register(client, event, "id", name="Satu", email="satu@example.com")
    register(client, event, "id", name="Dua", email="dua@example.com")
    assert "Every seat is taken. You can join the waitlist." in seats_text(client, event_en)

    response = register(client, event_en, "en", name="Tiga", email="tiga@example.com")
    assert "You are on the waitlist" in response.text
    register(client, event_en, "en", name="Empat", email="empat@example.com")
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Satu": "confirmed", "Dua": "confirmed", "Tiga": "waitlisted", "Empat": "waitlisted"}
    assert "waitlist" in mail.outbox[2].subject and not mail.outbox[2].attachments

    mail.outbox.clear()
    first = Registration.objects.get(name="Satu")
    client.post(reverse("registrations:cancel", args=[first.token]))

    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Satu": "cancelled", "Dua": "confirmed", "Tiga": "confirmed", "Empat": "waitlisted"}
    (promotion,) = mail.outbox
    assert promotion.to == ["tiga@example.com"]
    assert promotion.subject == "A seat is yours: Internet training"
    assert promotion.attachments[0][2] == "text/calendar"
