"""Counts for funders and the demo's sign-ups: a programme's page counts, year by year, the people
who registered for its events and who came, from the records (purged ones included); the demo holds
an upcoming training with registrations and a full workshop with a waitlist."""

import datetime
import re

import pytest

from django.utils import translation

from news.models import EventPage
from registrations.models import Registration

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
    workshop.filter(attended=False).update(attended=True)  # checked in at the door, late
    with translation.override("en"):
        came = translation.gettext("Took part in %(year)s") % {"year": 2015}
    assert f"{came} 54" in text(client, "/en/programmes/perpuseru/")


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
