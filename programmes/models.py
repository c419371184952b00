from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from gallery.models import albums_linking_to
from news.models import NewsPage
from portal.blocks import BodyBlock, DocumentLinkBlock, ImageBlock
from portal.i18n import localized
from portal.pages import BasePage, IndexPage, LeadImageMixin, PlaceMixin, linking_to, listing

from .blocks import ChartBlock, FigureBlock, MilestoneBlock


class Partner(TranslatableMixin, models.Model):
    """A funder, partner, government office or sponsor, described in each language."""

    FUNDER, PARTNER, GOVERNMENT, SPONSOR = "funder", "partner", "government", "sponsor"
    KINDS = [
        (FUNDER, _("Funder")),
        (PARTNER, _("Partner")),
        (GOVERNMENT, _("Government")),
        (SPONSOR, _("Sponsor")),
    ]

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=PARTNER)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("short description"), blank=True, max_length=400)
    show_on_home = models.BooleanField(_("show on the home page"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("show_on_home"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        TranslatableField("description"),
        SynchronizedField("show_on_home"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProgrammeIndexPage(IndexPage):
    subpage_types = ["programmes.ProgrammePage", "programmes.VillageLibraryIndexPage"]

    class Meta:
        verbose_name = _("programme index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programmes = list(listing(ProgrammePage.objects.live().public().child_of(self)).order_by("-period_start"))
        context["current"] = [programme for programme in programmes if not programme.is_past]
        context["past"] = [programme for programme in programmes if programme.is_past]
        return context


class ProgrammePage(LeadImageMixin, BasePage):
    """A funder's showcase: what a programme set out to do, for whom, where, and what it achieved."""

    period_start = models.DateField(_("started"))
    period_end = models.DateField(_("ended"), null=True, blank=True, help_text=_("Leave empty while it is ongoing."))
    goals = StreamField(
        [("goal", blocks.CharBlock(label=_("Goal"), max_length=250))], blank=True, verbose_name=_("goals")
    )
    target_groups = StreamField(
        [("group", blocks.CharBlock(label=_("Group"), max_length=80))],
        blank=True,
        verbose_name=_("target groups"),
        help_text=_("E.g. women, young people, entrepreneurs."),
    )
    places = StreamField(
        [("place", blocks.CharBlock(label=_("Place"), max_length=120))],
        blank=True,
        verbose_name=_("places reached"),
    )
    partners = StreamField(
        [("partner", SnippetChooserBlock(Partner, label=_("Partner")))],
        blank=True,
        verbose_name=_("partners and funders"),
    )
    figures = StreamField([("figure", FigureBlock())], blank=True, verbose_name=_("impact figures"))
    charts = StreamField([("chart", ChartBlock())], blank=True, verbose_name=_("charts"))
    milestones = StreamField([("milestone", MilestoneBlock())], blank=True, verbose_name=_("timeline"))
    reports = StreamField([("report", DocumentLinkBlock())], blank=True, verbose_name=_("reports"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("story"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
        *LeadImageMixin.lead_panels,
        MultiFieldPanel(
            [FieldPanel("goals"), FieldPanel("target_groups"), FieldPanel("places")], heading=_("Goals and reach")
        ),
        FieldPanel("partners"),
        FieldPanel("figures"),
        FieldPanel("charts"),
        FieldPanel("milestones"),
        FieldPanel("body"),
        FieldPanel("reports"),
    ]
    translatable_fields = (
        BasePage.translatable_fields
        + LeadImageMixin.lead_translatable_fields
        + [
            SynchronizedField("period_start"),
            SynchronizedField("period_end"),
            TranslatableField("goals"),
            TranslatableField("target_groups"),
            TranslatableField("places"),
            # Chosen partners are replaced by their translations.
            TranslatableField("partners"),
            TranslatableField("figures"),
            TranslatableField("charts"),
            TranslatableField("milestones"),
            TranslatableField("body"),
            TranslatableField("reports"),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme page")

    @property
    def is_past(self):
        return self.period_end is not None and self.period_end < timezone.localdate()

    @property
    def status(self):
        if self.period_start > timezone.localdate():
            return _("Planned")
        return _("Completed") if self.is_past else _("Ongoing")

    @property
    def headline_figure(self):
        return self.figures[0].value if self.figures else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = localized(
            [block.value for block in self.partners], self.locale, queryset=Partner.objects.select_related("logo")
        )
        context["partners"] = [partner for partner in partners if partner]
        milestones = [block.value for block in self.milestones]
        links = localized([milestone["page"] for milestone in milestones])
        context["milestones"] = sorted(zip(milestones, links, strict=True), key=lambda pair: pair[0]["date"])
        news = linking_to(self, NewsPage, self.locale)
        context["related_news"] = list(listing(news).select_related("category").order_by("-date", "-pk")[:6])
        context["related_albums"] = albums_linking_to(self, self.locale)[:6]
        context["village_libraries"] = listing(
            VillageLibraryPage.objects.live()
            .public()
            .filter(programme__translation_key=self.translation_key)
            .filter(locale=self.locale)
        ).order_by("district", "village")
        return context


class VillageLibraryIndexPage(IndexPage):
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = ["programmes.VillageLibraryPage"]

    class Meta:
        verbose_name = _("village library index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        libraries = listing(VillageLibraryPage.objects.live().public().child_of(self)).order_by("district", "village")
        districts = sorted(set(libraries.values_list("district", flat=True)))
        district = request.GET.get("district", "")
        context["districts"] = districts
        context["district"] = district if district in districts else ""
        if context["district"]:
            libraries = libraries.filter(district=district)
        context["libraries_page"] = Paginator(libraries, 24).get_page(request.GET.get("page"))
        context["map_points"] = map_points(context["libraries_page"].object_list)
        return context


def map_points(libraries, width=600, height=400, margin=80):
    """Positions of libraries with coordinates on a plain SVG overview (no map tiles), centred."""
    placed = [library for library in libraries if library.latitude is not None and library.longitude is not None]
    if not placed:
        return []
    lats = [float(library.latitude) for library in placed]
    lons = [float(library.longitude) for library in placed]
    span_lat, span_lon = max(max(lats) - min(lats), 0.01), max(max(lons) - min(lons), 0.01)
    scale = min((width - 2 * margin) / span_lon, (height - 2 * margin) / span_lat)
    left = (width - span_lon * scale) / 2
    top = (height - span_lat * scale) / 2
    return [
        {
            "library": library,
            "x": round(left + (lon - min(lons)) * scale, 1),
            "y": round(top + (max(lats) - lat) * scale, 1),
        }
        for library, lat, lon in zip(placed, lats, lons, strict=True)
    ]


class VillageLibraryPage(LeadImageMixin, PlaceMixin, BasePage):
    village = models.CharField(_("village (desa)"), max_length=100)
    district = models.CharField(_("district (kecamatan)"), max_length=100)
    library_name = models.CharField(_("library name"), max_length=150, blank=True)
    year_joined = models.PositiveSmallIntegerField(_("year joined"), null=True, blank=True)
    programme = models.ForeignKey(
        ProgrammePage,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The programme this library takes part in."),
    )
    computers = models.PositiveSmallIntegerField(_("computers"), null=True, blank=True)
    internet = models.BooleanField(_("internet access"), default=False)
    opening_hours = models.CharField(
        _("opening hours"), max_length=200, blank=True, help_text=_("E.g. Mon-Sat 08.00-14.00")
    )
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    photos = StreamField([("photo", ImageBlock(label=_("Photo")))], blank=True, verbose_name=_("photos"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("story"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("village"), FieldPanel("district")]),
        FieldRowPanel([FieldPanel("library_name"), FieldPanel("year_joined")]),
        FieldPanel("programme"),
        *LeadImageMixin.lead_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("computers"), FieldPanel("internet")]),
                FieldPanel("opening_hours"),
                FieldPanel("contact"),
            ],
            heading=_("Facilities and contact"),
        ),
        PlaceMixin.location_panel,
        FieldPanel("photos"),
        FieldPanel("body"),
    ]
    # Village and district are place names, the contact a name and number: the same in every language.
    translatable_fields = (
        BasePage.translatable_fields
        + LeadImageMixin.lead_translatable_fields
        + PlaceMixin.location_translatable_fields
        + [
            SynchronizedField("village"),
            SynchronizedField("district"),
            TranslatableField("library_name"),
            SynchronizedField("year_joined"),
            SynchronizedField("programme"),
            SynchronizedField("computers"),
            SynchronizedField("internet"),
            TranslatableField("opening_hours"),
            SynchronizedField("contact"),
            TranslatableField("photos"),
            TranslatableField("body"),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("library_name"),
        index.SearchField("village"),
        index.SearchField("district"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["programmes.VillageLibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("village library page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = linking_to(self, NewsPage, self.locale)
        context["related_news"] = list(listing(news).order_by("-date", "-pk")[:6])
        context["programme"] = localized([self.programme])[0] if self.programme_id else None
        return context
