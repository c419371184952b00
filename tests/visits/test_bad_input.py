"""Hostile and odd values in every field of the request form: a clear message in the visitor's
language, never an error page, nothing stored or sent."""

import time

import pytest

from django.core import mail, signing

from tests.visits.conftest import form_url, request_data
from visits.forms import SIGNING_SALT
from visits.models import VisitRequest

HOSTILE = {
    "institution": "<script>alert(1)</script>\x00",
    "contact_name": "\x00\x01\x02",
    "phone": "0812'; DROP TABLE--",
    "email": "nur@@sekolah..example<script>",
    "group_size": "99999999999999999999",
    "age_group": "a" * 5000,
    "preferred_date": "9999-99-99",
    "preferred_time": "25:61",
    "notes": "x" * 100_000,
    "shown-at": "tampered",
}


def test_a_form_full_of_hostile_values_gets_clear_messages(client, visit_page):
    for language, title in [("en", "Your request was not sent yet"), ("id", "Permohonan Anda belum terkirim")]:
        response = client.post(form_url(language), {**request_data(), **HOSTILE})
        assert response.status_code == 400
        assert title in response.text
        assert "<script>alert(1)</script>" not in response.text
    english = client.post(form_url("en"), {**request_data(), **HOSTILE}).text
    for message in [
        "This form has expired",
        "Please enter a phone number, e.g. 0812 3456 7890.",
        "Enter a valid email address.",
        "Enter a valid date.",
        "Enter a valid time.",
        "Null characters are not allowed.",
    ]:
        assert message in english
    assert not VisitRequest.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("group_size", "0", "Ensure this value is greater than or equal to 1."),
        ("group_size", "500", "Ensure this value is less than or equal to 200."),
        ("group_size", "-3", "Ensure this value is greater than or equal to"),
        ("contact_name", "   \t  ", "This field is required."),
        ("phone", "123", "Please enter a phone number"),
        ("preferred_date", "2040-01-02", "Please choose a date within the next twelve months."),
        ("preferred_date", "", "This field is required."),
    ],
)
def test_each_odd_value_is_named(client, visit_page, field, value, message):
    response = client.post(form_url("en"), request_data(**{field: value}))
    assert response.status_code == 400 and message in response.text
    assert not VisitRequest.objects.exists()


def test_a_get_with_odd_parameters_shows_the_form(client, visit_page):
    assert client.get(form_url("en"), {"preferred_date": "\x00", "x": "%ff"}).status_code == 200
    assert client.put(form_url("en")).status_code == 405


def test_the_spam_checks(client, visit_page):
    dropped = client.post(form_url("en"), request_data(**{"your-website": "http://spam.example"}))
    assert dropped.status_code == 302 and "Your request was sent" in client.get(dropped["Location"]).text
    altered = client.post(form_url("en"), request_data(**{"shown-at": request_data()["shown-at"][:-1] + "x"}))
    assert "This form has expired" in altered.text
    too_quick = client.post(form_url("en"), request_data(**{"shown-at": signing.dumps(time.time(), salt=SIGNING_SALT)}))
    assert "The form was sent too quickly" in too_quick.text
    assert not VisitRequest.objects.exists() and not mail.outbox


def test_too_many_requests_from_one_address(client, visit_page):
    for _ in range(3):
        client.post(form_url("en"), request_data(preferred_date="2026-12-02"))
    refused = client.post(form_url("id"), request_data())
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Terlalu banyak permohonan" in refused.text
    assert VisitRequest.objects.count() == 3
