"""Security: headers on every kind of response, sign-in throttling, upload limits and checks, and
the search box's input."""

import re
import zipfile
from datetime import timedelta
from io import BytesIO
from unittest import mock

import pytest
import time_machine
from PIL import Image as PillowImage

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.documents import get_document_model
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

from ops.uploads import content_matches
from search import views
from tests.factories import NewsIndexPageFactory, NewsPageFactory, VisitPageFactory

PASSWORD = "kata-sandi-yang-benar-2026"


def directives(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    policy = response["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


# Headers


@pytest.fixture
def pages(home, library, locale_en):
    """A visit page (hours as JSON) and a news section (feed) besides the home pages."""
    VisitPageFactory(parent=home).save_revision().publish()
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news)


PUBLIC_RESPONSES = [
    ("/id/", "text/html"),
    ("/en/", "text/html"),
    ("/id/kunjungi/hours/", "application/json"),
    ("/id/berita/feed/", "application/rss+xml"),
    ("/robots.txt", "text/plain"),
    ("/id/tidak-ada/", "text/html"),  # the 404 page
    ("/static/portal/css/site.css", "text/css"),  # by whitenoise, before Django's views
]


@pytest.mark.parametrize("path, content_type", PUBLIC_RESPONSES)
def test_public_responses_carry_the_strict_policy_and_the_other_headers(client, pages, path, content_type):
    response = client.get(path)
    assert response.status_code == (404 if "tidak-ada" in path else 200)
    assert response["Content-Type"].startswith(content_type)
    policy = directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-src"] == [
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://www.openstreetmap.org",
    ]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert_common_headers(response, framed=not path.startswith("/static/"))


def assert_common_headers(response, framed=True):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    for feature in ("camera", "geolocation", "microphone", "payment", "usb"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    if framed:  # whitenoise answers static files before the clickjacking middleware; CSP covers them
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/admin/images/"])
def test_the_admin_gets_its_own_policy(client, admin_user, home, path):
    if path != "/admin/login/":
        client.force_login(admin_user)
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["frame-src"][0] == "'self'"  # the preview panel
    assert policy["default-src"] == ["'self'"] and policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert_common_headers(response)


def test_the_page_preview_gets_the_admin_policy_and_may_be_framed_by_the_admin(admin_client, home):
    response = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk]))
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_json_ld_is_a_data_block_the_policy_leaves_alone(client, library):
    html = client.get("/id/").text
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all('type="application/ld+json"' in attrs or "src=" in attrs for attrs in scripts)
    assert "<style" not in html and " style=" not in html and not re.search(r"\son[a-z]+=", html)


def test_embeds_have_no_style_attribute(settings):
    embed = Embed(
        url="https://www.youtube.com/watch?v=abc",
        html='<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>',
        width=480,
        height=270,
    )
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert "style=" not in html
    assert 'class="responsive-object" data-ratio="56.25%"' in html


