"""A library open Monday to Saturday (tests/conftest.py's `library`), a visit page in both
languages, and the clock on a Monday morning."""

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core import signing
from django.urls import reverse
from django.utils import translation

from tests.editorial.conftest import editor, moderator  # noqa: F401 (the staff fixtures, shared)
from tests.factories import VisitPageFactory, translate
from visits.forms import SIGNING_SALT

JAKARTA = ZoneInfo("Asia/Jakarta")
MONDAY_NINE = datetime(2026, 11, 23, 9, 0, tzinfo=JAKARTA)


@pytest.fixture(autouse=True)
def monday():
    with time_machine.travel(MONDAY_NINE, tick=True):
        yield


@pytest.fixture
def visit_page(home, library, locale_en):
    library.contact_recipients = "layanan@perpustakaan.example"
    library.save()
    page = VisitPageFactory(parent=home)
    page.save_revision().publish()
    translate(page, locale_en, title="Visit us", slug="visit")
    return page


def form_url(language):
    with translation.override(language):
        return reverse("visit_request")


def request_data(**changes):
    data = {
        "institution": "SD Negeri Barurambat 2",
        "contact_name": "Ibu Nur Hasanah",
        "phone": "0812 3456 7801",
        "email": "nur@sekolah.example",
        "group_size": "32",
        "age_group": "Kelas 4",
        "preferred_date": "2026-12-01",  # a Tuesday
        "preferred_time": "09:00",
        "notes": "Ingin mendengarkan dongeng.",
        "your-website": "",
        "shown-at": signing.dumps(time.time() - 60, salt=SIGNING_SALT),
    }
    return {**data, **changes}
