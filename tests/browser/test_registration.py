"""Registering for an event in the browser, in both languages: the form, the confirmation, the
e-mail with its .ics, the cancel link from the e-mail, and the seat back on the event page."""

import re
import uuid

import icalendar
import pytest
from playwright.sync_api import expect

from django.core import mail

from wagtail.models import Locale

from news.events import EventIndexPage
from registrations.models import RegistrationField, RegistrationSetup
from tests.factories import EventPageFactory, translate
from tests.registrations.conftest import seats_left


@pytest.fixture
def event(db_access):
    """A new event of the demo's agenda with one seat, in both languages."""
    index = EventIndexPage.objects.get(locale__language_code="id")
    page = EventPageFactory(parent=index, title="Kelas Menulis", slug=f"kelas-menulis-{uuid.uuid4().hex[:6]}")
    page.registration_setup.add(RegistrationSetup(seats=1, consent="Saya setuju data saya disimpan."))
    page.registration_fields.add(RegistrationField(field_type="singleline", label="Nama lengkap", required=True))
    page.registration_fields.add(RegistrationField(field_type="email", label="Surel", required=True))
    page.save_revision().publish()
    english = translate(page, Locale.objects.get(language_code="en"), title="Writing class", slug=page.slug)
    return {"id": page, "en": english}


@pytest.mark.parametrize(("language", "title"), [("id", "Kelas Menulis"), ("en", "Writing class")])
def test_register_cancel_by_the_emailed_link_and_the_seat_returns(open_page, site, event, language, title):
    address = f"{language}-{uuid.uuid4().hex[:6]}@example.com"
    page = open_page(event[language].url, java_script_enabled=False)
    expect(page.locator(".registration-seats")).to_have_text(seats_left(1, language))
    page.locator(".registration-box a.button").click()

    page.locator("input[name=nama_lengkap]").fill("Siti Aminah")
    page.locator("input[name=surel]").fill(address)
    page.locator("input[name=personal-data-consent]").check()
    page.wait_for_timeout(3100)  # people take longer than the time check allows bots
    page.locator(".registration form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("link", name=title)).to_be_visible()

    (message,) = [message for message in mail.outbox if message.to == [address]]
    assert title in message.subject
    (entry,) = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert str(entry["summary"]) == title

    page.goto(site + event[language].url)
    expect(page.locator(".registration-seats")).not_to_have_text(seats_left(1, language))

    cancel_path = re.search(r"https?://[^/]+(/\S+/(?:cancel|batal)/)", message.body).group(1)  # its path translated
    page.goto(site + cancel_path)
    page.locator(".registration form button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()

    page.goto(site + event[language].url)
    expect(page.locator(".registration-seats")).to_have_text(seats_left(1, language))
