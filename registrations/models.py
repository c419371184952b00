"""What an event's editor sets for registration (seats, closing time, the fields to ask, the
consent line), edited on the event page itself through its child relations `registration_setup`
and `registration_fields` (news/events.py names them; this app is never imported there), and the
people who registered. The Indonesian event and its English translation are one event:
registrations belong to the event in the default language (`event`), each with the language the
person registered in, and the seats and closing time are synchronised from it by wagtail-localize."""

import secrets

from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.forms import FORM_FIELD_TRANSLATION


def new_token():
    return secrets.token_urlsafe(24)


class RegistrationSetup(TranslatableMixin, models.Model):
    """Registration switched on for one event: at most one per page."""

    page = ParentalKey("news.EventPage", on_delete=models.CASCADE, related_name="registration_setup")
    seats = models.PositiveIntegerField(
        _("seats"),
        validators=[MinValueValidator(1)],
        help_text=_("How many people can take part. Once they are taken, people join the waitlist."),
    )
    closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Date and time in Western Indonesia Time (WIB). Leave empty to close when the event starts."),
    )
    waitlist = models.BooleanField(
        _("waitlist when full"),
        default=True,
        help_text=_("People can still sign up when every seat is taken, and get a seat that is freed."),
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("programme"),
        help_text=_("The programme this event belongs to: its page counts the people who registered and came."),
    )
    consent = models.CharField(
        _("consent line"),
        max_length=400,
        help_text=_("What people agree to about their personal data; they must tick it to register."),
    )

    panels = [
        FieldRowPanel([FieldPanel("seats"), FieldPanel("closes_at"), FieldPanel("waitlist")]),
        FieldPanel("programme"),
        FieldPanel("consent"),
    ]
    translatable_fields = [
        SynchronizedField("seats"),
        SynchronizedField("closes_at"),
        SynchronizedField("waitlist"),
        SynchronizedField("programme"),
        TranslatableField("consent"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("registration")
        verbose_name_plural = _("registration")


class RegistrationField(TranslatableMixin, AbstractFormField):
    """A question of the registration form, chosen as the contact form's fields are. The first
    field's answer is the person's name in the staff lists; the first e-mail field is where the
    confirmation goes."""

    page = ParentalKey("news.EventPage", on_delete=models.CASCADE, related_name="registration_fields")

    translatable_fields = FORM_FIELD_TRANSLATION

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("registration form field")
        verbose_name_plural = _("registration form fields")


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waitlist")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        "news.EventPage", on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    attended = models.BooleanField(_("attended"), default=False)
    # The private cancel link; removed with the personal data.
    token = models.CharField(max_length=64, unique=True, null=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    purged_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return self.name or str(_("registration %(number)s") % {"number": self.pk})

    def answers_text(self):
        """The answers as one line, labelled with the field names (for the export)."""
        return "; ".join(f"{name}: {value}" for name, value in self.answers.items())

    answers_text.short_description = _("answers")
