"""The contact form: the fields editors choose, plus the spam checks every public form has
(portal/formguard.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.formguard import GuardedFormMixin

SIGNING_SALT = "home.contact-form"
MESSAGE_MAX_LENGTH = 5000


class ContactForm(GuardedFormMixin, BaseForm):
    signing_salt = SIGNING_SALT

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        optional = f" ({_('optional')})"
        for field in self.fields.values():
            if not field.required:
                field.label_suffix = optional


class ContactFormBuilder(FormBuilder):
    def create_multiline_field(self, field, options):
        options["max_length"] = MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)