def test_media_from_a_bucket_is_allowed_as_images():
    from portal.settings.base import media_origins

    assert media_origins({}) == []
    assert media_origins({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_CUSTOM_DOMAIN": "media.example.id"}) == [
        "https://media.example.id"
    ]
    assert media_origins({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_ENDPOINT_URL": "https://s3.example.id:9000"}) == [
        "https://s3.example.id:9000",
        "https://*.s3.example.id:9000",
    ]


# Sign-in throttling


@pytest.fixture
def axes(settings, db):
    settings.AXES_ENABLED = True
    user = get_user_model().objects.create_superuser("pustakawan", "pustakawan@example.id", PASSWORD)
    return user


def sign_in(client, username="pustakawan", password="salah", **headers):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, **headers)


def test_five_wrong_passwords_lock_the_user_name_even_for_the_right_one(client, axes):
    statuses = [sign_in(client).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    locked = sign_in(client, password=PASSWORD, HTTP_ACCEPT_LANGUAGE="en")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    text = locked.content.decode()
    assert "Too many sign-in attempts" in text
    assert "Signing in is paused after 5 wrong passwords for this user name or from this network." in text
    assert "Try again in 15\xa0minutes. Until then even the right password is refused." in text
    assert "'unsafe-inline'" in locked["Content-Security-Policy"]  # the admin's look, the admin's policy


def test_the_lockout_page_speaks_the_visitors_language(client, axes):
    for _ in range(5):
        response = sign_in(client)
    assert response.status_code == 429
    assert '<html lang="id"' in response.text
    assert "15\xa0menit" in response.text
    with translation.override("id"):
        assert gettext("Too many sign-in attempts") in response.text


def test_the_lock_ends_after_the_cool_off_and_success_clears_the_count(client, axes):
    for _ in range(5):
        sign_in(client)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert sign_in(client, password=PASSWORD).status_code == 302
        client.logout()
        # The count started again at zero: four more mistakes do not lock.
        assert [sign_in(client).status_code for _ in range(4)] == [200] * 4
        assert sign_in(client, password=PASSWORD).status_code == 302


def test_five_wrong_passwords_leave_another_user_at_that_address_free(client, axes):
    colleague = get_user_model().objects.create_user("redaksi", "redaksi@example.id", PASSWORD)
    statuses = [sign_in(client, REMOTE_ADDR="203.0.113.5").status_code for _ in range(5)]
    assert statuses[-1] == 429
    response = sign_in(client, colleague.username, PASSWORD, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(colleague.pk)


def test_one_address_trying_many_user_names_is_locked(client, axes, settings):
    limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    statuses = [sign_in(client, f"tamu{n}", REMOTE_ADDR="203.0.113.5").status_code for n in range(limit)]
    assert statuses[:-1] == [200] * (limit - 1) and statuses[-1] == 429
    assert sign_in(client, "pustakawan", PASSWORD, REMOTE_ADDR="203.0.113.5").status_code == 429
    # The librarian elsewhere is not locked out by it.
    assert sign_in(client, "pustakawan", PASSWORD, REMOTE_ADDR="198.51.100.20").status_code == 302


def test_one_user_name_tried_from_many_addresses_is_locked(client, axes, settings):
    limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    statuses = [sign_in(client, REMOTE_ADDR=f"203.0.{n // 200}.{n % 200 + 1}").status_code for n in range(limit)]
    assert statuses[-1] == 429
    assert sign_in(client, password=PASSWORD, REMOTE_ADDR="198.51.100.20").status_code == 429


def test_behind_the_proxy_the_visitors_address_counts(client, axes, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"  # production behind deploy/nginx.conf
    for _ in range(5):
        sign_in(client, "tamu", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")
    assert sign_in(client, "tamu", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.5").status_code == 429
    # Another visitor through the same proxy, with the same user name, is not locked out.
    get_user_model().objects.create_user("tamu", "tamu@example.id", PASSWORD)
    response = sign_in(client, "tamu", PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.20")
    assert response.status_code == 302


# Uploads


def png(size, mode="1", padding=0):
    buffer = BytesIO()
    PillowImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * padding


def upload_image(client, name, content):
    file = SimpleUploadedFile(name, content)
    return client.post(reverse("wagtailimages:add"), {"title": "Foto", "file": file, "decorative": "on"})


def image_error(response):
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    return response.context["form"].errors.as_data()["file"][0].code


def test_camera_sized_photos_are_accepted(admin_client):
    assert upload_image(admin_client, "foto.png", png(django_settings.DEMO_PHOTO_SIZE)).status_code == 302


def test_an_image_of_more_than_40_megapixels_is_refused(admin_client):
    assert image_error(upload_image(admin_client, "besar.png", png((8000, 5001)))) == "file_too_many_pixels"


def test_an_image_file_over_the_size_limit_is_refused(admin_client, settings):
    content = png((64, 48), padding=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    assert image_error(upload_image(admin_client, "berat.png", content)) == "file_too_large"


def test_svg_images_are_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert image_error(upload_image(admin_client, "logo.svg", svg)) == "invalid_image_extension"


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>document.location='https://example.com'</script></body></html>"


def upload_document(client, name, content):
    file = SimpleUploadedFile(name, content)
    return client.post(reverse("wagtaildocs:add"), {"title": "Laporan", "file": file, "collection": 1})


def test_a_web_page_named_pdf_is_refused_with_a_clear_message(admin_client):
    """In the admin's language, Indonesian unless the editor chose otherwise."""
    response = upload_document(admin_client, "laporan.pdf", HTML)
    message = str(response.context["form"].errors["file"][0])
    assert response.status_code == 200
    assert message.startswith("Berkas ini bukan berkas .pdf yang sebenarnya: isinya tidak sesuai dengan namanya.")
    assert not get_document_model().objects.exists()


def test_a_disguised_file_is_refused_by_the_multiple_uploader_too(admin_client):
    program = SimpleUploadedFile("laporan.docx", b"MZ\x90\x00" + b"\0" * 100)
    response = admin_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": program})
    assert response.json()["success"] is False
    assert ".docx" in response.json()["error_message"]
    assert not get_document_model().objects.exists()


def test_a_real_pdf_is_accepted_and_downloads_as_an_attachment(admin_client, client):
    assert upload_document(admin_client, "laporan-tahunan.pdf", PDF).status_code == 302
    document = get_document_model().objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"  # Wagtail's own, kept


def test_every_document_type_downloads_as_an_attachment(client, db):
    Document = get_document_model()
    for name in ("daftar.csv", "catatan.txt", "laporan.pdf"):
        document = Document.objects.create(title=name, file=ContentFile(b"a,b\n", name=name))
        assert client.get(document.url)["Content-Disposition"].startswith("attachment"), name


def zipped(*names):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "extension, head, matches",
    [
        ("pdf", PDF, True),
        ("pdf", b"\r\n" + PDF, True),
        ("pdf", HTML, False),
        ("pdf", b"MZ\x90\x00", False),
        ("docx", zipped("[Content_Types].xml", "word/document.xml"), True),
        ("xlsx", zipped("[Content_Types].xml"), True),
        ("odt", zipped("mimetype"), True),
        ("docx", HTML, False),
        ("docx", PDF, False),
        ("rtf", b"{\\rtf1\\ansi Laporan}", True),
        ("rtf", HTML, False),
        ("txt", "Jam buka: Senin–Jumat 07.30–15.30\n".encode(), True),
        ("txt", b"\xef\xbb\xbfJam buka\n", True),
        ("txt", "Jam buka".encode("utf-16"), True),  # "Unicode text" with its byte order mark
        ("txt", "Jam buka".encode("cp1252") + b"\xe9", True),
        ("txt", b"  <!doctype html><html>", False),
        ("csv", b"<svg onload=alert(1)>", False),
        ("csv", b"MZ\x90\x00\x03", False),
        ("csv", b"judul,tahun\x00\x00", False),
        ("csv", b"judul;tahun\nBatik Madura;2015\n", True),
    ],
)
def test_content_must_match_the_extension(extension, head, matches):
    assert content_matches(extension, head) is matches


# Search input


@pytest.mark.parametrize(
    "query",
    [
        "kawung\x00batik",
        "\x00\x01\x1b[31mkawung\x7f\x08 batik\u200b\ufffd",
        "kawung " * 500,
        "%00 kawung \r\n\t batik",
    ],
)
def test_no_control_bytes_or_search_syntax_reach_the_search_backend(client, library, query):
    with mock.patch.object(views, "first_match", wraps=views.first_match) as first_match:
        assert client.get("/id/cari/", {"q": query}).status_code == 200
    (_pages, words), _kwargs = first_match.call_args
    text = " ".join(words)
    assert re.fullmatch(r"[^\W_]+( [^\W_]+)*", text), text
    assert len(text.split()) <= views.MAX_WORDS and len(text) <= views.MAX_LENGTH
