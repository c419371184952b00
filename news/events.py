"""Events: the agenda's index page (upcoming and past, an iCalendar feed) and an event page (its
own .ics). Defined apart from the news for length; news/models.py imports them, so that Django
finds them as models of the news app."""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import BodyBlock
from portal.context import site_library
from portal.pages import BasePage, IndexPage, LeadImageMixin, listing, visible
from portal.seo import compact, image_url, publisher_data

from . import calendars

EVENTS_PER_PAGE = 12


class EventIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["news.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        return visible(EventPage.objects.all()).child_of(self)

    def upcoming(self):
        return self.events().filter(upcoming_filter()).order_by("start", "pk")

    def past(self):
        return self.events().exclude(upcoming_filter()).order_by("-start", "-pk")

    @path("")
    def index(self, request):
        past = request.GET.get("past") == "1"
        events = self.past() if past else self.upcoming()
        paginator = Paginator(listing(events), EVENTS_PER_PAGE)
        return self.render(
            request,
            context_overrides={"showing_past": past, "events_page": paginator.get_page(request.GET.get("page"))},
        )

    @path("ical/", name="ical")
    def ical(self, request):
        calendar = calendars.calendar_of(self.upcoming(), request, name=self.title)
        return calendars.response(calendar, f"{self.slug}.ics", attachment=False)


def upcoming_filter():
    """Events that have not ended: a timed event until its end (or start), an all-day event all day."""
    now = timezone.now()
    start_of_today = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return Q(end__gte=now) | Q(end__isnull=True, start__gte=start_of_today)


class EventPage(RoutablePageMixin, LeadImageMixin, BasePage):
    start = models.DateTimeField(_("starts"), help_text=_("Date and time in Western Indonesia Time (WIB)."))
    end = models.DateTimeField(_("ends"), null=True, blank=True, help_text=_("Leave empty for a short event."))
    all_day = models.BooleanField(_("all day"), default=False, help_text=_("Times are then not shown."))
    venue = models.CharField(
        _("venue"), max_length=150, blank=True, help_text=_("Leave empty when the event is at the library.")
    )
    address = models.TextField(_("address"), blank=True, help_text=_("Leave empty when the event is at the library."))
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Where people sign up, e.g. an online form. Leave empty when no registration is needed."),
    )
    free_entry = models.BooleanField(
        _("free entry"), default=True, help_text=_("Untick when visitors pay to take part.")
    )
    organiser = models.CharField(
        _("organiser"), max_length=150, blank=True, help_text=_("Leave empty when the library organises it.")
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The full description: programme, speakers, what to bring."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")], heading=_("When")),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("address")], heading=_("Where")),
        FieldRowPanel([FieldPanel("registration_url"), FieldPanel("free_entry")], heading=_("Entry")),
        FieldPanel("organiser"),
        # Registration on this site: models of the registrations app, named by their relation.
        MultiFieldPanel(
            [
                InlinePanel("registration_setup", max_num=1, label=_("Take registrations")),
                InlinePanel("registration_fields", label=_("Registration form field")),
            ],
            heading=_("Registration"),
            classname="collapsed",
        ),
        *LeadImageMixin.lead_panels,
        FieldPanel("body"),
    ]
    translatable_fields = (
        BasePage.translatable_fields
        + LeadImageMixin.lead_translatable_fields
        + [
            SynchronizedField("start"),
            SynchronizedField("end"),
            SynchronizedField("all_day"),
            TranslatableField("venue"),
            TranslatableField("address"),
            SynchronizedField("registration_url"),
            SynchronizedField("free_entry"),
            TranslatableField("organiser"),
            TranslatableField("body"),
            TranslatableField("registration_setup"),
            TranslatableField("registration_fields"),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end) if self.end else None

    @property
    def is_past(self):
        if self.end:
            return self.end < timezone.now()
        if self.all_day:
            return self.local_start.date() < timezone.localdate()
        return self.start + timedelta(hours=1) < timezone.now()

    def structured_data(self, request):
        profile = site_library(request)["profile"]
        place = {
            "@type": "Place",
            "name": self.venue or (profile.name if profile else ""),
            "address": self.address or (profile.address if profile else ""),
        }
        start, end = self.local_start, self.local_end
        return [
            compact(
                {
                    "@context": "https://schema.org",
                    "@type": "Event",
                    "name": self.title,
                    "description": self.share_description,
                    "url": self.get_full_url(request),
                    "inLanguage": self.locale.language_code,
                    "startDate": start.date().isoformat() if self.all_day else start.isoformat(),
                    "endDate": (end.date().isoformat() if self.all_day else end.isoformat()) if end else None,
                    "eventStatus": "https://schema.org/EventScheduled",
                    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                    "location": compact(place),
                    "image": [image_url(request, self.share_image)] if self.share_image else None,
                    "organizer": {"@type": "Organization", "name": self.organiser}
                    if self.organiser
                    else publisher_data(request),
                    "isAccessibleForFree": self.free_entry,
                    "offers": {"@type": "Offer", "url": self.registration_url} if self.registration_url else None,
                }
            )
        ]

    @path("ics/", name="ics")
    def ics(self, request):
        calendar = calendars.calendar_of([self], request, name=self.title)
        return calendars.response(calendar, f"{slugify(self.slug) or 'event'}.ics", attachment=True)
