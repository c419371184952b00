"""The staff side: the registrations and the waitlist per event, the CSV and XLSX exports, the
check-in at the door, and who may see them."""

import csv
import io
import re

import openpyxl
import pytest

from django.urls import reverse

from registrations.models import Registration
from tests.accounts.conftest import staff
from tests.listings import cells
from tests.registrations.conftest import register

pytestmark = pytest.mark.django_db

LIST = "/admin/registrations/"


@pytest.fixture
def registered(client, event, event_en):
    register(client, event, "id", name="Satu", email="satu@example.com")
    register(client, event_en, "en", name="Two", email="two@example.com")
    register(client, event, "id", name="Tiga", email="")
    client.logout()
    return Registration.objects.order_by("pk")


@pytest.fixture
def editor(client, django_user_model):
    user = staff(django_user_model, "editor", "Editors", language="en")
    client.force_login(user)
    return user


def test_the_list_shows_the_registrations_and_the_waitlist_of_an_event(client, registered, editor, event):
    response = client.get(LIST, {"event": event.pk})
    assert response.status_code == 200
    for name in ("Satu", "Two", "Tiga"):
        assert name in response.text
    waitlist = client.get(LIST, {"event": event.pk, "status": "waitlisted"})
    assert list(waitlist.context["object_list"]) == [registered.get(name="Tiga")]
    assert reverse("registrations_checkin", args=[event.pk]) in response.text


def test_the_list_reads_in_the_staff_members_language(client, registered, django_user_model, event):
    client.force_login(staff(django_user_model, "penyunting", "Editors", language="id"))
    assert cells(client, f"{LIST}?event={event.pk}", "Hadir") == ["Tidak", "Tidak", "Tidak"]
    assert cells(client, f"{LIST}?event={event.pk}", "Bahasa") == ["Bahasa Indonesia", "English", "Bahasa Indonesia"]


def test_the_csv_export_parses_with_the_expected_columns(client, registered, editor, event):
    response = client.get(LIST, {"event": event.pk, "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert list(rows[0]) == ["Event", "Name", "E-mail", "Status", "Attended", "Language", "Registered", "Answers"]
    assert [(row["Name"], row["E-mail"], row["Language"]) for row in rows] == [
        ("Satu", "satu@example.com", "id"),
        ("Two", "two@example.com", "en"),
        ("Tiga", "", "id"),
    ]
    assert {row["Event"] for row in rows} == {"Pelatihan Internet"}
    assert "desa: Larangan Tokol" in rows[0]["Answers"]
    assert [row["Status"] for row in rows] == ["confirmed", "confirmed", "on the waitlist"]
    assert [row["Attended"] for row in rows] == ["no", "no", "no"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", rows[0]["Registered"])


def test_the_xlsx_export_opens(client, registered, editor, event):
    response = client.get(LIST, {"event": event.pk, "export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("Event", "Name") and len(rows) == 4
    assert rows[1][4] == "no"


def test_check_in_at_the_door(client, registered, editor, event):
    url = reverse("registrations_checkin", args=[event.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Satu" in page.text and "Two" in page.text
    assert "Tiga" not in page.text  # on the waitlist: not expected at the door
    assert "0 of 2 people have come." in page.text
    # Wagtail's header names the event, with the way back to the list.
    assert re.search(r"<h1[^>]*>\s*Check-in: Pelatihan Internet\s*</h1>", page.text)
    assert f'href="{LIST}?event={event.pk}"' in page.text

    satu = registered.get(name="Satu")
    response = client.post(url, {"registration": satu.pk, "attended": "1"}, follow=True)
    assert response.status_code == 200
    assert "1 of 2 people have come." in response.text
    satu.refresh_from_db()
    assert satu.attended

    client.post(url, {"registration": satu.pk, "attended": "0"})
    satu.refresh_from_db()
    assert not satu.attended
    for odd in ("", "abc", "-1", "99999", registered.get(name="Tiga").pk):
        assert client.post(url, {"registration": odd, "attended": "1"}).status_code == 404


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_may_run_the_event(client, django_user_model, registered, event, group):
    client.force_login(staff(django_user_model, "petugas", group))
    assert client.get(LIST).status_code == 200
    assert client.get(reverse("registrations_checkin", args=[event.pk])).status_code == 200


def test_others_may_not(client, django_user_model, registered, event):
    client.force_login(staff(django_user_model, "tamu"))
    assert client.get(reverse("registrations_checkin", args=[event.pk])).status_code in (302, 403)
    assert client.get(LIST).status_code == 302


def test_the_event_editor_has_the_registration_panels(client, django_user_model, event):
    client.force_login(staff(django_user_model, "kepala", superuser=True, language="en"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert response.status_code == 200
    for text in ("Take registrations", "Registration form field", "Saya setuju data saya disimpan."):
        assert text in response.text
