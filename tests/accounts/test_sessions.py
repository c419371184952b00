"""Sessions: signed out after a working day without a request, and everywhere else on a password
change; visitors of the public site get no cookie."""

from datetime import timedelta

import time_machine

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.accounts.conftest import sign_in, staff
from tests.accounts.test_notices import NEW_PASSWORD, change_own_password

ADMIN = reverse("wagtailadmin_home")


def test_a_working_day_without_a_request_signs_out(client, django_user_model):
    staff(django_user_model, "pustakawan", "Editors")
    sign_in(client, "pustakawan")
    assert settings.SESSION_COOKIE_AGE == 10 * 3600
    start = timezone.now()
    # Each request starts the time again: nine hours apart, twice, still signed in.
    for hours in (9, 18):
        with time_machine.travel(start + timedelta(hours=hours)):
            assert client.get(ADMIN).status_code == 200
    with time_machine.travel(start + timedelta(hours=18 + 10, minutes=1)):
        response = client.get(ADMIN)
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_session_is_written_again_only_every_few_minutes(client, django_user_model):
    """Not on every request: the pages, scripts and icons of one admin screen would each wait for a
    write of the same row."""
    staff(django_user_model, "pustakawan", "Editors")
    sign_in(client, "pustakawan")
    start = timezone.now()

    def expiry_after_a_request(minutes):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert client.get(ADMIN).status_code == 200
        return Session.objects.get().expire_date

    first = expiry_after_a_request(1)
    assert expiry_after_a_request(3) == first
    assert expiry_after_a_request(7) - first >= timedelta(minutes=5)


def test_a_password_change_signs_out_the_other_devices_only(django_user_model):
    user = staff(django_user_model, "pustakawan", "Editors")
    office, phone = Client(), Client()
    sign_in(office, "pustakawan")
    sign_in(phone, "pustakawan")
    assert phone.get(ADMIN).status_code == 200
    assert change_own_password(office, user).status_code == 302
    assert office.get(ADMIN).status_code == 200
    assert phone.get(ADMIN).status_code == 302
    assert sign_in(phone, "pustakawan", NEW_PASSWORD).status_code == 302


def test_visitors_of_the_public_site_get_no_session(client, library):
    response = client.get("/id/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()
