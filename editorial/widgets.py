"""The admin's date and time fields keep what the editor typed.

Wagtail's picker (jQuery datetimepicker) "corrects" a date or time it cannot read as soon as the
field loses focus, with no word: 30 February became 2 March, an impossible date today's date, a
closing time of 25:00 some other time, and autosave could store it. With `validateOnBlur` off, the
text stays as typed and the form says what is wrong in the editor's language ("Masukkan tanggal
yang valid."). For the date and time fields of pages, snippets and settings, through Wagtail's
registry of form fields for model fields."""

from django.db import models

from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override


class KeptAsTyped:
    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class AdminDateInput(KeptAsTyped, widgets.AdminDateInput):
    pass


class AdminTimeInput(KeptAsTyped, widgets.AdminTimeInput):
    pass


class AdminDateTimeInput(KeptAsTyped, widgets.AdminDateTimeInput):
    pass


def register():
    register_form_field_override(models.DateField, override={"widget": AdminDateInput})
    register_form_field_override(models.TimeField, override={"widget": AdminTimeInput})
    register_form_field_override(models.DateTimeField, override={"widget": AdminDateTimeInput})
