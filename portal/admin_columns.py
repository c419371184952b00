"""Columns of the admin's listings that read in the editor's language."""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext

from wagtail.admin.ui.tables import Column


def yes_no(value):
    return gettext("yes") if value else gettext("no")


class YesNoColumn(Column):
    """A yes-or-no field as "Ya" or "Tidak": Wagtail's own shows its value as "True" or "False"."""

    def __init__(self, name, model, **kwargs):
        kwargs.setdefault("label", capfirst(model._meta.get_field(name).verbose_name))
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return capfirst(yes_no(super().get_value(instance)))


class LanguageColumn(Column):
    """A language code ("id") by its name ("Bahasa Indonesia")."""

    def get_value(self, instance):
        code = super().get_value(instance)
        return dict(settings.LANGUAGES).get(code, code)
