"""What staff see: the requests by date, upcoming first, and the answers (accept, propose another
time, decline), each e-mailed to the requester in the language they asked in."""

from datetime import date, time

import pytest
from lxml import html

from django.contrib.auth.models import Permission
from django.core import mail

from wagtail.users.models import UserProfile

from tests.editorial.conftest import member_of
from tests.factories import VisitRequestFactory
from visits.models import VisitRequest

LIST = "/admin/group_visits/"


def speaking(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def edit_url(visit):
    return f"{LIST}edit/{visit.pk}/"


def answer(client, visit, status, day=None, start=None, message=""):
    return client.post(
        edit_url(visit),
        {
            "status": status,
            "date": (day or visit.date).isoformat(),
            "time": (start or visit.time).strftime("%H:%M"),
            "answer": message,
        },
    )


@pytest.fixture
def requests(visit_page):
    return {
        "soon": VisitRequestFactory(institution="SDN Barurambat 2", preferred_date=date(2026, 11, 24)),
        "later": VisitRequestFactory(
            institution="Reading Club", language="en", email="club@example.com", preferred_date=date(2026, 12, 8)
        ),
        "past": VisitRequestFactory(institution="TK Pertiwi", preferred_date=date(2026, 11, 2), status="accepted"),
    }


def institutions(response):
    """The listing's titles, top to bottom: each row's first link, to the answer form."""
    rows = html.fromstring(response.content).xpath('//table[contains(@class, "listing")]/tbody/tr')
    return [row.xpath('.//a[contains(@href, "/edit/")]')[0].text_content().strip() for row in rows]


def test_the_list_shows_upcoming_visits_first_and_filters_by_status(client, requests, editor):
    client.force_login(speaking(editor, "en"))
    response = client.get(LIST)
    assert response.status_code == 200
    assert institutions(response) == ["SDN Barurambat 2", "Reading Club", "TK Pertiwi"]
    assert "Waiting for an answer" in response.text
    booked = client.get(LIST, {"status": "accepted"})
    assert institutions(booked) == ["TK Pertiwi"]
    upcoming = client.get(LIST, {"when": "upcoming"})
    assert institutions(upcoming) == ["SDN Barurambat 2", "Reading Club"]


def test_accepting_books_the_visit_and_tells_the_requester_in_indonesian(client, requests, editor):
    client.force_login(editor)
    visit = requests["soon"]
    form = client.get(edit_url(visit)).text
    assert "Ibu Nur Hasanah" in form and "0812 3456 7801" in form
    assert "Terima kunjungan pada tanggal dan jam ini" in form
    response = answer(client, visit, "accepted", message="Silakan datang ke meja layanan lantai 1.")
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitRequest.Status.ACCEPTED and visit.answered is not None
    [message] = mail.outbox
    assert message.to == [visit.email]
    assert message.subject.startswith("Kunjungan rombongan Anda sudah terjadwal")
    assert "Selasa, 24 November 2026, 09.00" in message.body
    assert "Silakan datang ke meja layanan lantai 1." in message.body
    assert institutions(client.get(LIST, {"status": "accepted"})) == ["SDN Barurambat 2", "TK Pertiwi"]


def test_proposing_another_time_tells_the_requester_in_english(client, requests, moderator):
    client.force_login(moderator)
    visit = requests["later"]
    response = answer(client, visit, "proposed", start=time(13, 0), message="The morning is taken by a school.")
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.status, visit.time, visit.preferred_time) == ("proposed", time(13, 0), time(9, 0))
    [message] = mail.outbox
    assert message.to == ["club@example.com"]
    assert message.subject.startswith("Another time for your group visit")
    assert "Tuesday, 8 December 2026, 13:00" in message.body and "The morning is taken by a school." in message.body


def test_declining_gives_the_reason(client, requests, moderator):
    client.force_login(speaking(moderator, "en"))
    visit = requests["later"]
    assert "Please tell the requester why" in answer(client, visit, "declined").text
    assert answer(client, visit, "declined", message="The library is being repainted.").status_code == 302
    [message] = mail.outbox
    assert "We are sorry: we cannot welcome your group on Tuesday, 8 December 2026." in message.body
    assert "The library is being repainted." in message.body


def test_a_proposal_needs_a_new_time_within_the_opening_hours(client, requests, editor):
    client.force_login(speaking(editor, "en"))
    visit = requests["soon"]
    assert "Change the date or time to propose another one." in answer(client, visit, "proposed", message="Maaf").text
    sunday = answer(client, visit, "proposed", day=date(2026, 11, 29), message="Bagaimana kalau Minggu?")
    assert sunday.status_code == 200 and "The library is closed on Sunday, 29 November 2026." in sunday.text
    assert not mail.outbox
    visit.refresh_from_db()
    assert visit.status == VisitRequest.Status.REQUESTED


def test_who_may_reach_the_list(client, requests, django_user_model):
    assert client.get(LIST).status_code == 302  # to the sign-in page
    assert client.get(edit_url(requests["soon"])).status_code == 302
    outsider = member_of(django_user_model, "Editors", "tamu")
    outsider.groups.clear()
    client.force_login(outsider)
    assert client.get(LIST).status_code in (302, 403)
    staff_without_rights = django_user_model.objects.create_user("kasir", "kasir@example.com", "x")
    staff_without_rights.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff_without_rights)
    assert client.get(LIST).status_code in (302, 403)
    assert client.post(edit_url(requests["soon"]), {"status": "accepted"}).status_code in (302, 403)
    assert VisitRequest.objects.get(pk=requests["soon"].pk).status == "requested"


def test_nobody_adds_requests_in_the_admin(admin_client, requests):
    assert admin_client.get(f"{LIST}new/").status_code in (302, 403)
    assert admin_client.get(LIST).status_code == 200
