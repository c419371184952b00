"""When registration closes (its closing time, the event's start, every seat taken without a
waitlist), bad input of every kind, the spam checks, and the event page's queries."""

from datetime import timedelta

import pytest

from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.formguard import HONEYPOT
from registrations.forms import CONSENT
from registrations.models import Registration
from tests.factories import EventPageFactory
from tests.queries import count_queries
from tests.registrations.conftest import answers, event_with_registration, register, register_url

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00",
    "a" * 10_000,
    "<script>alert(1)</script>",
    "'; DROP TABLE registrations_registration; --",
    "\ufffd\u200b",  # what undecodable bytes become
    "\u202e\u0000\r\nBcc: x@example.com",
    "{{ 7*7 }}{% debug %}",
]


def closed_text(language="en"):
    with translation.override(language):
        return gettext("Registration is closed.")


def set_setup(page, **values):
    for version in type(page).objects.filter(translation_key=page.translation_key):
        version.registration_setup.update(**values)


def test_past_the_closing_time_the_page_and_the_form_say_closed(client, event, event_en):
    set_setup(event, closes_at=timezone.now() - timedelta(minutes=1))
    assert closed_text() in client.get(event_en.url).text
    assert register_url(event_en, "en") not in client.get(event_en.url).text
    response = register(client, event_en, "en")
    assert response.status_code == 200 and closed_text() in response.text
    assert not Registration.objects.exists()


def test_it_closes_when_the_event_starts(client, event_index, library, locale_en):
    started = event_with_registration(event_index, locale_en, start=timezone.now() - timedelta(minutes=5))
    assert closed_text("id") in client.get(started.url).text
    register(client, started)
    assert not Registration.objects.exists()


def test_full_without_a_waitlist_is_closed(client, event, event_en):
    set_setup(event, waitlist=False, seats=1)
    register(client, event, name="Satu")
    assert closed_text() in client.get(event_en.url).text
    register(client, event_en, "en", name="Dua")
    assert list(Registration.objects.values_list("name", "status")) == [("Satu", "confirmed")]


def test_an_event_without_registration_has_no_form(client, event_index, library):
    plain = EventPageFactory(parent=event_index)
    assert "registration-box" not in client.get(plain.url).text
    assert client.get(register_url(plain, "id")).status_code == 404
    assert client.get("/id/register/999999/").status_code == 404


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_field_give_a_clear_answer(client, event_en, value):
    data = {key: value for key in answers()}
    response = client.post(register_url(event_en, "en"), data)
    assert response.status_code == 200
    assert "You are not registered yet" in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert not Registration.objects.exists()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_free_text_are_kept_as_text(client, event_en, value):
    response = client.post(register_url(event_en, "en"), answers(desa=value), follow=True)
    assert response.status_code == 200
    if Registration.objects.exists():  # accepted: shown escaped, never run
        assert "<script>alert(1)</script>" not in response.text
    else:
        assert "You are not registered yet" in response.text


def test_a_form_without_consent_is_refused(client, event_en):
    data = answers()
    del data[CONSENT]
    response = client.post(register_url(event_en, "en"), data)
    assert "You are not registered yet" in response.text
    assert not Registration.objects.exists()


def test_spam_is_dropped_without_telling_the_bot(client, event_en):
    response = client.post(register_url(event_en, "en"), answers(**{HONEYPOT: "http://casino.example"}))
    assert response.status_code == 200 and "You are registered" in response.text
    assert not Registration.objects.exists()


def test_a_form_sent_at_once_is_refused(client, event_en):
    data = answers()
    data["shown-at"] = "forged"
    response = client.post(register_url(event_en, "en"), data)
    assert "This form has expired" in response.text
    assert not Registration.objects.exists()


def test_too_many_registrations_from_one_address_wait(client, event_en):
    for number in range(10):
        register(client, event_en, "en", name=f"Orang {number}", email="")
    response = client.post(register_url(event_en, "en"), answers())
    assert response.status_code == 429
    assert "Please wait a moment" in response.text


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_event_page_queries_do_not_grow_with_registrations(client, event, event_en, uncached_pages, language):
    page = event if language == "id" else event_en
    client.get(page.url)
    before = count_queries(client, page.url)
    for number in range(5):
        register(client, page, language, name=f"Orang {number}", email="")
    assert count_queries(client, page.url) == before <= 15
