"""The contact form: the fields editors choose, plus the spam checks every public form has
(portal/formguard.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm

from portal.formguard import GuardedFormMixin
from portal.forms import PublicFormBuilder

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


class ContactFormBuilder(PublicFormBuilder):
    form_class = ContactForm
    multiline_max_length = MESSAGE_MAX_LENGTH
