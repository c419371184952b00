"""What a school or group sees: the invitation on the visit page, the request form, the checks on
the date and time, and the acknowledgement by e-mail."""

import pytest
from lxml import html

from django.core import mail

from portal.models import SpecialSchedule
from tests.visits.conftest import form_url, request_data
from visits.models import VisitRequest


def test_the_visit_page_links_to_the_form_and_stays_in_the_page_cache(client, visit_page):
    for address, language, link in [
        ("/id/kunjungi/", "id", "Ajukan kunjungan rombongan"),
        ("/en/visit/", "en", "Request a group visit"),
    ]:
        first = client.get(address)
        assert first["X-Cache"] == "MISS" and "csrftoken" not in first.cookies
        document = html.fromstring(first.content)
        [href] = document.xpath(f'//a[normalize-space()="{link}"]/@href')
        assert href == form_url(language)
        assert client.get(address)["X-Cache"] == "HIT"


def test_the_form_in_both_languages(client, visit_page):
    indonesian = client.get(form_url("id"))
    assert indonesian.status_code == 200
    assert form_url("id") == "/id/kunjungan-rombongan/"
    assert "Ajukan kunjungan rombongan" in indonesian.text and "Sekolah atau kelompok" in indonesian.text
    assert "Jam buka" in indonesian.text and "Biarkan kolom ini kosong" in indonesian.text
    assert "X-Cache" not in indonesian or indonesian["X-Cache"] == "MISS"
    english = client.get(form_url("en"))
    assert "Request a group visit" in english.text and "School or group" in english.text
    assert 'name="csrfmiddlewaretoken"' in english.text


def test_a_request_is_stored_confirmed_and_acknowledged_in_its_language(client, visit_page):
    response = client.post(form_url("id"), request_data())
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Permohonan Anda sudah terkirim" in page.text
    assert "SD Negeri Barurambat 2" in page.text and "Selasa, 1 Desember 2026, 09.00" in page.text
    visit = VisitRequest.objects.get()
    assert (visit.language, visit.status, str(visit.date), visit.group_size) == ("id", "requested", "2026-12-01", 32)
    requester, staff = mail.outbox
    assert requester.to == ["nur@sekolah.example"]
    assert requester.subject.startswith("Permohonan kunjungan rombongan Anda sudah kami terima")
    assert "Selasa, 1 Desember 2026, 09.00" in requester.body and "32 orang" in requester.body
    assert "Yth. Ibu Nur Hasanah," in requester.body
    assert staff.to == ["layanan@perpustakaan.example"] and staff.reply_to == ["nur@sekolah.example"]
    assert f"http://testserver/admin/group_visits/edit/{visit.pk}/" in staff.body

    client.post(form_url("en"), request_data(institution="Reading Club", email="club@example.com"))
    english = VisitRequest.objects.get(institution="Reading Club")
    assert english.language == "en"
    [acknowledgement] = [message for message in mail.outbox if message.to == ["club@example.com"]]
    assert acknowledgement.subject.startswith("We received your group visit request")
    assert "Tuesday, 1 December 2026, 09:00" in acknowledgement.body and "32 people" in acknowledgement.body


def test_the_confirmation_address_shows_nothing_when_altered(client, visit_page):
    assert client.get(form_url("en") + "sent/not-a-token/").status_code == 404


@pytest.mark.parametrize(
    ("day", "start", "english", "indonesian"),
    [
        (
            "2026-11-29",
            "09:00",
            "The library is closed on Sunday, 29 November 2026.",
            "Perpustakaan tutup pada Minggu, 29 November 2026.",
        ),
        (
            "2026-11-27",
            "11:30",
            "On Friday, 27 November 2026 the library is open 07:30–11:00 and 13:00–15:00.",
            "Pada Jumat, 27 November 2026 perpustakaan buka pukul 07.30–11.00 dan 13.00–15.00.",
        ),
        ("2026-11-24", "15:00", "at least an hour before it closes", "paling lambat satu jam sebelum tutup"),
        ("2026-11-24", "06:00", "the library is open 07:30–15:30", "perpustakaan buka pukul 07.30–15.30"),
        ("2026-11-23", "13:00", "Please choose a date from tomorrow on.", "Silakan pilih tanggal mulai besok."),
    ],
)
def test_a_time_when_the_library_is_closed_is_refused(client, visit_page, day, start, english, indonesian):
    for language, message in [("en", english), ("id", indonesian)]:
        response = client.post(form_url(language), request_data(preferred_date=day, preferred_time=start))
        assert response.status_code == 400
        assert message in response.text
    assert not VisitRequest.objects.exists() and not mail.outbox


def test_a_holiday_is_refused_with_its_name(client, visit_page, locale_id, locale_en):
    holiday = SpecialSchedule.objects.create(
        locale=locale_id, name="Libur Natal", starts_on="2026-12-25", ends_on="2026-12-26", closed=True
    )
    english = holiday.copy_for_translation(locale_en)
    english.name = "Christmas holiday"
    english.save()
    response = client.post(form_url("en"), request_data(preferred_date="2026-12-25"))
    assert "The library is closed on Friday, 25 December 2026 (Christmas holiday)." in response.text
    response = client.post(form_url("id"), request_data(preferred_date="2026-12-26"))
    assert "Perpustakaan tutup pada Sabtu, 26 Desember 2026 (Libur Natal)." in response.text
    assert not VisitRequest.objects.exists()


def test_a_time_within_the_hours_is_accepted(client, visit_page):
    # Saturday 08:00-13:00: noon leaves the hour a visit needs; Friday afternoon after prayers.
    for day, start in [("2026-11-28", "12:00"), ("2026-11-27", "13:00"), ("2026-11-24", "14:30")]:
        response = client.post(form_url("en"), request_data(preferred_date=day, preferred_time=start))
        assert response.status_code == 302, response.text
    assert VisitRequest.objects.count() == 3
