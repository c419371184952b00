"""The page cache: what anonymous visitors get from it, what is never kept, what purges it, and the
Cache-Control and Vary every kind of response carries."""

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

from portal.models import Alert
from tests.factories import ContactPageFactory, NewsPageFactory, StandardPageFactory, translate
from tests.portal.images import sample_image
from tests.queries import count_queries

JAKARTA = ZoneInfo("Asia/Jakarta")


def cache_control(response):
    return {directive.strip() for directive in response.get("Cache-Control", "").split(",") if directive.strip()}


PUBLIC = {"public", "max-age=0", "s-maxage=300"}


def vary(response):
    return {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}


@pytest.fixture
def about(home, locale_en):
    page = StandardPageFactory(parent=home, title="Tentang Kami", slug="tentang-kami", introduction="Sejarah.")
    translate(page, locale_en, title="About us", slug="about", introduction="History.")
    return page


def test_second_anonymous_request_comes_from_the_cache_without_a_query(client, home, library):
    first = client.get("/id/")
    assert first["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/id/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert len(queries.captured_queries) == 0
    # Security headers are still added to what comes from the cache.
    assert second["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in second


def test_query_string_is_part_of_the_key(client, home, library):
    assert client.get("/id/")["X-Cache"] == "MISS"
    assert client.get("/id/", {"page": "2"})["X-Cache"] == "MISS"
    assert client.get("/id/", {"page": "2"})["X-Cache"] == "HIT"


def test_indonesian_and_english_are_kept_apart(client, home, library):
    assert client.get("/id/")["X-Cache"] == "MISS"
    english = client.get("/en/")
    assert english["X-Cache"] == "MISS"
    assert "Welcome" in english.text and "Selamat datang" not in english.text
    indonesian = client.get("/id/")
    assert indonesian["X-Cache"] == "HIT" and "Selamat datang" in indonesian.text
    assert client.get("/en/")["X-Cache"] == "HIT"


def test_publishing_a_page_again_shows_its_new_text(client, home, library):
    client.get("/id/")
    assert client.get("/id/")["X-Cache"] == "HIT"
    home.welcome_title = "Selamat datang kembali"
    home.save_revision().publish()
    response = client.get("/id/")
    assert response["X-Cache"] == "MISS"
    assert "Selamat datang kembali" in response.text


def test_publishing_a_translation_purges_the_english_page(client, home, home_en, library):
    client.get("/en/")
    home_en.welcome_title = "Hello, readers"
    home_en.save_revision().publish()
    response = client.get("/en/")
    assert response["X-Cache"] == "MISS" and "Hello, readers" in response.text


def test_a_new_page_in_the_menu_unpublishing_and_deleting_purge(client, home, library, about):
    assert "Tentang Kami" in client.get("/id/").text
    services = StandardPageFactory(parent=home, title="Layanan", slug="layanan", live=False)
    services.save_revision().publish()
    assert "Layanan" in client.get("/id/").text
    about.unpublish()
    assert "Tentang Kami" not in client.get("/id/").text
    client.get("/id/layanan/")
    assert client.get("/id/layanan/")["X-Cache"] == "HIT"
    services.delete()
    response = client.get("/id/layanan/")
    assert response.status_code == 404 and response["X-Cache"] == "MISS"
    assert "Layanan" not in client.get("/id/").text


def test_moving_a_page_purges(client, home, library, about):
    child = StandardPageFactory(parent=about, title="Sejarah Gedung", slug="sejarah-gedung")
    assert "Sejarah Gedung" not in client.get("/id/").text
    child.move(home, pos="last-child")
    assert "Sejarah Gedung" in client.get("/id/").text


def test_saving_a_draft_does_not_purge(client, home, library):
    client.get("/id/")
    draft = home.get_latest_revision_as_object()
    draft.welcome_title = "Belum terbit"
    draft.save_revision()
    response = client.get("/id/")
    assert response["X-Cache"] == "HIT" and "Belum terbit" not in response.text


def test_alert_banner_shows_at_once_and_goes_when_deleted(client, home, library):
    client.get("/id/")
    banner = Alert.objects.create(title="Tutup hari ini", locale=Locale.objects.get(language_code="id"))
    response = client.get("/id/")
    assert response["X-Cache"] == "MISS" and "Tutup hari ini" in response.text
    banner.delete()
    assert "Tutup hari ini" not in client.get("/id/").text


def test_library_profile_and_settings_changes_purge(client, home, library):
    assert "Perpustakaan Umum Kabupaten Uji" in client.get("/id/").text
    profile = library.profile
    profile.name = "Perpustakaan Daerah Uji"
    profile.save()
    assert "Perpustakaan Daerah Uji" in client.get("/id/").text
    library.phone = "(0324) 999 111"
    library.save()
    response = client.get("/id/")
    assert response["X-Cache"] == "MISS" and "(0324) 999 111" in response.text


def test_making_a_page_private_drops_it_at_once(client, home, library, about):
    from wagtail.models import PageViewRestriction

    client.get("/id/tentang-kami/")
    assert client.get("/id/tentang-kami/")["X-Cache"] == "HIT"
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/id/tentang-kami/")
    assert response.status_code == 302 and response["X-Cache"] == "MISS"


def test_every_snippet_and_setting_purges_when_saved_or_deleted(db):
    from django.db.models.signals import post_delete, post_save

    from wagtail.contrib.settings.registry import registry as setting_registry
    from wagtail.snippets.models import get_snippet_models

    from ops.cache import content_saved, purge_after_change

    models = [*get_snippet_models(), *setting_registry]
    assert models
    for model in models:
        assert content_saved in post_save._live_receivers(model)[0], model
        assert purge_after_change in post_delete._live_receivers(model)[0], model


def test_an_editor_never_reads_nor_fills_the_cache(client, admin_client, home, library):
    editor = admin_client.get("/id/")
    assert "X-Cache" not in editor
    assert cache_control(editor) == {"private", "no-cache"}
    assert "cookie" in vary(editor)
    # What the editor saw was not kept for visitors.
    assert client.get("/id/")["X-Cache"] == "MISS"
    assert client.get("/id/")["X-Cache"] == "HIT"
    # And what visitors get is not served to the editor.
    assert "X-Cache" not in admin_client.get("/id/")


def test_any_session_bypasses_the_cache(client, home, library):
    client.get("/id/")
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "no-such-session"
    response = client.get("/id/")
    assert "X-Cache" not in response
    assert cache_control(response) == {"private", "no-cache"}


def test_the_contact_form_is_never_kept(client, home, library):
    ContactPageFactory(parent=home)
    for _ in range(2):
        response = client.get("/id/kontak/")
        assert response.status_code == 200 and response["X-Cache"] == "MISS"
        assert "csrfmiddlewaretoken" in response.text
        assert cache_control(response) == {"private", "no-cache"}
    # Not even for a visitor who already holds a CSRF cookie (no new cookie is then needed).
    client.cookies[django_settings.CSRF_COOKIE_NAME] = response.cookies[django_settings.CSRF_COOKIE_NAME].value
    for _ in range(2):
        assert client.get("/id/kontak/")["X-Cache"] == "MISS"


def test_errors_and_head_requests_are_not_kept(client, home, library):
    for _ in range(2):
        missing = client.get("/id/tidak-ada/")
        assert missing.status_code == 404 and missing["X-Cache"] == "MISS"
        assert "public" not in cache_control(missing)
    head = client.head("/id/")
    assert head["X-Cache"] == "MISS" and cache_control(head) == PUBLIC
    assert client.get("/id/")["X-Cache"] == "MISS"
    assert client.head("/id/")["X-Cache"] == "HIT"


def test_answers_that_vary_with_other_headers_are_not_kept(rf):
    from django.http import HttpResponse

    from ops.cache import is_public

    response = HttpResponse("gzip or not")
    response["Vary"] = "Cookie, Accept-Encoding"
    assert not is_public(rf.get("/id/"), response)
    response["Vary"] = "Cookie, Accept-Language"
    assert is_public(rf.get("/id/"), response)


def test_a_shared_preview_link_is_never_kept(client, home, library):
    from editorial.models import PreviewLink

    link = PreviewLink.objects.create(page=home, expires_at=timezone.now() + timedelta(days=1))
    for _ in range(2):
        response = client.get(f"/preview/{link.token}/")
        assert response.status_code == 200 and "X-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"


def test_page_headers_for_anonymous_visitors(client, home, library):
    response = client.get("/id/")
    # Browsers ask again every time (max-age=0), shared caches keep the page (s-maxage).
    assert cache_control(response) == PUBLIC
    # Signed-in editors get another page (the user bar) at the same address.
    assert vary(response) == {"cookie"}
    assert response["ETag"].startswith('"')


def test_a_browser_holding_the_page_gets_304_until_it_changes(client, home, library):
    from portal.generation import purge

    etag = client.get("/id/")["ETag"]
    assert client.get("/id/")["ETag"] == etag  # the kept copy carries it
    not_modified = client.get("/id/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["X-Cache"] == "HIT" and not_modified["ETag"] == etag
    assert cache_control(not_modified) == PUBLIC
    # nginx's gzip makes the ETag weak: still the same page.
    assert client.get("/id/", HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert client.get("/id/", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    # Rendered again with the same content (a change elsewhere): still 304.
    purge()
    again = client.get("/id/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["X-Cache"] == "MISS"
    # Published: the browser gets the new page at once.
    home.welcome_title = "Selamat datang kembali"
    home.save_revision().publish()
    changed = client.get("/id/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["X-Cache"] == "MISS"
    assert "Selamat datang kembali" in changed.text and changed["ETag"] != etag


def test_page_cache_seconds_come_from_the_settings(client, home, library, settings):
    settings.PAGE_CACHE_SECONDS = 60
    assert cache_control(client.get("/id/")) == {"public", "max-age=0", "s-maxage=60"}
    settings.PAGE_CACHE_SECONDS = 0
    response = client.get("/en/")
    assert "X-Cache" not in response and "Cache-Control" not in response
    assert "X-Cache" not in client.get("/en/")


def test_admin_is_private_and_never_stored(admin_client, client, home):
    for response in (admin_client.get("/admin/"), client.get("/admin/login/")):
        assert {"private", "no-store"} <= cache_control(response)
        assert "X-Cache" not in response


def test_feeds_sitemap_and_robots_are_public(client, home, library):
    from tests.factories import EventIndexPageFactory, NewsIndexPageFactory

    NewsIndexPageFactory(parent=home)
    EventIndexPageFactory(parent=home)
    for path in ("/id/berita/feed/", "/id/berita/feed/atom/", "/id/agenda/ical/", "/sitemap.xml", "/robots.txt"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert cache_control(response) == PUBLIC, path
        assert "ETag" in response, path
        assert "cookie" not in vary(response), path
        assert client.get(path)["X-Cache"] == "HIT", path


def test_the_bare_address_redirect_is_not_public(client, home):
    for language, target in (("en-US,en;q=0.9", "/en/"), ("id-ID,id;q=0.9", "/id/")):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 302 and response["Location"] == target
        assert cache_control(response) == {"private", "max-age=300"}
        assert "accept-language" in vary(response)
        assert "X-Cache" not in response


def test_menu_and_library_data_are_kept_between_pages(client, home, library, about, uncached_pages):
    client.get("/id/")  # warm Wagtail's caches of site root paths and content types
    from portal.generation import purge

    purge()
    cold = count_queries(client, "/id/")
    warm = count_queries(client, "/id/")
    # The menu (view restrictions, pages) and the library's settings, profile, weekly and special
    # hours and alerts are not read again.
    assert warm <= cold - 7, (cold, warm)
    # ... and a change shows at once.
    StandardPageFactory(parent=home, title="Layanan Baru", slug="layanan-baru", live=False).save_revision().publish()
    assert "Layanan Baru" in client.get("/id/").text


def test_open_now_follows_the_clock_while_the_hours_are_kept(client, home, library, uncached_pages):
    monday = datetime(2026, 3, 2, tzinfo=JAKARTA)
    with time_machine.travel(monday.replace(hour=8), tick=False):
        assert "Buka sekarang" in client.get("/id/").text
    with time_machine.travel(monday.replace(hour=16), tick=False):
        assert "Tutup sekarang" in client.get("/id/").text


def test_alert_banner_appears_at_its_start_while_the_alerts_are_kept(client, home, library, uncached_pages):
    start = timezone.now() + timedelta(minutes=10)
    Alert.objects.create(title="Pemadaman listrik", starts_at=start, locale=Locale.objects.get(language_code="id"))
    assert "Pemadaman listrik" not in client.get("/id/").text
    with time_machine.travel(start + timedelta(minutes=1)):
        assert "Pemadaman listrik" in client.get("/id/").text


def test_frontend_cache_is_configured_from_the_environment():
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps([getattr(settings, 'WAGTAILFRONTENDCACHE', None), "
        "'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS, "
        "getattr(settings, 'WAGTAILFRONTENDCACHE_LANGUAGES', None)]))"
    )

    def configured(**env):
        environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env}
        for name in ("FRONTEND_CACHE_PURGE_URL", "CLOUDFLARE_BEARER_TOKEN", "CLOUDFLARE_ZONEID"):
            if name not in env:
                environ.pop(name, None)
        output = subprocess.run([sys.executable, "-c", script], env=environ, capture_output=True, text=True)
        assert output.returncode == 0, output.stderr
        return json.loads(output.stdout.strip().splitlines()[-1])

    assert configured() == [None, False, None]
    backends, installed, languages = configured(
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081", CLOUDFLARE_BEARER_TOKEN="token", CLOUDFLARE_ZONEID="zone"
    )
    assert installed and languages == []
    assert backends == {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        },
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "token",
            "ZONEID": "zone",
        },
    }


def test_frontend_cache_purges_each_language_at_its_own_address(home, home_en, about, settings, monkeypatch):
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

    from portal.settings.base import frontend_cache_backends

    sent = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.http.urlopen",
        lambda request: sent.append((request.get_method(), request.full_url, request.get_header("Host"))),
    )
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    backends = frontend_cache_backends({"FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081"})
    purge_page_from_cache(about.get_translation(home_en.locale), backend_settings=backends)
    assert [(method, url) for method, url, _host in sent] == [("PURGE", "http://127.0.0.1:6081/en/about/")]


def test_a_card_image_kept_between_pages_changes_with_its_focal_point(client, news_index, library, uncached_pages):
    """The cards' <img> tags are kept per process until the next change (portal/images.py): an
    image saved with another focal point is one, and its new renditions show at once."""
    image = sample_image()
    NewsPageFactory(parent=news_index, title="Pojok baca", lead_image=image, lead_image_alt="Rak buku")

    def card_sources():
        html = client.get("/id/berita/").text
        card = html[html.index('class="card news-card"') :]
        return re.findall(r'src="([^"]+)"', card[: card.index("</article>")])

    first = card_sources()
    assert first and card_sources() == first
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 10, 10, 20, 20
    image.save()
    assert card_sources() != first
    assert all(client.get(src).status_code == 200 for src in card_sources())
