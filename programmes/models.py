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
from news.models import news_linking_to
from portal.blocks import BodyBlock, DocumentLinkBlock, ImageBlock
from portal.generation import kept
from portal.i18n import localized, localized_ids
from portal.pages import (
    BasePage,
    IndexPage,
    LeadImageMixin,
    PlaceMixin,
    kept_with_page,
    listing,
    translations_of,
    visible,
)

from .blocks import ChartBlock, FigureBlock, MilestoneBlock, milestone_value


class Partner(TranslatableMixin, models.Model):
    """A funder, partner, government office or sponsor, described in each language."""

    FUNDER, PARTNER, GOVERNMENT, SPONSOR = "funder", "partner", "government", "sponsor"
    KINDS = [
        (FUNDER, _("Funder")),
        (PARTNER, _("Partner")),
        (GOVERNMENT, _("Government")),
        (SPONSOR, _("Sponsor")),
    ]

    name = models.CharField(
        _("name"), max_length=150, help_text=_("The organisation's name as it writes it in this language.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=KINDS,
        default=PARTNER,
        help_text=_("Shown as a label next to the name on programme pages."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on programme pages and the home page; PNG with transparency works best."),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The partner's name links to it."))
    description = models.TextField(
        _("short description"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences on what the partner does with the library."),
    )
    show_on_home = models.BooleanField(
        _("show on the home page"), default=True, help_text=_("Shows the logo among the partners on the home page.")
    )

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

    @property
    def kind_name(self):
        """Not get_kind_display(), which translates every kind's name again on each call."""
        return dict(self.KINDS).get(self.kind, self.kind)

    @classmethod
    def everyone(cls):
        """Every partner in every language, with its logo: kept per process until the next change
        to the site (a partner saved is one), for the home page's strip and the programmes."""
        return kept("partners", lambda: list(cls.objects.select_related("logo", "locale")))


class ProgrammeIndexPage(IndexPage):
    subpage_types = ["programmes.ProgrammePage", "programmes.VillageLibraryIndexPage"]

    class Meta:
        verbose_name = _("programme index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programmes = list(listing(visible(ProgrammePage.objects.all()).child_of(self)).order_by("-period_start"))
        context["current"] = [programme for programme in programmes if not programme.is_past]
        context["past"] = [programme for programme in programmes if programme.is_past]
        return context


class ProgrammePage(LeadImageMixin, BasePage):
    """A funder's showcase: what a programme set out to do, for whom, where, and what it achieved."""

    period_start = models.DateField(
        _("started"), help_text=_("When the programme began; a date still to come marks it as planned.")
    )
    period_end = models.DateField(_("ended"), null=True, blank=True, help_text=_("Leave empty while it is ongoing."))
    goals = StreamField(
        [("goal", blocks.CharBlock(label=_("Goal"), max_length=250))],
        blank=True,
        verbose_name=_("goals"),
        help_text=_("One sentence per goal, the most important first."),
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
        help_text=_("Villages, districts or schools the programme reached, one per entry."),
    )
    partners = StreamField(
        [("partner", SnippetChooserBlock(Partner, label=_("Partner")))],
        blank=True,
        verbose_name=_("partners and funders"),
        help_text=_("Shown with their logos. Add a missing one to the partners first."),
    )
    figures = StreamField(
        [("figure", FigureBlock())],
        blank=True,
        verbose_name=_("impact figures"),
        help_text=_("Key numbers, e.g. 5 pilot villages. The first one is also shown on the programme's card."),
    )
    charts = StreamField(
        [("chart", ChartBlock())],
        blank=True,
        verbose_name=_("charts"),
        help_text=_("Bar or line charts of figures over time, each with a table for screen readers."),
    )
    milestones = StreamField(
        [("milestone", MilestoneBlock())],
        blank=True,
        verbose_name=_("timeline"),
        help_text=_("Dated steps of the programme, shown in date order."),
    )
    reports = StreamField(
        [("report", DocumentLinkBlock())],
        blank=True,
        verbose_name=_("reports"),
        help_text=_("Reports and other documents for funders and partners to download."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("story"),
        help_text=_("What happened and what changed, with photos and quotes."),
    )

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
        # From the ids the StreamFields store: the chooser blocks would read each choice a first time.
        everyone = Partner.everyone()
        chosen = {partner.pk: partner for partner in everyone}
        partners = localized(
            [chosen.get(block["value"]) for block in self.partners.raw_data], self.locale, versions=everyone
        )
        context["partners"] = [partner for partner in partners if partner]
        context.update(kept_with_page(self, "programme_links", self.links))
        return context

    def links(self):
        """The pages its timeline links to, the news, albums and village libraries linking to it."""
        milestones = [milestone_value(block["value"]) for block in self.milestones.raw_data]
        # Only their addresses are shown: the pages as Wagtail's base class.
        links = localized_ids([milestone.get("page") for milestone in milestones], Page.objects.live(), self.locale)
        # A list of names and addresses: only what it shows.
        village_libraries = (
            visible(VillageLibraryPage.objects.all())
            .filter(programme_id__in=[version.pk for version in translations_of(self)], locale=self.locale)
            .only("title", "url_path", "district")
            .order_by("district", "village")
        )
        return {
            "milestones": sorted(zip(milestones, links, strict=True), key=lambda pair: pair[0]["date"]),
            "related_news": news_linking_to(self),
            "related_albums": list(albums_linking_to(self, self.locale)[:6]),
            "village_libraries": list(village_libraries),
        }


class VillageLibraryIndexPage(IndexPage):
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = ["programmes.VillageLibraryPage"]

    class Meta:
        verbose_name = _("village library index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        libraries = listing(visible(VillageLibraryPage.objects.all()).child_of(self)).order_by("district", "village")
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
    village = models.CharField(
        _("village (desa)"), max_length=100, help_text=_("The village's name as it is written officially.")
    )
    district = models.CharField(
        _("district (kecamatan)"),
        max_length=100,
        help_text=_("Village libraries are listed and filtered by district: write it the same way on each."),
    )
    library_name = models.CharField(
        _("library name"),
        max_length=150,
        blank=True,
        help_text=_("The library's own name, if it has one, e.g. Taman Baca Sejahtera."),
    )
    year_joined = models.PositiveSmallIntegerField(
        _("year joined"), null=True, blank=True, help_text=_("The year the library joined the programme.")
    )
    programme = models.ForeignKey(
        ProgrammePage,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The programme this library takes part in."),
    )
    computers = models.PositiveSmallIntegerField(
        _("computers"), null=True, blank=True, help_text=_("How many computers visitors can use.")
    )
    internet = models.BooleanField(
        _("internet access"), default=False, help_text=_("Tick when visitors can go online at the library.")
    )
    opening_hours = models.CharField(
        _("opening hours"), max_length=200, blank=True, help_text=_("E.g. Mon-Sat 08.00-14.00")
    )
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("A name and phone number visitors can call, e.g. the librarian's."),
    )
    photos = StreamField(
        [("photo", ImageBlock(label=_("Photo")))],
        blank=True,
        verbose_name=_("photos"),
        help_text=_("Photos of the library and its visitors, shown together on the page."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("story"),
        help_text=_("How the library started, who uses it and what it offers."),
    )

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
        context.update(kept_with_page(self, "village_library_links", self.links))
        return context

    def links(self):
        """The news linking to it, and its programme in its language."""
        return {
            "related_news": news_linking_to(self),
            # Only its title and address are shown: the page as Wagtail's base class, in one query.
            "programme": localized_ids([self.programme_id], Page.objects.live(), self.locale)[0],
        }
