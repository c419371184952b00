"""Counts for funders and the demo's sign-ups: a programme's page counts, year by year, the people
who registered for its events and who came, from the records (purged ones included); the demo holds
an upcoming training with registrations and a full workshop with a waitlist."""

import datetime
import re

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from news.models import EventPage
from registrations import seats
from registrations.models import Registration
from tests.accounts.conftest import staff

pytestmark = pytest.mark.usefixtures("demo_site")


def text(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


@pytest.mark.parametrize("path", ["/id/program/perpuseru/", "/en/programmes/perpuseru/"])
def test_a_programme_counts_its_events_people_per_year(client, path):
    language = path.split("/")[1]
    page = text(client, path)
    with translation.override(language):
        registered = translation.gettext("Registered for the programme's events in %(year)s") % {"year": 2015}
        came = translation.gettext("Took part in %(year)s") % {"year": 2015}
        heading = translation.gettext("People taking part")
    assert heading in page
    # The 2015 workshop: its people's details are long deleted, their counts stay.
    assert f"{registered} 54" in page and f"{came} 50" in page
    assert Registration.objects.filter(purged_at__isnull=False).count() == 54


def test_the_counts_follow_the_records(client):
    workshop = Registration.objects.filter(event__slug="lokakarya-strategi-perpustakaan-desa")
    for late in workshop.filter(attended=False):  # checked in at the door, late
        late.attended = True
        late.save(update_fields=["attended"])
    with translation.override("en"):
        came = translation.gettext("Took part in %(year)s") % {"year": 2015}
    assert f"{came} 54" in text(client, "/en/programmes/perpuseru/")


def counted(client, path, year):
    """(registered, came) in `year`, as the programme's page shows them, and whether it was kept."""
    response = client.get(path)
    page = " ".join(re.sub(r"<[^>]+>", " ", response.text).split())
    with translation.override(path.split("/")[1]):
        registered = translation.gettext("Registered for the programme's events in %(year)s") % {"year": year}
        came = translation.gettext("Took part in %(year)s") % {"year": year}
    found = [re.search(re.escape(label) + r" (\d+)", page) for label in (registered, came)]
    return tuple(int(match.group(1)) if match else 0 for match in found), response["X-Cache"]


def test_a_registration_and_a_check_in_show_at_once_on_the_kept_programme_page(client, django_user_model):
    training = EventPage.objects.get(slug="pelatihan-komputer-dasar")
    year = timezone.localtime(training.start).year
    paths = ["/id/program/perpuseru/", "/en/programmes/perpuseru/"]
    for path in paths:
        assert counted(client, path, year) == ((6, 0), "MISS")
        assert counted(client, path, year) == ((6, 0), "HIT")

    person = seats.register(training, "Siti Aminah", "siti@example.com", {}, "id")
    for path in paths:
        assert counted(client, path, year) == ((7, 0), "MISS")
        assert counted(client, path, year) == ((7, 0), "HIT")

    # Checked in at the door, through the staff's check-in page.
    door = Client()
    door.force_login(staff(django_user_model, "petugas", superuser=True))
    checkin = door.post(
        reverse("registrations_checkin", args=[training.pk]), {"registration": person.pk, "attended": "1"}
    )
    assert checkin.status_code == 302
    for path in paths:
        assert counted(client, path, year) == ((7, 1), "MISS")


def test_a_year_is_the_years_in_the_librarys_time_zone(client):
    # 31 December 2015, 17:30 UTC: already New Year's Day 2016 in Pamekasan (UTC+7).
    new_year = datetime.datetime(2015, 12, 31, 17, 30, tzinfo=datetime.UTC)
    EventPage.objects.filter(slug="lokakarya-strategi-perpustakaan-desa").update(start=new_year)
    with translation.override("en"):
        registered = translation.gettext("Registered for the programme's events in %(year)s") % {"year": 2016}
    assert f"{registered} 54" in text(client, "/en/programmes/perpuseru/")


def test_the_demo_has_a_training_with_seats_left_and_a_full_workshop_with_a_waitlist(client):
    training = Registration.objects.filter(event__slug="pelatihan-komputer-dasar")
    assert training.filter(status="confirmed").count() == 6
    workshop = Registration.objects.filter(event__slug="lokakarya-pemasaran-batik")
    assert sorted(workshop.values_list("status", flat=True)) == ["confirmed"] * 4 + ["waitlisted"] * 2
    page = text(client, "/id/agenda/pelatihan-komputer-dasar/")
    assert "14" in page
    with translation.override("en"):
        page = text(client, "/en/events/basic-computer-course/")
        assert translation.gettext("Register") in page
