"""An Indonesian page's dates and other shared details reach its English version when published
(editorial/synchronized.py), and nothing the translator wrote is touched."""

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, streamfield

from editorial.synchronized import shared_fields
from news.models import EventPage
from portal.models import SpecialPeriod, SpecialSchedule
from programmes.models import VillageLibraryPage
from tests.editorial.conftest import signed_in
from tests.factories import EventIndexPageFactory, EventPageFactory, translate

JAKARTA = ZoneInfo("Asia/Jakarta")
FIRST = datetime(2026, 12, 29, 9, 0, tzinfo=JAKARTA)
MOVED = datetime(2026, 12, 30, 13, 0, tzinfo=JAKARTA)


@pytest.fixture
def event(home, library, locale_en):
    index = EventIndexPageFactory(parent=home)
    translate(index, locale_en, title="Events", slug="events")
    visit_day = EventPageFactory(parent=index, title="Hari kunjungan sekolah", slug="hari-kunjungan", start=FIRST)
    english = translate(visit_day, locale_en, title="School visit day", slug="school-visit-day", summary="Pupils.")
    return visit_day, english


def publish(page, user=None, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user)


def english_of(event):
    return EventPage.objects.get(translation_key=event.translation_key, locale__language_code="en")


def test_a_date_changed_in_indonesian_shows_on_the_english_page(client, event):
    visit_day, english = event
    assert "29 December 2026" in client.get("/en/events/school-visit-day/").text
    assert client.get("/en/events/school-visit-day/")["X-Cache"] == "HIT"  # kept for the next visitor
    publish(visit_day, start=MOVED, title="Hari kunjungan sekolah (diundur)")
    english = english_of(visit_day)
    assert english.start == MOVED
    assert english.title == "School visit day"  # the text waits for the translator
    assert not english.has_unpublished_changes
    # The editor opens the English page with the new date, and publishing it keeps it.
    assert english.get_latest_revision_as_object().start == MOVED
    page = client.get("/en/events/school-visit-day/").text
    assert "30 December 2026" in page and "29 December 2026" not in page
    assert "1:00" in page or "13:00" in page
    listing = client.get("/en/events/").text
    assert "30 December" in listing and "29 December" not in listing


def test_the_english_history_says_what_was_copied_in_the_editors_language(client, django_user_model, event):
    visit_day, english = event
    signed_in(client, django_user_model, "Moderators", "moderator")
    moderator = django_user_model.objects.get(username="moderator")
    publish(visit_day, user=moderator, start=MOVED)
    entry = PageLogEntry.objects.get(page=english, action="editorial.shared_fields_copied")
    assert entry.data == {"fields": ["start"], "language": "id"} and entry.user == moderator
    history = client.get(reverse("wagtailadmin_pages:history", args=[english.pk]))
    assert "Disalin dari versi Bahasa Indonesia: mulai moderator" in text_of(history)
    # The English text is still to be brought up to date, and the report still says so.
    report = client.get("/admin/reports/translation-status/")
    assert "Hari kunjungan sekolah Halaman acara Perlu diperbarui" in text_of(report)


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_a_field_the_publish_did_not_change_keeps_its_english_value(event):
    visit_day, english = event
    publish(english, registration_url="https://forms.example/english")
    publish(visit_day, start=MOVED)
    english = english_of(visit_day)
    assert english.start == MOVED and english.registration_url == "https://forms.example/english"
    assert english.get_latest_revision_as_object().registration_url == "https://forms.example/english"


def test_an_english_draft_keeps_its_text_and_takes_the_new_date(event):
    visit_day, english = event
    english.title = "School visit day (draft)"
    english.save_revision()
    publish(visit_day, start=MOVED)
    english = english_of(visit_day)
    assert english.has_unpublished_changes
    assert english.title == "School visit day" and english.start == MOVED  # what is live
    draft = english.get_latest_revision_as_object()
    assert draft.title == "School visit day (draft)" and draft.start == MOVED
    assert english.live_revision.as_object().start == MOVED


def test_publishing_the_english_page_changes_nothing_in_indonesian(event):
    visit_day, english = event
    publish(english, start=MOVED)
    visit_day.refresh_from_db()
    assert visit_day.start == FIRST
    assert not PageLogEntry.objects.filter(page=visit_day, action="editorial.shared_fields_copied").exists()


