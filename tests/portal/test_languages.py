import pytest


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("id-ID,id;q=0.9,en;q=0.8", "/id/"),
        ("fr-FR,fr;q=0.9", "/id/"),
        ("", "/id/"),
    ],
)
def test_root_redirects_by_accept_language(client, home, accept_language, target):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == target


def test_wagtail_admin_speaks_indonesian_by_default(admin_client):
    response = admin_client.get("/admin/", headers={"accept-language": "id"})
    assert response.status_code == 200
    assert "Dasbor" in response.text or "Halaman" in response.text


def test_dates_are_written_per_language():
    from datetime import date

    from django.utils import formats, translation

    with translation.override("id"):
        assert formats.date_format(date(2015, 2, 28)) == "28 Februari 2015"
    with translation.override("en"):
        assert formats.date_format(date(2015, 2, 28)) == "28 February 2015"


def test_skip_link_and_landmarks_on_every_page(client, home, library):
    html = client.get("/en/").text
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert 'aria-label="Main menu"' in html or "site-nav" not in html
