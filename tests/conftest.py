"""One bilingual site for the tests: an Indonesian home page served at /id/ and its English
translation at /en/, with the library's settings filled in."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.signals import user_logged_in
from django.core.cache import caches

from wagtail.models import Locale

from home.models import FormField
from tests.factories import ContactPageFactory, NewsIndexPageFactory, make_home, make_library, translate
from tests.snapshot import load_demo


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Long tests first: pytest-django puts tests without its database last, and a parallel run
    (pytest -n) then waits for the one that started last. They touch no test database, so going
    before the others changes nothing for the transactional ones that come last."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def _second_step_passed(sender, request, user, **kwargs):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="tests", confirmed=True)
    # What django_otp.login() keeps (the test client's sign-in request has no user for it to check).
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id


@pytest.fixture(autouse=True)
def second_step_passed(request):
    """Staff a test signs in (force_login, the admin's sign-in form) have passed the two-step
    sign-in as if they had typed their code, like force_login skips the password; the tests of the
    second step itself are marked `second_step` (tests/accounts/)."""
    if request.node.get_closest_marker("second_step"):
        yield
        return
    user_logged_in.connect(_second_step_passed, dispatch_uid="tests-second-step")
    yield
    user_logged_in.disconnect(dispatch_uid="tests-second-step")


@pytest.fixture(autouse=True)
def empty_caches():
    """Cached renditions and fragments must not leak from one test's database into the next."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def uncached_pages(settings):
    """Every request renders its page (PAGE_CACHE_SECONDS=0), as a visitor's first request does:
    for counting the queries of a page. The menu and the library's data stay cached."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it (small photos), in the test's transaction:
    built once per process (tests/snapshot.py)."""
    load_demo()


@pytest.fixture
def locale_id(db):
    return Locale.objects.get(language_code="id")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def home_en(home, locale_en):
    return home.get_translation(locale_en).specific


@pytest.fixture
def library(home):
    return make_library(home)


@pytest.fixture
def news_index(home, locale_en):
    index = NewsIndexPageFactory(parent=home, introduction="Kabar perpustakaan.")
    translate(index, locale_en, title="News", slug="news", introduction="Library news.")
    return index


@pytest.fixture
def contact_page(home, library, locale_en):
    """A contact form with one field, "Pesan", in both languages."""
    page = ContactPageFactory(parent=home)
    page.form_fields.add(FormField(field_type="multiline", label="Pesan"))
    page.save_revision().publish()
    translate(page, locale_en, title="Contact", slug="contact")
    return page
