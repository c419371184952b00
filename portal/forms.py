"""What the public forms built from editors' fields share (the contact form, event registrations);
their spam checks are in portal/formguard.py."""

from wagtail.contrib.forms.forms import FormBuilder
from wagtail_localize.fields import SynchronizedField, TranslatableField

# The translation of an editor's form field (AbstractFormField): answers are stored under the
# field's name, the same in every language, so translators change the label but never the name.
FORM_FIELD_TRANSLATION = [
    TranslatableField("label"),
    TranslatableField("help_text"),
    TranslatableField("choices"),
    TranslatableField("default_value"),
    SynchronizedField("clean_name"),
    SynchronizedField("field_type"),
    SynchronizedField("required"),
]


class PublicFormBuilder(FormBuilder):
    """Wagtail's form builder for a form of the public site: the editor's fields on `form_class`,
    a long answer held to `multiline_max_length`."""

    form_class = None
    multiline_max_length = 5000

    def create_multiline_field(self, field, options):
        options["max_length"] = self.multiline_max_length
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        return type(self.form_class.__name__, (self.form_class,), self.formfields)
