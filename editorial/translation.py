"""Translating with wagtail-localize without harming what is live.

wagtail-localize's "Translate" also translates the objects a page points to (its news category, a
subject, a partner), and re-saves their translations from the Indonesian text even when an English
version already exists: one page's translation renamed the live English category. Here a related
object is translated only into the languages it lacks.

Pages are translated in the normal page editor (WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE =
"simple"): the English page starts as a copy of the Indonesian one, and the translator rewrites
it with the rich-text toolbar and submits it for review like any page. Its English twin was an
alias until then; wagtail-localize turns the alias into that copy, which stays online showing the
Indonesian text with the "shown in Indonesian" notice until the translation is published. With a
machine translator configured (DEEPL_AUTH_KEY, LIBRETRANSLATE_URL), the copy starts machine
translated, links and emphasis in place, for the translator to correct."""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _

from wagtail.models import DraftStateMixin, Page
from wagtail_localize import operations
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.tasks import background
from wagtail_localize.views import submit_translations
from wagtail_localize.views.edit_translation import apply_machine_translation


class TranslationCreator(operations.TranslationCreator):
    def __init__(self, user, target_locales, machine_translator=None):
        super().__init__(user, target_locales)
        self.machine_translator = machine_translator
        self.machine_failures = []

    def create_translations(self, instance, include_related_objects=True):
        if include_related_objects:
            live_aliases = self._live_aliases(instance)
            super().create_translations(instance, include_related_objects)
            if self.machine_translator:
                self._prefill(instance)
            # The converted alias keeps the page online until its translation is published.
            Page.objects.filter(pk__in=live_aliases).update(live=True)
            return
        # A related object: only into the languages where it has no version of its own yet.
        missing = [locale for locale in self.target_locales if instance.get_translation_or_none(locale) is None]
        if not missing:
            return
        target_locales, self.target_locales = self.target_locales, missing
        try:
            super().create_translations(instance, include_related_objects)
        finally:
            self.target_locales = target_locales

    def _prefill(self, instance):
        """The new copies machine translated (as drafts for pages), where the service answers."""
        for source, translations in self.mappings.items():
            if source.object_id != instance.translation_key:
                continue
            for translation in translations:
                try:
                    apply_machine_translation(translation.id, self.user, self.machine_translator)
                except (OSError, ValueError, KeyError, Http404) as error:  # network, service or reply
                    self.machine_failures.append((translation.target_locale, error))
                    continue
                with contextlib.suppress(ValidationError):
                    translation.save_target(user=self.user, publish=not isinstance(instance, DraftStateMixin))

    def _live_aliases(self, instance):
        if not isinstance(instance, Page):
            return []
        return list(
            Page.objects.filter(
                translation_key=instance.translation_key,
                locale__in=self.target_locales,
                alias_of__isnull=False,
                live=True,
            ).values_list("pk", flat=True)
        )


def translated_copy(source, locale, fields=None):
    """The copy of a page or snippet in `locale`, made by the creator above as the admin's "Translate"
    makes it (with wagtail-localize's records, so that a later sync leaves what is translated alone;
    a page's copy a draft), but for the objects it points to, which keep their own translations;
    where there is a translation in `locale` already, that one. `fields` are set on it, for the
    caller to save or publish it. The demo loader and the tests' `translate` use it."""
    TranslationCreator(None, [locale]).create_translations(source, include_related_objects=False)
    translation = source.get_translation(locale)
    for name, value in (fields or {}).items():
        setattr(translation, name, value)
    return translation


def translate_object(instance, locales, components=None, user=None):
    creator = TranslationCreator(user, locales, get_machine_translator())
    creator.create_translations(instance)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)
    return creator


@transaction.atomic
def translate_page_subtree(page_id, locales, components, user):
    creator = TranslationCreator(user, locales)
    for child in Page.objects.get(id=page_id).get_descendants().order_by("path"):
        creator.create_translations(child)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)


class SafeSubmitMixin:
    """wagtail-localize's "Translate" form, submitted through the creator above."""

    def get_form(self):
        form = super().get_form()
        offered = form.fields["locales"].queryset
        if not form.is_bound and len(offered) == 1:
            form.initial["locales"] = list(offered)  # the only other language: ticked already
        return form

    @transaction.atomic
    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        creator = translate_object(self.object, locales, self.components, self.request.user)
        for locale, _error in creator.machine_failures:
            messages.warning(
                self.request,
                _("Machine translation into %(language)s did not answer: the copy is in the original language.")
                % {"language": locale.get_display_name()},
            )
        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            background.enqueue(
                translate_page_subtree,
                [self.object.id, locales, self.components, self.request.user],
                {},
            )
        translated = None
        if len(locales) == 1:
            label = locales[0].get_display_name()
            translated = self.object.get_translation(locales[0])
        else:
            label = _("{} locales").format(len(locales))
        messages.success(self.request, self.get_success_message(label))
        return redirect(self.get_success_url() or self.get_default_success_url(translated))


class SubmitPageTranslationView(SafeSubmitMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(SafeSubmitMixin, submit_translations.SubmitSnippetTranslationView):
    pass


# The same addresses as wagtail-localize's own (editorial is listed before it in INSTALLED_APPS, so
# these answer first); its templates and links keep working unchanged.
urlpatterns = [
    path("localize/submit/page/<int:page_id>/", SubmitPageTranslationView.as_view()),
    path(
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        SubmitSnippetTranslationView.as_view(),
    ),
]
