"""Translating a page field by field in the admin with wagtail-localize, then keeping it in sync."""

import html

import pytest

from django.test import override_settings
from django.urls import reverse

from wagtail_localize.models import StringSegment, Translation, TranslationSource

from portal.settings.base import machine_translator
from tests.factories import StandardPageFactory

ENGLISH = {
    "Layanan keliling": "Mobile library",
    "layanan-keliling": "mobile-library",
    "Mobil perpustakaan datang ke desa setiap Sabtu.": "The library van visits the villages every Saturday.",
    "Mobil perpustakaan datang ke desa setiap Senin.": "The library van visits the villages every Monday.",
}


@pytest.fixture
def page(home):
    return StandardPageFactory(
        parent=home,
        title="Layanan keliling",
        slug="layanan-keliling",
        introduction="Mobil perpustakaan datang ke desa setiap Sabtu.",
    )


def translate_strings(client, translation):
    """Fills in every string of the translation, as an editor does in the translation editor."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(url, f"value={ENGLISH[segment.string.data]}", "application/x-www-form-urlencoded")
        assert response.status_code in (200, 201), segment.string.data


def test_a_page_is_translated_synced_and_keeps_its_indonesian(
    admin_client, page, locale_en, django_capture_on_commit_callbacks
):
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert admin_client.post(submit, {"locales": [locale_en.pk]}).status_code == 302
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale_en)
    english = page.get_translation(locale_en)
    assert not english.live  # a draft until it is translated and published

    translate_strings(admin_client, translation)
    edit_english = reverse("wagtailadmin_pages:edit", args=[english.pk])
    # wagtail-localize publishes once the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(edit_english, {"action": "publish"}).status_code == 302
    english_html = admin_client.get("/en/mobile-library/").content.decode()
    assert "Mobile library" in english_html and "every Saturday" in english_html

    # The Indonesian page changes; the English one is out of date until it is synced.
    page.introduction = "Mobil perpustakaan datang ke desa setiap Senin."
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert "Layanan keliling" in admin_client.get(sync).content.decode()
    assert admin_client.post(sync, {}).status_code == 302
    translate_strings(admin_client, translation)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit_english, {"action": "publish"})

    english_html = admin_client.get("/en/mobile-library/").content.decode()
    assert "every Monday" in english_html and "Saturday" not in english_html
    indonesian_html = admin_client.get("/id/layanan-keliling/").content.decode()
    assert "Layanan keliling" in indonesian_html and "setiap Senin" in indonesian_html
    assert "Mobile library" not in indonesian_html


def editor_props(client, page, locale):
    client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]})
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.get_translation(locale).pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_the_translation_editor_works_without_a_machine_translator(admin_client, page, locale_en):
    assert '"machineTranslator": null' in editor_props(admin_client, page, locale_en)


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator({"LIBRETRANSLATE_URL": "http://mt.local"}))
def test_a_configured_machine_translator_is_offered(admin_client, page, locale_en):
    assert '"machineTranslator": {"name": "LibreTranslate"' in editor_props(admin_client, page, locale_en)


@pytest.mark.parametrize(
    ("environ", "translator"),
    [
        ({}, None),
        ({"DEEPL_AUTH_KEY": "k:fx"}, "wagtail_localize.machine_translators.deepl.DeepLTranslator"),
        (
            {"LIBRETRANSLATE_URL": "http://mt.local"},
            "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        ),
    ],
)
def test_the_machine_translator_is_chosen_by_environment(environ, translator):
    config = machine_translator(environ)
    assert (config and config["CLASS"]) == translator
