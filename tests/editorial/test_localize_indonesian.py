"""wagtail-localize in Indonesian for the admin staff: its catalogs live in locale/vendor (LOCALE_PATHS)."""

import json
import re

import lxml.html
import pytest

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

from portal.blocks import CaptionedImageBlock
from tests.factories import StandardPageFactory, category_in_both


@pytest.fixture
def staff_client(admin_client, admin_user):
    """A superuser whose admin language is Indonesian, as the communications staff have it."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "id"
    profile.save()
    return admin_client


@pytest.fixture
def page(home):
    """An Indonesian page with no English translation yet."""
    return StandardPageFactory(parent=home, title="Layanan keliling", slug="layanan-keliling")


def text(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_messages_of_wagtail_localize_are_indonesian():
    with translation.override("id"):
        assert translation.gettext("Translate this page") == "Terjemahkan halaman ini"
        assert translation.gettext("Sync translated pages") == "Sinkronkan halaman terjemahan"
        assert translation.gettext("Update existing translations") == "Perbarui terjemahan yang ada"
        assert translation.gettext("Waiting for translations") == "Menunggu terjemahan"
        subtree = translation.ngettext("Include subtree ({} page)", "Include subtree ({} pages)", 3)
        assert subtree.format(3) == "Sertakan halaman turunan (3 halaman)"
    with translation.override("en"):
        assert translation.gettext("Translate this page") == "Translate this page"


def test_the_translate_actions_are_indonesian(staff_client, page, home, locale_en):
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = text(staff_client.get(edit))
    assert "Terjemahkan halaman ini" in html and "Translate this page" not in html
    explorer = text(staff_client.get(reverse("wagtailadmin_explore", args=[home.pk])))
    assert "Terjemahkan halaman ini" in explorer and "Translate this page" not in explorer

    # The English copy opens in the normal editor, in Indonesian too.
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    english = text(staff_client.get(staff_client.post(submit, {"locales": [locale_en.pk]}).url))
    assert "Simpan draf" in english and "Save draft" not in english


def test_the_submit_translation_form_is_indonesian(staff_client, home, page):
    html = text(staff_client.get(reverse("wagtail_localize:submit_page_translation", args=[home.pk])))
    for indonesian in ("Terjemahkan halaman", "Sertakan halaman turunan (1 halaman)", "Kirim", "Bahasa"):
        assert indonesian in html
    for english in ("Translate page", "Include subtree", 'value="Submit"', "All child pages will be created"):
        assert english not in html


def test_the_translation_editor_catalog_is_indonesian(staff_client):
    script = text(staff_client.get(reverse("wagtail_localize:javascript_catalog")))
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalog["Publish in "] == "Terbitkan dalam "
    assert catalog["segments translated"] == "segmen diterjemahkan"
    assert catalog["Stop Synced translation"] == "Hentikan terjemahan tersinkron"
    assert catalog["Save"] == "Simpan"


def test_wagtails_relative_times_are_indonesian():
    with translation.override("id"):
        assert naturaltime(timezone.now() - timezone.timedelta(seconds=2)) == "2\xa0detik yang lalu"


def test_the_sign_in_form_labels_the_password_in_indonesian(client, db):
    html = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="id").text
    assert re.search(r"<label[^>]*>\s*Kata sandi\s*<", html)


def test_image_blocks_label_their_chooser():
    with translation.override("id"):
        chooser = CaptionedImageBlock().child_blocks["image"].child_blocks["image"]
        assert str(chooser.label) == "Gambar"


def test_the_choosers_language_filter_is_labelled_in_indonesian(staff_client, locale_en):
    category_in_both(("Kegiatan", "kegiatan"), ("Activities", "activities"))
    response = staff_client.get(reverse("wagtailsnippetchoosers_news_newscategory:choose"))
    html = response.json()["html"]  # the modal's content
    label = re.search(r'<label[^>]*for="id_locale"[^>]*>\s*(.*?)\s*</label>', html, re.S)
    assert label and label[1] == "Bahasa"
    assert "Kegiatan" in html


def test_the_account_page_has_no_default_left_in_english(staff_client):
    html = text(staff_client.get(reverse("wagtailadmin_account")))
    assert '<option value="default" selected>Bawaan</option>' in html  # the density
    assert not re.search(r">\s*Default\s*<", html)


def test_staff_choose_among_indonesias_time_zones(staff_client):
    document = lxml.html.fromstring(text(staff_client.get(reverse("wagtailadmin_account"))))
    zones = document.xpath("//select[@name='locale-current_time_zone']/option/@value")
    assert zones == ["", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]


def test_wagtails_indonesian_slips_are_mended(staff_client):
    """Wagtail's catalogs had "Kolom ini  harus diisi." (two spaces) under every empty required
    field, and "Digunakan 2kali" in the documents list."""
    response = staff_client.post(reverse("wagtailadmin_collections:add"), {"name": "", "parent": ""})
    errors = lxml.html.fromstring(text(response)).xpath("//*[contains(@class, 'error-message')]//text()")
    assert "Kolom ini harus diisi." in [error.strip() for error in errors]
    with translation.override("id"):
        used = translation.ngettext("Used %(usage_count)s time", "Used %(usage_count)s times", 2)
        assert used % {"usage_count": 2} == "Digunakan 2 kali"


def test_page_counts_name_pages_in_indonesian(staff_client, home, page):
    """Wagtail's page search gave its count no type name ("1-1 dari 1 None"), and the explorer
    said "halaman-halaman" after a number."""
    searched = lxml.html.fromstring(text(staff_client.get(reverse("wagtailadmin_pages:search"), {"q": "keliling"})))
    assert searched.xpath("normalize-space(//th[contains(., 'dari')])").endswith("1-1 dari 1 halaman")
    StandardPageFactory(parent=home, title="Layanan antar", slug="layanan-antar")
    explored = lxml.html.fromstring(text(staff_client.get(reverse("wagtailadmin_explore", args=[home.pk]))))
    assert explored.xpath("normalize-space(//th[contains(., 'dari')])").endswith("1-2 dari 2 halaman")


def test_what_no_one_published_is_published_by_the_system(staff_client, page):
    """The aging pages report showed "None" for pages published by the demo or an import."""
    page.save_revision().publish()
    report = lxml.html.fromstring(text(staff_client.get(reverse("wagtailadmin_reports:aging_pages"))))
    row = report.xpath("normalize-space(//tr[contains(., 'Layanan keliling')])")
    assert "sistem" in row and "None" not in row
