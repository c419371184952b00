"""Translating in the admin as staff do: a new Indonesian page has its English twin at once, the
translation is written in the normal editor and goes through review, and nothing else that is
live in English changes on the way."""

import pytest

from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsCategory, NewsPage
from portal.settings.base import machine_translator
from tests.factories import NewsCategoryFactory, category_in_both

NOTICE = "This page has not been translated yet, so it is shown in Indonesian."
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def activities(locale_id, locale_en):
    return category_in_both(("Kegiatan", "kegiatan"), ("Activities", "activities"))


def news_form(title, slug, category, action, body="<p>Anak-anak bercerita di depan teman.</p>"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-12-01",
            "summary": "Lomba bercerita untuk anak sekolah dasar.",
            "body": streamfield([("paragraph", rich_text(body))]),
            "category": category.pk,
            "tags": "",
            "related_pages": streamfield([]),
            "seo_title": "",
            "search_description": "",
            action: "1",
        }
    )


@pytest.fixture
def contest(admin_client, news_index, activities):
    """A news page written and published in the Indonesian admin."""
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    response = admin_client.post(add, news_form("Lomba bercerita", "lomba-bercerita", activities, "action-publish"))
    assert response.status_code == 302
    return NewsPage.objects.get(slug="lomba-bercerita", locale__language_code="id")


def test_a_new_page_has_its_english_twin_at_once(client, contest, locale_en):
    english = contest.get_translation(locale_en)
    assert english.alias_of_id == contest.pk and english.live
    response = client.get("/en/news/lomba-bercerita/")
    assert response.status_code == 200
    assert NOTICE in response.text and "Lomba bercerita" in response.text
    # The language switch of the Indonesian page leads to it, not to the English home page.
    assert 'href="/en/news/lomba-bercerita/"' in client.get("/id/berita/lomba-bercerita/").text


def test_translating_a_page_leaves_live_english_snippets_alone(admin_client, contest, locale_en, activities):
    # The Indonesian category changed since it was translated: its English version must not follow.
    activities.name = "Kegiatan perpustakaan"
    activities.save()
    submit = reverse("wagtail_localize:submit_page_translation", args=[contest.pk])
    assert admin_client.post(submit, {"locales": [locale_en.pk]}).status_code == 302

    english = NewsCategory.objects.get(locale=locale_en, translation_key=activities.translation_key)
    assert (english.name, english.slug) == ("Activities", "activities")
    assert admin_client.get("/en/news/activities/feed/").status_code == 200
    assert NewsCategory.objects.filter(locale=locale_en).count() == 1


def test_a_related_snippet_without_english_gets_a_copy(admin_client, news_index, locale_en, locale_id):
    contest_category = NewsCategoryFactory(name="Lomba", slug="lomba", locale=locale_id)
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    admin_client.post(add, news_form("Lomba mewarnai", "lomba-mewarnai", contest_category, "action-publish"))
    page = NewsPage.objects.get(slug="lomba-mewarnai", locale=locale_id)
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert admin_client.post(submit, {"locales": [locale_en.pk]}).status_code == 302
    assert contest_category.get_translation(locale_en).name == "Lomba"  # for the translator to rename


def test_an_editor_translates_in_the_normal_editor_and_a_moderator_publishes(
    client, contest, locale_en, editor, moderator, activities
):
    client.force_login(editor)
    submit = reverse("wagtail_localize:submit_page_translation", args=[contest.pk])
    response = client.post(submit, {"locales": [locale_en.pk]})
    english = Page.objects.get(translation_key=contest.translation_key, locale=locale_en)
    edit = reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert response.status_code == 302 and response.url == edit

    # Wagtail's own editor (rich-text toolbar, review actions), not wagtail-localize's segments.
    form = client.get(edit).text
    assert 'name="action-submit"' in form and "draftail" in form
    assert "translation-editor" not in form
    # Meanwhile visitors still get the page, in Indonesian with the notice.
    public = client.get("/en/news/lomba-bercerita/")
    assert public.status_code == 200 and NOTICE in public.text

    draft = english.specific.get_latest_revision_as_object()
    assert draft.category.name == "Activities"  # the copy points at the English category
    body = '<p>Children tell a story <b>in front of</b> friends. <a href="https://example.org/rules">Rules</a>.</p>'
    response = client.post(edit, news_form("Storytelling contest", draft.slug, draft.category, "action-submit", body))
    assert response.status_code == 302
    assert client.get("/en/news/lomba-bercerita/").status_code == 200  # not published by an editor

    client.force_login(moderator)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(english.pk))
    approve = reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", state.current_task_state.pk])
    assert client.post(approve, {"comment": ""}).status_code == 302

    client.logout()
    # An English address from the English title, since the translator kept the Indonesian one.
    response = client.get("/en/news/storytelling-contest/")
    assert response.status_code == 200
    assert "Storytelling contest" in response.text and NOTICE not in response.text
    assert "<b>in front of</b>" in response.text and 'href="https://example.org/rules"' in response.text
    assert ">Activities<" in response.text
    indonesian = client.get("/id/berita/lomba-bercerita/")
    assert "Lomba bercerita" in indonesian.text and 'href="/en/news/storytelling-contest/"' in indonesian.text


def test_a_translator_may_choose_the_english_address(admin_client, contest, locale_en, activities):
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[contest.pk]), {"locales": [locale_en.pk]}
    )
    english = contest.get_translation(locale_en)
    edit = reverse("wagtailadmin_pages:edit", args=[english.pk])
    admin_client.post(edit, news_form("Storytelling contest", "story-contest", activities, "action-publish"))
    assert admin_client.get("/en/news/story-contest/").status_code == 200


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
def test_a_configured_machine_translator_fills_the_english_draft(admin_client, contest, locale_en):
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[contest.pk]), {"locales": [locale_en.pk]}
    )
    draft = contest.get_translation(locale_en).get_latest_revision_as_object()
    # wagtail-localize's dummy translator reverses the words; tags and links stay in place.
    assert draft.title == "bercerita Lomba"
    assert ">teman. depan di bercerita Anak-anak</p>" in draft.body[0].value.source


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator({"LIBRETRANSLATE_URL": "http://127.0.0.1:9"}))
def test_a_machine_translator_that_does_not_answer_leaves_a_plain_copy(admin_client, contest, locale_en):
    submit = reverse("wagtail_localize:submit_page_translation", args=[contest.pk])
    response = admin_client.post(submit, {"locales": [locale_en.pk]}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Machine translation into English did not answer" in response.text
    assert contest.get_translation(locale_en).get_latest_revision_as_object().title == "Lomba bercerita"


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


def test_the_english_version_offers_no_switch_to_the_segment_editor(admin_client, contest, locale_en):
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[contest.pk]), {"locales": [locale_en.pk]}
    )
    edit = reverse("wagtailadmin_pages:edit", args=[contest.get_translation(locale_en).pk])
    form = admin_client.get(edit).text
    assert 'name="action-submit"' in form or 'name="action-publish"' in form
    assert "localize-restart-translation" not in form