def test_a_publish_through_the_admin_copies_the_new_date(client, django_user_model, event):
    visit_day, english = event
    signed_in(client, django_user_model, "Moderators", "moderator")
    url = reverse("wagtailadmin_pages:edit", args=[visit_day.pk])
    data = {
        "title": visit_day.title,
        "slug": visit_day.slug,
        "summary": visit_day.summary,
        "start": "2026-12-30 13:00",
        "free_entry": "on",
        "body": streamfield([]),
        "related_pages": streamfield([]),
        "registration_setup-TOTAL_FORMS": "0",
        "registration_setup-INITIAL_FORMS": "0",
        "registration_fields-TOTAL_FORMS": "0",
        "registration_fields-INITIAL_FORMS": "0",
        "action-publish": "1",
    }
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert english_of(visit_day).start == MOVED


def test_only_values_that_need_no_translation_are_copied():
    names = {field.name for field in shared_fields(EventPage)}
    assert {"start", "end", "all_day", "registration_url", "free_entry", "lead_image"} <= names
    assert not names & {"title", "slug", "summary", "body", "venue", "go_live_at"}
    village = {field.name for field in shared_fields(VillageLibraryPage)}
    assert {"latitude", "computers", "internet"} <= village
    assert "programme" not in village  # a page with translations of its own


def test_the_english_editor_says_which_version_it_is_and_where_dates_change(client, django_user_model, event):
    visit_day, english = event
    signed_in(client, django_user_model, "Editors", "penulis")
    page = BeautifulSoup(client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content, "html.parser")
    notice = page.select_one(".messages").get_text(" ", strip=True)
    assert notice.startswith("Ini versi English dari “Hari kunjungan sekolah”: tulis teksnya dalam English.")
    assert "Tanggal, foto, dan data lain yang sama di kedua bahasa mengikuti halaman Bahasa Indonesia" in notice
    link = page.select_one(".messages").find("a", string=re.compile("Buka halaman Bahasa Indonesia"))
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=[visit_day.pk])
    indonesian = client.get(reverse("wagtailadmin_pages:edit", args=[visit_day.pk]))
    assert "Ini versi" not in text_of(indonesian)


def test_a_holiday_moved_in_indonesian_moves_on_the_english_pages(client, django_user_model, library, locale_en):
    """Special opening hours are snippets: saving the Indonesian version carries its dates over."""
    holiday = SpecialSchedule.objects.create(
        name="Libur Isra Mikraj", starts_on=date(2027, 1, 16), ends_on=date(2027, 1, 16), closed=True
    )
    english = holiday.copy_for_translation(locale_en)
    english.name = "Isra Miraj holiday"
    english.save()
    assert "16 January 2027" in client.get("/en/").text
    signed_in(client, django_user_model, "Moderators", "moderator")
    url = reverse("wagtailsnippets_portal_specialschedule:edit", args=[holiday.pk])
    data = {
        "name": holiday.name,
        "starts_on": "2027-01-18",
        "ends_on": "2027-01-18",
        "closed": "on",
        "note": "",
        "periods-TOTAL_FORMS": "0",
        "periods-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    english.refresh_from_db()
    assert (english.name, english.starts_on, english.ends_on) == (
        "Isra Miraj holiday",
        date(2027, 1, 18),
        date(2027, 1, 18),
    )
    client.logout()
    page = client.get("/en/").text
    assert "Isra Miraj holiday" in page and "18 January 2027" in page and "16 January 2027" not in page


def test_new_ramadan_hours_reach_the_english_version(
    client, django_user_model, library, locale_en, django_capture_on_commit_callbacks
):
    """A special schedule's opening periods are its children: saved after it, copied once committed."""
    ramadan = SpecialSchedule(name="Jam Ramadan", starts_on=date(2027, 2, 8), ends_on=date(2027, 3, 9))
    ramadan.periods = [SpecialPeriod(weekday=None, opens=time(8), closes=time(13))]
    ramadan.save()
    english = ramadan.copy_for_translation(locale_en)
    english.name = "Ramadan hours"
    english.save()
    period = ramadan.periods.get()
    signed_in(client, django_user_model, "Moderators", "moderator")
    data = {
        "name": ramadan.name,
        "starts_on": "2027-02-08",
        "ends_on": "2027-03-09",
        "note": "",
        "periods-TOTAL_FORMS": "1",
        "periods-INITIAL_FORMS": "1",
        "periods-0-id": str(period.pk),
        "periods-0-weekday": "",
        "periods-0-opens": "08:00",
        "periods-0-closes": "12:00",
        "periods-0-ORDER": "1",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailsnippets_portal_specialschedule:edit", args=[ramadan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    english.refresh_from_db()
    assert english.name == "Ramadan hours"
    assert [(p.weekday, p.opens, p.closes) for p in english.periods.all()] == [(None, time(8), time(12))]
    history = client.get(reverse("wagtailsnippets_portal_specialschedule:history", args=[english.pk]))
    assert "Disalin dari versi Bahasa Indonesia: periode buka" in text_of(history)
