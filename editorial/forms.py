import math

from django import forms
from django.conf import settings
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """The image library's form: a description (alt text) is required, unless the editor ticks
    "decorative", so that every photo on the site is described or deliberately silent."""

    decorative = forms.BooleanField(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds nothing for someone who cannot see it; it then needs no description."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail states the formats and the file size; the pixel limit is said before upload too.
            pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
            self.fields["file"].help_text = format_lazy(
                "{} {}",
                self.fields["file"].help_text,
                _("At most %(megapixels)s megapixels, about %(width)s × %(height)s pixels.")
                % {
                    "megapixels": pixels // 1_000_000,
                    # As a 3:2 camera photo, rounded to hundreds, grouped as the language writes it.
                    "width": number_format(round(math.sqrt(pixels * 3 / 2), -2), 0, force_grouping=True),
                    "height": number_format(round(math.sqrt(pixels * 2 / 3), -2), 0, force_grouping=True),
                },
            )
        if "description" in self.fields:
            self.fields["description"].help_text = _(
                "What the image shows, for people who cannot see it (alt text). Used wherever the image "
                "appears unless a page gives its own."
            )
            names = [name for name in self.fields if name != "decorative"]
            names.insert(names.index("description") + 1, "decorative")
            self.order_fields(names)

    def clean(self):
        cleaned = super().clean()
        # The multiple uploader first sends only the file and title; the description comes with
        # the form it shows next for each image.
        asked = "description" in self.fields and self.add_prefix("description") in self.data
        if asked and not cleaned.get("description") and not cleaned.get("decorative"):
            self.add_error(
                "description", _("Describe the image for people who cannot see it, or tick “Decorative image”.")
            )
        return cleaned


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, with a label on the password: Wagtail leaves it to the field's name,
    which no catalogue translates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
