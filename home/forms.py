"""The contact form: the fields editors choose, plus two checks against spam that need no
outside service: a honeypot field that people leave empty and a signed time of display."""

import time

from django.core import signing
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

# Names with a hyphen: Wagtail names the editors' fields in snake_case, so these never clash.
# templates/home/contact_page.html writes the two inputs.
HONEYPOT = "your-website"
SHOWN_AT = "shown-at"
SIGNING_SALT = "home.contact-form"
# People take longer than this to fill in a form; bots post at once.
MIN_SECONDS = 3
# A form left open longer than this is sent again with a fresh token.
MAX_AGE = 24 * 60 * 60
MESSAGE_MAX_LENGTH = 5000


def shown_at_token():
    return signing.dumps(time.time(), salt=SIGNING_SALT)


class ContactForm(BaseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        optional = f" ({_('optional')})"
        for field in self.fields.values():
            if not field.required:
                field.label_suffix = optional

    def clean(self):
        cleaned_data = super().clean()
        # A filled honeypot is spam: the page drops it without telling the bot.
        self.is_spam = bool(self.data.get(HONEYPOT))
        if not self.is_spam:
            try:
                shown = signing.loads(self.data.get(SHOWN_AT, ""), salt=SIGNING_SALT, max_age=MAX_AGE)
            except signing.BadSignature:  # missing, altered, or older than MAX_AGE
                self.add_error(None, _("This form has expired. Please check your message and send it again."))
            else:
                if time.time() - shown < MIN_SECONDS:
                    self.add_error(None, _("The form was sent too quickly. Please wait a moment and send it again."))
        return cleaned_data


class ContactFormBuilder(FormBuilder):
    def create_multiline_field(self, field, options):
        options["max_length"] = MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)
