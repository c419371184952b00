from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin

from .hours import WeeklyHours


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
    facebook_url = models.URLField(_("Facebook"), blank=True)
    twitter_url = models.URLField(_("X / Twitter"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    rss_url = models.URLField(
        _("RSS feed"), blank=True, help_text=_("Leave empty to offer the news feed of this site.")
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("profile"),
                    FieldPanel("logo"),
                    MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
                    FieldPanel("catalogue_search_url"),
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
        versions = {profile.locale_id: profile for profile in LibraryProfile.objects.filter(translation_key__in=chosen)}
        return versions.get(locale.pk) or next(
            (profile for profile in versions.values() if profile.pk == self.profile_id), None
        )

    def weekly_hours(self):
        return WeeklyHours(self.opening_hours.all())

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


class OpeningPeriod(Orderable):
    """One opening period on one weekday. A day with no period is a closed day; a day with two
    periods has a break (e.g. Friday prayers)."""

    settings = ParentalKey(LibrarySettings, related_name="opening_hours", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("day"), choices=sorted(WEEKDAYS.items()))
    opens = models.TimeField(_("opens"), help_text=_("E.g. 07:30"))
    closes = models.TimeField(_("closes"), help_text=_("E.g. 15:30"))

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})
