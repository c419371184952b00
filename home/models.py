from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock, SlideBlock
from portal.seo import SeoMixin


class BasePage(SeoMixin, Page):
    promote_panels = Page.promote_panels + SeoMixin.seo_panels

    class Meta:
        abstract = True


class HomePage(BasePage):
    featured = StreamField(
        [("slide", SlideBlock())],
        blank=True,
        max_num=6,
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
    subpage_types = ["home.StandardPage", "home.VisitPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["slides"] = slides_with_local_links(self.featured)
        return context


def slides_with_local_links(featured):
    """Slides whose linked page is swapped for its translation in the page's language,
    fetched in one query for the whole carousel."""
    from wagtail.models import Locale

    slides = [block.value for block in featured]
    linked = [slide["page"] for slide in slides if slide["page"]]
    if not linked:
        return [(slide, None) for slide in slides]
    locale = Locale.get_active()
    local = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=[page.translation_key for page in linked], locale=locale
        )
    }
    return [
        (slide, local.get(slide["page"].translation_key, slide["page"]) if slide["page"] else None) for slide in slides
    ]


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
