"""A school's or group's request to visit the library, and the staff's answer."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Bigger groups come in several visits: the reading rooms hold about this many at once.
MAX_GROUP_SIZE = 200


class VisitRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for an answer")
        PROPOSED = "proposed", _("Another time proposed")
        ACCEPTED = "accepted", _("Booked")
        DECLINED = "declined", _("Declined")

    institution = models.CharField(
        _("school or group"), max_length=200, help_text=_("The school, madrasah, community or group that visits.")
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    phone = models.CharField(_("phone (WhatsApp)"), max_length=30)
    email = models.EmailField(_("e-mail"), max_length=200)
    group_size = models.PositiveSmallIntegerField(
        _("group size"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUP_SIZE)],
        help_text=_("Visitors, teachers and companions included."),
    )
    age_group = models.CharField(
        _("grade or age group"), max_length=100, help_text=_("E.g. 'Grade 5 of primary school' or 'adults'.")
    )
    preferred_date = models.DateField(_("preferred date"))
    preferred_time = models.TimeField(_("preferred time"))
    notes = models.TextField(
        _("notes"), max_length=2000, blank=True, help_text=_("What the group would like to see or do.")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, help_text=_("The language the e-mails are sent in.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    # The preferred date and time at first; the staff's proposal after one.
    date = models.DateField(_("visit date"))
    time = models.TimeField(_("visit time"))
    answer = models.TextField(
        _("message to the requester"),
        max_length=2000,
        blank=True,
        help_text=_("Sent with the answer: why another time, or why not."),
    )
    received = models.DateTimeField(_("received"), auto_now_add=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("group visit")
        verbose_name_plural = _("group visits")
        ordering = ["date", "time"]
        indexes = [models.Index(fields=["date", "time"])]

    def __str__(self):
        return f"{self.institution} ({self.date:%Y-%m-%d} {self.time:%H:%M})"

    def save(self, *args, **kwargs):
        if self.date is None:
            self.date, self.time = self.preferred_date, self.preferred_time
        super().save(*args, **kwargs)
