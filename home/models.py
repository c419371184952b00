from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from gallery.models import GalleryIndexPage, GalleryPage, attach_covers, with_covers
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, upcoming_filter
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock, SlideBlock
from portal.pages import BasePage, listing, localized
from programmes.models import Partner

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


class VisitPage(BasePage):
    """How to get here and when: address and hours come from the library settings."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=400)
    map_url = models.URLField(
        _("map link"),
        blank=True,
        help_text=_("An OpenStreetMap address of the library, e.g. https://www.openstreetmap.org/?mlat=...&mlon=..."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("facilities and directions"),
        help_text=_("Reading rooms, internet corner, children's corner, accessibility, parking."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("map_url"),
        FieldPanel("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("visit page")
