from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .hours import OpeningHours
from .i18n import localized, one_each


def validate_email_list(value):
    for address in email_list(value):
        validate_email(address)


def email_list(value):
    return [address.strip() for address in value.split(",") if address.strip()]


class LibraryProfile(TranslatableMixin, models.Model):
    """The library's words about itself, one per language: name, address, footer text.

    Wagtail site settings cannot be translated, so the text lives here and the settings
    point at it; wagtail-localize translates it like any other snippet."""

    name = models.CharField(
        _("library name"),
        max_length=150,
        help_text=_("Full name, e.g. Perpustakaan Umum Kabupaten Pamekasan."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("Shown in the header on small screens, e.g. Perpustakaan Pamekasan."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("One line under the name in the footer."),
    )
    address = models.TextField(
        _("address"),
        help_text=_("Street, town and postcode; one line per row."),
    )
    hours_note = models.CharField(
        _("note on opening hours"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'Closed on national holidays.'"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("tagline"),
        FieldPanel("address"),
        FieldPanel("hours_note"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("tagline"),
        TranslatableField("address"),
        TranslatableField("hours_note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("library profile")
        verbose_name_plural = _("library profiles")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name


@register_setting(icon="home")
class LibrarySettings(ClusterableModel, BaseSiteSetting):
    profile = models.ForeignKey(
        LibraryProfile,
        verbose_name=_("library profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Name and address, translated in the Library profiles snippets."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square or wide logo shown in the header; PNG with transparency works best."),
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("With the area code, e.g. (0324) 322 001.")
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Public address for visitors."))
    catalogue_search_url = models.URLField(
        _("catalogue search URL"),
        max_length=500,
        blank=True,
        help_text=_(
            "Address of the online catalogue (OPAC) search, with {query} where the search words go, "
            "e.g. https://opac.example.id/index.php?search=search&keywords={query}"
        ),
    )
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("Address of the library's page there; linked in the footer.")
    )
    twitter_url = models.URLField(
        _("X / Twitter"), blank=True, help_text=_("Address of the library's page there; linked in the footer.")
    )
    instagram_url = models.URLField(
        _("Instagram"), blank=True, help_text=_("Address of the library's page there; linked in the footer.")
    )
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("Address of the library's page there; linked in the footer.")
    )
    rss_url = models.URLField(
        _("RSS feed"), blank=True, help_text=_("Leave empty to offer the news feed of this site.")
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on WhatsApp and Facebook for pages without a photo of their own. Landscape, 1200 px wide."),
    )
    contact_recipients = models.CharField(
        _("contact form recipients"),
        max_length=500,
        blank=True,
        validators=[validate_email_list],
        help_text=_("E-mail addresses that receive contact form messages, separated by commas."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("profile"),
                    FieldPanel("logo"),
                    MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
                    FieldPanel("catalogue_search_url"),
                    FieldPanel("contact_recipients"),
                    FieldPanel("default_share_image"),
                ],
                heading=_("Library"),
            ),
            ObjectList(
                [
                    InlinePanel("opening_hours", heading=_("Weekly opening hours"), label=_("Opening period")),
                ],
                heading=_("Opening hours"),
            ),
            ObjectList(
                [
                    FieldPanel("facebook_url"),
                    FieldPanel("twitter_url"),
                    FieldPanel("instagram_url"),
                    FieldPanel("youtube_url"),
                    FieldPanel("rss_url"),
                ],
                heading=_("Social media"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("library settings")

    def localized_profile(self, locale):
        """The chosen profile in `locale` (else as chosen), in one query."""
        if self.profile_id is None:
            return None
        chosen = LibraryProfile.objects.filter(pk=self.profile_id).values("translation_key")
        versions = list(LibraryProfile.objects.filter(translation_key__in=chosen).select_related("locale"))
        profile = next((profile for profile in versions if profile.pk == self.profile_id), None)
        return localized([profile], locale, versions=versions)[0]

    def opening_hours_for(self, locale, today):
        """Weekly hours plus the special schedules from `today` on, named in `locale`."""
        return OpeningHours(self.opening_hours.all(), SpecialSchedule.upcoming(locale, today))

    def contact_recipient_list(self):
        return email_list(self.contact_recipients)

    def social_links(self):
        """(network key, label, url) for each filled-in network, in display order."""
        links = [
            ("facebook", "Facebook", self.facebook_url),
            ("twitter", "X", self.twitter_url),
            ("instagram", "Instagram", self.instagram_url),
            ("youtube", "YouTube", self.youtube_url),
            ("email", _("E-mail"), f"mailto:{self.email}" if self.email else ""),
            ("rss", "RSS", self.rss_url),
        ]
        return [link for link in links if link[2]]


class TimeRange(models.Model):
    opens = models.TimeField(_("opens"), help_text=_("E.g. 07:30"))
    closes = models.TimeField(_("closes"), help_text=_("E.g. 15:30"))

    class Meta:
        abstract = True

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class OpeningPeriod(TimeRange, Orderable):
    """One opening period on one weekday. A day with no period is a closed day; a day with two
    periods has a break (e.g. Friday prayers)."""

    settings = ParentalKey(LibrarySettings, related_name="opening_hours", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=sorted(WEEKDAYS.items()), help_text=_("For a break, add two periods on the same day.")
    )

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class SpecialSchedule(TranslatableMixin, ClusterableModel):
    """Hours that replace the weekly ones between two dates: Ramadan hours, a national holiday,
    a closure for stocktaking. Overlapping schedules: the one that starts later wins."""

    name = models.CharField(_("name"), max_length=100, help_text=_("E.g. 'Ramadan hours' or 'Idul Fitri holiday'."))
    starts_on = models.DateField(_("from"), help_text=_("The first day of the schedule."))
    ends_on = models.DateField(_("until"), help_text=_("The last day of the schedule, included."))
    closed = models.BooleanField(
        _("closed all day"),
        default=False,
        help_text=_("Tick when the library is closed on all these dates; the opening hours below are then not used."),
    )
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("Shown with the dates, e.g. the reason.")
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Dates")),
        FieldPanel("closed"),
        InlinePanel(
            "periods",
            heading=_("Opening hours on these dates"),
            label=_("Opening period"),
            help_text=_("Leave the day empty for every day. A day without a period is closed."),
        ),
        FieldPanel("note"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
        SynchronizedField("closed"),
        SynchronizedField("periods"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("special opening hours")
        verbose_name_plural = _("special opening hours")
        ordering = ["starts_on"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})

    @classmethod
    def upcoming(cls, locale, today):
        """Schedules that have not ended, each in `locale` where translated, else in its own language."""
        schedules = list(cls.objects.filter(ends_on__gte=today).prefetch_related("periods").select_related("locale"))
        return one_each(localized(schedules, locale, versions=schedules))


class SpecialPeriod(TimeRange, Orderable):
    schedule = ParentalKey(SpecialSchedule, related_name="periods", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=sorted(WEEKDAYS.items()), null=True, blank=True, help_text=_("Empty: every day.")
    )

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")


# The alert banners live in their own module; imported here, Django counts them among the core's models.
from .alerts import Alert  # noqa: E402, F401
