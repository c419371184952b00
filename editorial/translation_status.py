"""Translation status: every page and translatable snippet in Indonesian, the source language,
with its state in each other language and a link to what fixes it.

A state depends on pages, snippets and wagtail-localize's records at once, so the rows are built
in Python from a fixed number of queries (locales, pages, one per snippet model, translations)
and the report filters and paginates that list.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

import django_filters

from django import forms
from django.contrib.admin.utils import quote
from django.db import models
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation

PAGES = "page"


class State(models.TextChoices):
    TRANSLATED = "translated", _("Translated")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    NOT_TRANSLATED = "not_translated", _("Not translated yet")
    ALIAS = "alias", _("Alias")


@dataclass
class Cell:
    """The state of one source object in one language, and the link that deals with it."""

    locale: Locale
    state: State
    url: str = ""
    action: str = ""

    @property
    def label(self):
        return self.state.label

    @property
    def classname(self):
        return "w-status--primary" if self.state == State.TRANSLATED else ""


@dataclass
class Row:
    source: models.Model
    kind: str
    type_label: str
    title: str
    edit_url: str
    changed_at: datetime | None
    cells: list[Cell]

    @property
    def states(self):
        return {cell.state for cell in self.cells}


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def page_changed_at(page):
    # A sync copies the live page, so drafts saved after publishing do not date a translation;
    # a page never published is dated by its latest draft.
    return page.last_published_at or page.latest_revision_created_at


def snippet_changed_at(snippet):
    if isinstance(snippet, DraftStateMixin) and snippet.last_published_at:
        return snippet.last_published_at
    if isinstance(snippet, RevisionMixin) and snippet.latest_revision:
        return snippet.latest_revision.created_at
    # Without revisions there is no record of a change: count the translation as up to date.
    return None


def is_newer(changed_at, than):
    return changed_at is not None and (than is None or changed_at > than)


class TranslationStatus:
    """The rows of the report as `user` may act on them; `next_url` is where a sync returns to."""

    def __init__(self, user, next_url=""):
        self.user = user
        self.next_url = next_url
        self.source_locale = Locale.get_default()
        self.target_locales = list(Locale.objects.exclude(pk=self.source_locale.pk).order_by("language_code"))
        self.can_translate = user.has_perm("wagtail_localize.submit_translation")
        self.page_policy = policy_registry.get_by_type(Page)

    @cached_property
    def synced(self):
        """(translation key, target locale id) -> (TranslationSource id, when it was last synced)."""
        translations = Translation.objects.filter(enabled=True, source__locale=self.source_locale)
        return {
            (key, locale_id): (source_id, synced_at)
            for key, locale_id, source_id, synced_at in translations.values_list(
                "source__object_id", "target_locale_id", "source_id", "source__last_updated_at"
            )
        }

    def rows(self, snippets=True):
        rows = self.page_rows()
        if snippets:
            for model in translatable_snippet_models():
                rows += self.snippet_rows(model)
        return rows

    def page_rows(self):
        versions = {}
        for page in Page.objects.filter(depth__gt=1).select_related("content_type").order_by("path"):
            versions.setdefault(page.translation_key, {})[page.locale_id] = page

        rows = []
        for by_locale in versions.values():
            source = by_locale.get(self.source_locale.pk)
            if source is None:
                continue
            edit_url = self.page_edit_url(source)
            translate_url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
            rows.append(
                Row(
                    source=source,
                    kind=PAGES,
                    type_label=capfirst(source.content_type.name),
                    title=source.get_admin_display_title(),
                    edit_url=edit_url,
                    changed_at=page_changed_at(source),
                    cells=self.cells(source, by_locale, page_changed_at, translate_url, self.page_edit_url),
                )
            )
        return rows

    def page_edit_url(self, page):
        if self.page_policy.user_has_permission_for_instance(self.user, "change", page):
            return reverse("wagtailadmin_pages:edit", args=[page.pk])
        return ""

    def snippet_rows(self, model):
        viewset = model.snippet_viewset
        can_edit = viewset.permission_policy.user_has_permission(self.user, "change")
        objects = model._default_manager.all()
        if issubclass(model, RevisionMixin):
            objects = objects.select_related("latest_revision")

        def edit_url(snippet):
            return reverse(viewset.get_url_name("edit"), args=[quote(snippet.pk)]) if can_edit else ""

        versions = {}
        for snippet in objects:
            versions.setdefault(snippet.translation_key, {})[snippet.locale_id] = snippet

        rows = []
        for by_locale in versions.values():
            source = by_locale.get(self.source_locale.pk)
            if source is None:
                continue
            translate_url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[model._meta.app_label, model._meta.model_name, quote(source.pk)],
            )
            rows.append(
                Row(
                    source=source,
                    kind=model._meta.label_lower,
                    type_label=capfirst(model._meta.verbose_name),
                    title=str(source),
                    edit_url=edit_url(source),
                    changed_at=snippet_changed_at(source),
                    cells=self.cells(source, by_locale, snippet_changed_at, translate_url, edit_url),
                )
            )
        return rows

    def cells(self, source, by_locale, changed_at, translate_url, edit_url):
        return [
            self.cell(locale, source, by_locale.get(locale.pk), changed_at, translate_url, edit_url)
            for locale in self.target_locales
        ]

    def cell(self, locale, source, target, changed_at, translate_url, edit_url):
        language = locale.get_display_name()
        if target is None or getattr(target, "alias_of_id", None):
            state = State.NOT_TRANSLATED if target is None else State.ALIAS
            if not self.can_translate:
                return Cell(locale, state)
            url = f"{translate_url}?{urlencode({'select_locale': locale.language_code})}"
            return Cell(locale, state, url, _("Translate into %(language)s") % {"language": language})

        source_id, synced_at = self.synced.get((source.translation_key, locale.pk), (None, None))
        if source_id and is_newer(changed_at(source), synced_at):
            if not self.can_translate:
                return Cell(locale, State.OUT_OF_DATE)
            url = reverse("wagtail_localize:update_translations", args=[source_id])
            if self.next_url:
                url += "?" + urlencode({"next": self.next_url})
            return Cell(locale, State.OUT_OF_DATE, url, _("Sync translations"))

        # Copied by hand (no wagtail-localize translation): dated by the English object's own changes,
        # and, like an up-to-date translation, fixed in its editor.
        out_of_date = not source_id and is_newer(changed_at(source), changed_at(target))
        cell = Cell(locale, State.OUT_OF_DATE if out_of_date else State.TRANSLATED)
        if url := edit_url(target):
            cell.url, cell.action = url, _("Edit the %(language)s version") % {"language": language}
        return cell


def kind_choices():
    return [(PAGES, _("Pages"))] + [
        (model._meta.label_lower, capfirst(model._meta.verbose_name_plural)) for model in translatable_snippet_models()
    ]


class RowList(list):
    # django-filter reads the model of what it filters; these rows are not from one model.
    model = None


class TranslationStatusFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=State.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=kind_choices, empty_label=_("All"), widget=forms.RadioSelect
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, RowList() if queryset is None else queryset, **kwargs)

    def filter_queryset(self, rows):
        state, kind = self.form.cleaned_data.get("state"), self.form.cleaned_data.get("kind")
        return RowList(row for row in rows if (not state or state in row.states) and (not kind or row.kind == kind))


class StateColumn(Column):
    cell_template_name = "editorial/translation_status_cell.html"

    def __init__(self, locale, position):
        super().__init__(
            f"state_{locale.language_code}",
            label=locale.get_display_name(),
            accessor=lambda row: row.cells[position],
        )


class TranslationStatusView(ReportView):
    page_title = _("Translation status")
    header_icon = "wagtail-localize-language"
    index_url_name = "editorial_translation_status"
    index_results_url_name = "editorial_translation_status_results"
    filterset_class = TranslationStatusFilterSet
    context_object_name = "rows"

    @cached_property
    def status(self):
        return TranslationStatus(self.request.user, next_url=self.index_url)

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
            Column("type_label", label=_("Type")),
            *(StateColumn(locale, position) for position, locale in enumerate(self.status.target_locales)),
        ]

    def get_queryset(self):
        self.queryset = RowList(self.status.rows())
        return super().get_queryset()


urlpatterns = [
    path("reports/translation-status/", TranslationStatusView.as_view(), name="editorial_translation_status"),
    path(
        "reports/translation-status/results/",
        TranslationStatusView.as_view(results_only=True),
        name="editorial_translation_status_results",
    ),
]
