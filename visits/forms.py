"""The public request form and the staff's answer form."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from portal.formguard import GuardedFormMixin
from portal.text import printable

from .models import VisitRequest
from .schedule import refusal

SIGNING_SALT = "visits.request-form"
# What people type in a phone number besides digits: +62 812-3456-7890, (0324) 322 001.
PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
PHONE_DIGITS = (8, 15)  # a local landline to an international mobile number (E.164)


class VisitRequestForm(GuardedFormMixin, forms.ModelForm):
    signing_salt = SIGNING_SALT

    class Meta:
        model = VisitRequest
        fields = [
            "institution",
            "contact_name",
            "phone",
            "email",
            "group_size",
            "age_group",
            "preferred_date",
            "preferred_time",
            "notes",
        ]
        widgets = {
            "preferred_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "preferred_time": forms.TimeInput(attrs={"type": "time", "step": 900}, format="%H:%M"),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "institution": forms.TextInput(attrs={"autocomplete": "organization"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"phone": _("We confirm the visit by WhatsApp or e-mail."), "preferred_date": ""}

    def __init__(self, *args, hours, **kwargs):
        super().__init__(*args, **kwargs)
        self.hours = hours
        self.fields["notes"].label_suffix = f" ({_('optional')})"
        self.fields["group_size"].widget.attrs["min"] = 1
        # Date inputs send ISO dates; people without one type them as they write them.
        self.fields["preferred_date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
        self.fields["preferred_time"].input_formats = ["%H:%M", "%H.%M"]

    def clean_text(self, name):
        return printable(self.cleaned_data[name])

    def clean_institution(self):
        return self.required_text("institution")

    def clean_contact_name(self):
        return self.required_text("contact_name")

    def clean_age_group(self):
        return self.required_text("age_group")

    def required_text(self, name):
        # Only spaces or control characters left after cleaning: as good as empty.
        value = self.clean_text(name)
        if not value:
            raise forms.ValidationError(self.fields[name].error_messages["required"], code="required")
        return value

    def clean_phone(self):
        value = self.clean_text("phone")
        digits = sum(char.isdigit() for char in value)
        if not PHONE.match(value) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
            raise forms.ValidationError(_("Please enter a phone number, e.g. 0812 3456 7890."), code="invalid")
        return value

    def clean_notes(self):
        # Line breaks are kept: people write notes in paragraphs.
        return "\n".join(printable(line) for line in self.cleaned_data["notes"].splitlines()).strip()

    def clean(self):
        cleaned_data = super().clean()
        day, start = cleaned_data.get("preferred_date"), cleaned_data.get("preferred_time")
        if day and start and (message := refusal(self.hours, day, start)):
            self.add_error("preferred_time" if self.hours.periods_on(day) else "preferred_date", message)
        return cleaned_data


class AnswerForm(WagtailAdminModelForm):
    """Staff accept the visit at its date and time, propose another one with a message, or
    decline it with a reason. Each answer is e-mailed to the requester (visits/mail.py)."""

    ANSWERS = [
        (VisitRequest.Status.ACCEPTED, _("Accept the visit at this date and time")),
        (VisitRequest.Status.PROPOSED, _("Propose another date or time")),
        (VisitRequest.Status.DECLINED, _("Decline the visit")),
    ]
    status = forms.ChoiceField(label=_("Answer"), choices=ANSWERS, widget=forms.RadioSelect)

    def __init__(self, *args, hours, **kwargs):
        super().__init__(*args, **kwargs)
        self.hours = hours
        if self.instance.status == VisitRequest.Status.REQUESTED:
            self.initial["status"] = None

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        moved = bool({"date", "time"} & set(self.changed_data))
        if status == VisitRequest.Status.PROPOSED and not moved:
            self.add_error("date", _("Change the date or time to propose another one."))
        if status in (VisitRequest.Status.PROPOSED, VisitRequest.Status.DECLINED) and not cleaned_data.get("answer"):
            self.add_error("answer", _("Please tell the requester why, in a few words."))
        # A new date or time must suit the opening hours, as the requester's did.
        day, start = cleaned_data.get("date"), cleaned_data.get("time")
        declined = status == VisitRequest.Status.DECLINED
        if not declined and moved and day and start and (message := refusal(self.hours, day, start)):
            self.add_error("time", message)
        return cleaned_data
