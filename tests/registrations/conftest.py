"""An event taking registrations in both languages: two seats, a waitlist, three questions."""

import time

import pytest

from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from portal.formguard import SHOWN_AT
from registrations.forms import CONSENT, SIGNING_SALT
from registrations.models import RegistrationField, RegistrationSetup
from tests.factories import EventIndexPageFactory, EventPageFactory, translate


@pytest.fixture
def event_index(home, locale_en):
    index = EventIndexPageFactory(parent=home)
    translate(index, locale_en, title="Events", slug="events")
    return index


def event_with_registration(parent, locale_en, seats=2, **fields):
    page = EventPageFactory(parent=parent, title="Pelatihan Internet", slug="pelatihan-internet", **fields)
    page.registration_setup.add(RegistrationSetup(seats=seats, consent="Saya setuju data saya disimpan."))
    page.registration_fields.add(RegistrationField(field_type="singleline", label="Nama lengkap", required=True))
    page.registration_fields.add(RegistrationField(field_type="email", label="Surel", required=False))
    page.registration_fields.add(RegistrationField(field_type="singleline", label="Desa", required=False))
    page.save_revision().publish()
    translate(page, locale_en, title="Internet training", slug="internet-training")
    return page


@pytest.fixture
def event(event_index, library, locale_en):
    return event_with_registration(event_index, locale_en)


@pytest.fixture
def event_en(event, locale_en):
    return event.get_translation(locale_en).specific


def seats_left(count, language):
    """What the event page says of its seats, in `language`."""
    with translation.override(language):
        return ngettext("%(seats)s seat left.", "%(seats)s seats left.", count) % {"seats": count}


def register_url(page, language):
    with translation.override(language):
        return reverse("registrations:register", args=[page.pk])


def answers(name="Siti Aminah", email="siti@example.com", **more):
    return {
        "nama_lengkap": name,
        "surel": email,
        "desa": "Larangan Tokol",
        CONSENT: "on",
        SHOWN_AT: signing.dumps(time.time() - 10, salt=SIGNING_SALT),
        **more,
    }


def register(client, page, language="id", **values):
    """Posts the form; returns the response after the redirect."""
    return client.post(register_url(page, language), answers(**values), follow=True)
