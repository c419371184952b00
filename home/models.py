from dataclasses import dataclass

from django.db import models
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from gallery.models import GalleryIndexPage, GalleryPage, attach_covers, with_covers
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, upcoming_filter
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock, SlideBlock
from portal.context import site_library
from portal.pages import BasePage, PlaceMixin, listing, localized
from portal.seo import library_data
from programmes.models import Partner

from .blocks import FacilityBlock

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
    welcome_title = models.CharField(_("welcome heading"), max_length=150, blank=True)
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

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.VisitPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "gallery.GalleryIndexPage",
        "programmes.ProgrammeIndexPage",
        "local_content.CollectionIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["slides"] = self.slides()
        context["latest_news"] = self.latest_news()
        context["upcoming_events"] = self.upcoming_events()
        context["latest_albums"] = self.latest_albums()
        context["partners"] = Partner.objects.filter(locale_id=self.locale_id, show_on_home=True).select_related("logo")
        context["news_index"], context["event_index"], context["gallery_index"] = self.section_pages()
        return context

    def slides(self):
        """The editor's slides, their links in the visitor's language, then news featured on the home page."""
        values = [block.value for block in self.featured]
        links = localized([value["page"] for value in values])
        slides = [
            Slide(value["image"], value["image"].contextual_alt_text, value["title"], value["caption"], link)
            for value, link in zip(values, links, strict=True)
        ]
        room = MAX_SLIDES - len(slides)
        if room > 0:
            featured = self.news().filter(feature_on_home=True, lead_image__isnull=False)[:room]
            slides += [Slide(news.lead_image, news.lead_image_alt, news.title, news.summary, news) for news in featured]
        return slides

    def news(self):
        return listing(NewsPage.objects.live().public().filter(locale_id=self.locale_id)).order_by("-date", "-pk")

    def latest_news(self):
        return self.news().select_related("category")[:3]

    def upcoming_events(self):
        events = EventPage.objects.live().public().filter(upcoming_filter(), locale_id=self.locale_id)
        return events.order_by("start", "pk")[:3]

    def latest_albums(self):
        albums = GalleryPage.objects.live().public().filter(locale_id=self.locale_id).order_by("-date", "-pk")
        return attach_covers(with_covers(albums)[:4])

    def structured_data(self, request):
        return [library_data(request, self)]

    def section_pages(self):
        """The news, events and gallery index pages under this home page (for "see all" links)."""
        sections = (NewsIndexPage, EventIndexPage, GalleryIndexPage)
        found = {page.specific_class: page for page in self.get_children().live().type(*sections)}
        return [found.get(section) for section in sections]


class StandardPage(BasePage):
    """About, membership, services: a page of text, images and documents."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in large type under the title and in listings."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class VisitPage(RoutablePageMixin, PlaceMixin, BasePage):
    """How to get here, when, and what to find: address and hours come from the library settings."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=400)
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

    @route(r"^hours\.json$")
    def hours_json(self, request):
        hours = site_library(request)["hours"]
        return JsonResponse(hours.as_json(), json_dumps_params={"ensure_ascii": False})
