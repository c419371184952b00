"""The registration form: the editor's fields, the consent line to tick, and the spam checks every
public form has (portal/formguard.py)."""

from django import forms

from wagtail.contrib.forms.forms import BaseForm

from portal.formguard import GuardedFormMixin
from portal.forms import PublicFormBuilder
from portal.text import printable

SIGNING_SALT = "registrations.form"
CONSENT = "personal-data-consent"  # a hyphen: never the name of an editor's field
ANSWER_MAX_LENGTH = 2000


class RegistrationForm(GuardedFormMixin, BaseForm):
    signing_salt = SIGNING_SALT

    def __init__(self, *args, consent, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONSENT] = forms.BooleanField(label=consent, required=True)

    def answers(self):
        return {name: value for name, value in self.cleaned_data.items() if name != CONSENT}

    def person(self):
        """(name, e-mail): the first field's answer, the first e-mail field's answer."""
        values = list(self.answers().values())
        name = printable(str(values[0]))[:255] if values and values[0] else ""
        emails = [
            self.cleaned_data[name]
            for name, field in self.fields.items()
            if isinstance(field, forms.EmailField) and self.cleaned_data.get(name)
        ]
        return name, (emails[0] if emails else "")


class RegistrationFormBuilder(PublicFormBuilder):
    form_class = RegistrationForm
    multiline_max_length = ANSWER_MAX_LENGTH
