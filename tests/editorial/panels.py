"""The project's models and the fields their editors see, read from the admin's edit handlers."""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from wagtail.admin.panels import FieldPanel, InlinePanel, PanelGroup, get_edit_handler
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models


def ours(model):
    """A model of this project, not of Wagtail or another library."""
    path = Path(apps.get_app_config(model._meta.app_label).path)
    return path.is_relative_to(settings.BASE_DIR) and ".venv" not in path.parts


def edited_models():
    """Page types, snippets and site settings that editors edit, in a stable order."""
    models = {*get_page_models(), *get_snippet_models(), *settings_registry}
    return sorted((model for model in models if ours(model)), key=lambda model: model._meta.label)


def translatable_models():
    models = {model for model in apps.get_models() if issubclass(model, TranslatableMixin) and ours(model)}
    return sorted(models, key=lambda model: model._meta.label)


def edit_handler(model):
    return model.get_edit_handler() if issubclass(model, Page) else get_edit_handler(model)


def editor_fields(model, inline=True):
    """(model, field) for each model field on the edit screen; with `inline`, those of inline
    panels' rows too, under their own model."""
    return list(_fields(edit_handler(model), model, inline))


def _fields(panel, model, inline):
    if isinstance(panel, InlinePanel):
        if inline:
            yield from _fields(panel.child_edit_handler, panel.db_field.related_model, inline)
    elif isinstance(panel, FieldPanel):
        fields = {field.name: field for field in model._meta.get_fields()}
        if panel.field_name in fields:  # else a form's own field, such as the album's "add a collection"
            yield model, fields[panel.field_name]
    elif isinstance(panel, PanelGroup):
        for child in panel.children:
            yield from _fields(child, model, inline)
