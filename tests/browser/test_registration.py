"""Registering for an event in the browser, in both languages: the form, the confirmation, the
e-mail with its .ics, the waitlist, the cancel link from the e-mail that gives the seat to the next
person, and the seat back on the event page."""

import re
import uuid

import icalendar
import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import translation

from wagtail.models import Locale

from news.events import EventIndexPage
from registrations.mail import SUBJECTS
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


def register(page, name, address):
    """Fills the event's form as a person does (the button says Register or Join the waitlist)
    and returns the e-mail they get."""
    page.locator(".registration-box a.button").click()
    page.locator("input[name=nama_lengkap]").fill(name)
    page.locator("input[name=surel]").fill(address)
    page.locator("input[name=personal-data-consent]").check()
    page.wait_for_timeout(3100)  # people take longer than the time check allows bots
    page.locator(".registration form button[type=submit]").click()
    return mail_to(address)[-1]


def mail_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def cancel(page, site, message):
    cancel_path = re.search(r"https?://[^/]+(/\S+/(?:cancel|batal)/)", message.body).group(1)  # its path translated
    page.goto(site + cancel_path)
    page.locator(".registration form button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()


def subject(kind, title, language):
    with translation.override(language):
        return SUBJECTS[kind] % {"title": title}


@pytest.mark.parametrize(("language", "title"), [("id", "Kelas Menulis"), ("en", "Writing class")])
def test_register_wait_cancel_by_the_emailed_link_and_the_seat_returns(open_page, site, event, language, title):
    first, second = (f"{language}-{uuid.uuid4().hex[:6]}@example.com" for _ in range(2))
    page = open_page(event[language].url, java_script_enabled=False)
    expect(page.locator(".registration-seats")).to_have_text(seats_left(1, language))

    message = register(page, "Siti Aminah", first)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("link", name=title)).to_be_visible()
    assert message.subject == subject("confirmed", title, language)
    (entry,) = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert str(entry["summary"]) == title

    # The one seat is taken: the next person joins the waitlist.
    page.goto(site + event[language].url)
    expect(page.locator(".registration-seats")).not_to_have_text(seats_left(1, language))
    waiting = register(page, "Budi Santoso", second)
    assert waiting.subject == subject("waitlisted", title, language)

    # The first cancels from the e-mail: the seat goes to the second, who is told in their language.
    cancel(page, site, message)
    promoted = mail_to(second)[-1]
    assert promoted.subject == subject("promoted", title, language)
    (entry,) = icalendar.Calendar.from_ical(promoted.attachments[0][1]).walk("VEVENT")
    assert str(entry["summary"]) == title

    # The second cancels too: the seat is free again on the event page.
    cancel(page, site, promoted)
    page.goto(site + event[language].url)
    expect(page.locator(".registration-seats")).to_have_text(seats_left(1, language))
