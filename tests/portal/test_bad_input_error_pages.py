"""What a visitor is shown for an address that is no page and for a request the site refuses, in
the visitor's language and with the site's header, never Django's plain page nor a traceback: an
address that is no page is a 404 at once (only pages redirect to their language, and get a missing
slash added), and a form without its CSRF token, a request Django cannot read, a host the site does
not serve, a refused permission, a method an address does not take and the database out of reach
each get the site's own page. On the demo site, built once for the module (tests/portal/conftest.py)."""

import pytest

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import get_resolver

from tests.odd_input import ODD_PATHS

# Also makes pytest-django create the test database before the module's fixture builds the demo.
pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ODD_PATHS.values(), ids=ODD_PATHS.keys())
def test_an_address_that_is_no_page_is_404_at_once(client, demo_addresses, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response
    assert "Halaman tidak ditemukan" in response.text
    assert response["Content-Language"] == "id"
    english = client.get(path, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert english.status_code == 404 and "Location" not in english
    assert "Page not found" in english.text and '<html lang="en"' in english.text
    assert "Accept-Language" in english["Vary"]


@pytest.mark.parametrize(
    ("path", "accept_language", "location"),
    [
        ("/", "", "/id/"),
        ("/", "en", "/en/"),
        ("/berita/", "", "/id/berita/"),
        ("/berita", "id", "/id/berita/"),
        ("/news/", "en", "/en/news/"),
        ("/berita/feed/", "id", "/id/berita/feed/"),
        ("/cari/?q=buku", "id", "/id/cari/?q=buku"),
        ("/search/?q=book", "en", "/en/search/?q=book"),
        # A Location too long for the proxy in front: the page without the query string.
        ("/berita/?page=" + "9" * 4000, "id", "/id/berita/"),
        ("/?" + "x" * 4000, "en", "/en/"),
    ],
)
def test_only_pages_redirect_to_their_language(client, demo_addresses, path, accept_language, location):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == location


def test_a_page_of_the_other_language_is_not_redirected_to(client, demo_addresses):
    assert client.get("/news/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/news/"
    response = client.get("/news/", HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 404 and "Halaman tidak ditemukan" in response.text


def test_a_missing_slash_is_added_only_for_pages(client, demo_addresses):
    assert client.get("/id/berita")["Location"] == "/id/berita/"
    assert client.get("/en/news/feed")["Location"] == "/en/news/feed/"
    assert client.get("/admin/login")["Location"] == "/admin/login/"
    for path in ("/id/tidak-ada", "/id/berita/tidak-ada", "/en/" + "a" * 4000):
        response = client.get(path)
        assert response.status_code == 404 and "Location" not in response, path
    assert client.get("/id/berita?page=" + "9" * 4000)["Location"] == "/id/berita/"


def test_a_form_without_its_csrf_token_gets_the_sites_page(demo_addresses):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    indonesian = browser.post(demo_addresses["ContactPage id"], {"pesan": "Halo"})
    assert indonesian.status_code == 403
    assert "Formulir tidak dapat dikirim" in indonesian.text and '<html lang="id"' in indonesian.text
    assert 'class="site-header"' in indonesian.text and "CSRF" not in indonesian.text
    english = browser.post(demo_addresses["ContactPage en"], {"message": "Hello"})
    assert english.status_code == 403
    assert "The form could not be sent" in english.text and '<html lang="en"' in english.text
    assert "Forbidden" not in english.text


def test_a_request_django_cannot_read_gets_the_sites_400_page(client, demo_addresses):
    many = "&".join(f"p{number}=x" for number in range(10_001))  # DATA_UPLOAD_MAX_NUMBER_FIELDS
    indonesian = client.get(f"{demo_addresses['search id']}&{many}")
    assert indonesian.status_code == 400
    assert "Permintaan tidak dapat dipahami" in indonesian.text and 'class="site-header"' in indonesian.text
    english = client.get(f"{demo_addresses['search en']}&{many}")
    assert english.status_code == 400 and "The request could not be understood" in english.text


def test_a_host_the_site_does_not_serve_gets_a_400_page_in_the_visitors_language(client, demo_addresses, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/en/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert "The request could not be understood" in response.text and '<html lang="en"' in response.text
    assert "Bad Request" not in response.text


def test_a_permission_refused_gets_the_sites_403_page(demo_addresses):
    handler = get_resolver().resolve_error_handler(403)
    request = RequestFactory().get("/id/berita/", HTTP_ACCEPT_LANGUAGE="en")
    response = handler(request, exception=PermissionDenied())
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode() and 'class="site-header"' in response.content.decode()


@pytest.mark.parametrize(
    ("method", "path"),
    [("PUT", "/oai/"), ("DELETE", "/oai/?verb=Identify"), ("POST", "/healthz"), ("PATCH", "/healthz")],
)
def test_a_method_an_address_does_not_take_gets_the_sites_405_page(client, demo_addresses, method, path):
    response = client.generic(method, path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 405
    assert response["Allow"]
    assert "Request not allowed" in response.text and '<html lang="en"' in response.text
    indonesian = client.generic(method, path)
    assert indonesian.status_code == 405 and "Permintaan tidak diizinkan" in indonesian.text


def test_the_database_out_of_reach_gives_a_503_page_in_the_visitors_language(demo_addresses):
    handler = get_resolver().resolve_error_handler(500)
    for path, words in (("/en/search/", "Temporarily unavailable"), ("/id/cari/", "Sedang tidak tersedia")):
        try:
            raise OperationalError('connection to server at "10.0.0.4" failed: password "hunter2" rejected')
        except OperationalError:
            response = handler(RequestFactory().get(path))
        body = response.content.decode()
        assert response.status_code == 503 and words in body
        assert response["Retry-After"] == "60" and "no-store" in response["Cache-Control"]
        assert "hunter2" not in body and "Traceback" not in body
    try:
        raise ValueError("a bug")
    except ValueError:
        response = handler(RequestFactory().get("/en/"))
    assert response.status_code == 500 and "Something went wrong" in response.content.decode()
