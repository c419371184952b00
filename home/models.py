import logging
import math
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.http import JsonResponse
from django.template.defaultfilters import yesno
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from gallery.models import GalleryIndexPage, GalleryPage, album_cards
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, news_cards, upcoming_filter
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock, SlideBlock
from portal.context import site_library
from portal.formguard import seconds_limited, shown_at_token
from portal.forms import FORM_FIELD_TRANSLATION
from portal.generation import kept
from portal.i18n import localized_ids
from portal.models import LibrarySettings
from portal.pages import BasePage, PlaceMixin, kept_with_page, visible
from portal.seo import library_data
from programmes.models import Partner

from .blocks import FacilityBlock
from .forms import SIGNING_SALT, ContactFormBuilder

logger = logging.getLogger(__name__)

MAX_SLIDES = 6


@dataclass
class Slide:
    image: object
    alt: str
    title: str
    caption: str
    link: object


class HomePage(BasePage):
    featured = StreamField(
        [("slide", SlideBlock())],
        blank=True,
        max_num=MAX_SLIDES,
        verbose_name=_("featured carousel"),
        help_text=_("Up to six slides. The first one is what visitors see first, even without JavaScript."),
    )
    welcome_title = models.CharField(
        _("welcome heading"), max_length=150, blank=True, help_text=_("The heading above the welcome text.")
    )
    welcome_text = RichTextField(
        _("welcome text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("A short greeting: who the library is for and what it offers."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("featured"),
        FieldPanel("welcome_title"),
        FieldPanel("welcome_text"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("featured"),
        TranslatableField("welcome_title"),
        TranslatableField("welcome_text"),
    ]
    search_fields = Page.search_fields + [index.SearchField("welcome_title"), index.SearchField("welcome_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.VisitPage",
        "home.ContactPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "gallery.GalleryIndexPage",
        "programmes.ProgrammeIndexPage",
        "local_content.CollectionIndexPage",
    ]
    max_count_per_parent = 1
    # Read with the page when it is served (portal/routing.py): the library's share image.
    read_with_page = ("social_image",)

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What it lists of the pages below it: kept with the page until one of them is published.
        context.update(kept_with_page(self, "home_lists", self.lists))
        # Events leave the list as they end: read again each minute.
        minute = timezone.now().replace(second=0, microsecond=0)
        context["upcoming_events"] = kept_with_page(self, "home_events", self.upcoming_events, also=minute)
        context["partners"] = self.partners()
        context["news_index"], context["event_index"], context["gallery_index"] = self.section_pages()
        return context

    def lists(self):
        return {"slides": self.slides(), "latest_news": self.latest_news(), "latest_albums": self.latest_albums()}

    def slides(self):
        """The editor's slides, their links in the visitor's language, then news featured on the home
        page. From the ids the field stores: its chooser blocks would read each page a first time."""
        values = [block["value"] for block in self.featured.raw_data]
        image_block = self.featured.stream_block.child_blocks["slide"].child_blocks["image"]
        images = image_block.bulk_to_python([value.get("image") for value in values])
        links = localized_ids([value.get("page") for value in values], Page.objects.live())
        slides = [
            Slide(image, image.contextual_alt_text, value.get("title", ""), value.get("caption", ""), link)
            for value, image, link in zip(values, images, links, strict=True)
            if image  # not an image deleted since
        ]
        room = MAX_SLIDES - len(slides)
        if room > 0:
            featured = list(self.news().filter(feature_on_home=True, lead_image__isnull=False)[:room])
            slides += [Slide(news.lead_image, news.lead_image_alt, news.title, news.summary, news) for news in featured]
        return slides

    def news(self):
        return news_cards(visible(NewsPage.objects.all()).filter(locale_id=self.locale_id)).order_by("-date", "-pk")

    def latest_news(self):
        return list(self.news()[:3])

    def upcoming_events(self):
        events = visible(EventPage.objects.all()).filter(upcoming_filter(), locale_id=self.locale_id)
        return list(events.order_by("start", "pk")[:3])

    def latest_albums(self):
        albums = visible(GalleryPage.objects.all()).filter(locale_id=self.locale_id).order_by("-date", "-pk")
        return album_cards(albums[:4])

    def structured_data(self, request):
        return [library_data(request, self)]

    def partners(self):
        """The partners strip."""
        return [
            partner for partner in Partner.everyone() if partner.locale_id == self.locale_id and partner.show_on_home
        ]

    def section_pages(self):
        """The news, events and gallery index pages under this home page (for "see all" links),
        kept per process until the next change to the site."""
        sections = (NewsIndexPage, EventIndexPage, GalleryIndexPage)

        def compute():
            found = {page.specific_class: page for page in self.get_children().live().type(*sections)}
            return [found.get(section) for section in sections]

        return kept(f"home_sections:{self.pk}", compute)


class StandardPage(BasePage):
    """About, membership, services: a page of text, images and documents."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in large type under the title and in listings."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The page's content: paragraphs, headings, photos, quotes, videos, documents and tables."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction"), TranslatableField("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class VisitPage(RoutablePageMixin, PlaceMixin, BasePage):
    """How to get here, when, and what to find: address and hours come from the library settings."""

    introduction = models.TextField(
        _("introduction"), blank=True, max_length=400, help_text=_("One or two sentences shown under the title.")
    )
    embed_map = models.BooleanField(
        _("offer an embedded map"),
        default=True,
        help_text=_(
            "Visitors can open an OpenStreetMap map on the page. It loads only when they ask for it, "
            "so nothing is fetched from OpenStreetMap before that."
        ),
    )
    facilities = StreamField(
        [("facility", FacilityBlock())],
        blank=True,
        verbose_name=_("facilities"),
        help_text=_("Reading rooms, internet corner, children's corner, accessibility."),
    )
    membership = RichTextField(
        _("how to become a member"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Who can join, what to bring, what it costs."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("directions and more"),
        help_text=_("Getting here by public transport, parking, anything else."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel([PlaceMixin.location_panel, FieldPanel("embed_map")], heading=_("Map")),
        FieldPanel("facilities"),
        FieldPanel("membership"),
        FieldPanel("body"),
    ]
    translatable_fields = (
        BasePage.translatable_fields
        + PlaceMixin.location_translatable_fields
        + [
            TranslatableField("introduction"),
            SynchronizedField("embed_map"),
            TranslatableField("facilities"),
            TranslatableField("membership"),
            TranslatableField("body"),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("membership"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("visit page")

    @route(r"^$")
    def visit(self, request):
        # ?map=1 shows the embedded map: a link that works without JavaScript.
        return self.render(request, context_overrides={"show_map": self.embed_map and request.GET.get("map") == "1"})

    def structured_data(self, request):
        data = library_data(request, self)
        if data and self.has_location:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
            data["hasMap"] = self.map_url
        return [data]

    # Wagtail's page paths allow no dot, so the data lives at <visit page>/hours/.
    @route(r"^hours/$")
    def hours_json(self, request):
        hours = site_library(request)["hours"]
        return JsonResponse(hours.as_json(), json_dumps_params={"ensure_ascii": False})


# Messages a client address may post to the contact form (django-ratelimit's notation: 5 per 10
# minutes; portal/formguard.py counts them).
CONTACT_RATE = "5/10m"


class ContactPage(FormMixin, BasePage):
    """A form with the fields editors choose. Each message is stored (admin: Forms) before it is
    e-mailed to the library settings' contact form recipients."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in large type under the title and in listings."),
    )
    thank_you_text = RichTextField(
        _("thank-you message"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after a message is sent, e.g. how soon the library answers."),
    )

    form_builder = ContactFormBuilder

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("Form field")),
        FieldPanel("thank_you_text"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("introduction"),
        TranslatableField("form_fields"),
        TranslatableField("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            seconds = seconds_limited(request, "contact-form", CONTACT_RATE)
            if seconds:
                return self.render_rate_limited(request, seconds)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["shown_at"] = shown_at_token(SIGNING_SALT)
        return context

    def render_rate_limited(self, request, seconds):
        context = self.get_context(request)
        context["minutes"] = math.ceil(seconds / 60)
        response = TemplateResponse(request, "home/contact_page_limited.html", context, status=429)
        response["Retry-After"] = str(seconds)
        return response

    def process_form_submission(self, form):
        if form.is_spam:
            logger.info("Contact form: honeypot filled in, message dropped")
            return None
        # Stored first, so a mail server that is down loses nothing: the message waits in the admin.
        submission = super().process_form_submission(form)
        try:
            self.send_mail(form)
        except OSError:  # smtplib's errors included
            logger.exception("Contact form: message %s is stored but could not be e-mailed", submission.pk)
        return submission

    def send_mail(self, form):
        # Recipients come from the library settings only: set once for the site, validated there,
        # and not copied into each language's page where a translation could change them.
        recipients = LibrarySettings.for_site(self.get_site()).contact_recipient_list()
        if not recipients:
            logger.warning("Contact form: no recipients in the library settings, message kept in the admin only")
            return
        reply_to = [
            value
            for name, field in form.fields.items()
            if isinstance(field, forms.EmailField) and (value := form.cleaned_data.get(name))
        ]
        EmailMessage(
            gettext("New message from the contact form"), self.render_email(form), to=recipients, reply_to=reply_to[:1]
        ).send()

    def render_email(self, form):
        answers = [f"{field.label}:\n{answer_text(form.cleaned_data.get(field.name))}" for field in form]
        listing = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailforms:list_submissions", args=[self.pk])
        return "\n\n".join([*answers, gettext("All messages: %(url)s") % {"url": listing}])


def answer_text(value):
    if isinstance(value, bool):
        return yesno(value)
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


class FormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = FORM_FIELD_TRANSLATION

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")
