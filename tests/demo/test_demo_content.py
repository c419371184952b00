from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page

from portal.models import LibraryProfile, LibrarySettings


def test_demo_builds_the_site_in_both_languages(client, demo_site):
    for path, text in [
        ("/id/", "Selamat datang di perpustakaan kita bersama"),
        ("/en/", "Welcome to the library we share"),
        ("/id/tentang-kami/", "Rumah belajar di tengah kota"),
        ("/en/about/", "A house of learning in the heart of town"),
        ("/id/layanan/", "Cara menjadi anggota"),
        ("/en/services/", "How to become a member"),
        ("/id/kunjungi/", "Jl. Jokotole No. 55"),
        ("/en/visit/", "Jl. Jokotole No. 55"),
        ("/id/kontak/", "Kunjungan rombongan sekolah"),
        ("/en/contact/", "Visit by a school group"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert text in response.text, path
        assert len(response.content) < 60_000, path  # DESIGN.md: HTML under 60 KB


def test_demo_home_has_a_carousel_linking_to_pages_in_the_same_language(client, demo_site):
    english = client.get("/en/").text
    assert 'aria-roledescription="carousel"' in english
    assert '<a href="/en/about/">A library for everyone</a>' in english
    indonesian = client.get("/id/").text
    assert '<a href="/id/tentang-kami/">Perpustakaan untuk semua warga</a>' in indonesian


def test_demo_content_is_idempotent(demo_site):
    counts = (Page.objects.count(), get_image_model().objects.count(), LibraryProfile.objects.count())
    call_command("load_demo_content", stdout=StringIO())
    assert (Page.objects.count(), get_image_model().objects.count(), LibraryProfile.objects.count()) == counts
    settings = LibrarySettings.objects.get()
    assert settings.opening_hours.count() == 7


def test_demo_keeps_an_editors_change_when_run_again(client, demo_site):
    about = Page.objects.get(slug="tentang-kami").specific
    about.title = "Profil Perpustakaan"
    about.save_revision().publish()
    call_command("load_demo_content", stdout=StringIO())
    assert "<h1>Profil Perpustakaan</h1>" in client.get("/id/tentang-kami/").text
