import re
from operator import attrgetter

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import ImageBlock
from portal.i18n import localized
from portal.pages import BasePage, IndexPage, visible

from .browse import Browse
from .jsonld import item_jsonld
from .vocabularies import DC_TYPES, LANGUAGES

TYPE_NAMES, LANGUAGE_NAMES = dict(DC_TYPES), dict(LANGUAGES)


class Subject(TranslatableMixin, models.Model):
    name = models.CharField(
        _("name"), max_length=100, help_text=_("As visitors see it on item pages and in the subject filter.")
    )
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in addresses and OAI-PMH set names."))

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), TranslatableField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["name"]

    def __str__(self):
        return self.name


class District(models.Model):
    """A kecamatan (or a wider area) that an item is about: Dublin Core coverage."""

    name = models.CharField(
        _("name"), max_length=100, unique=True, help_text=_("The district's name as it is written officially.")
    )
    regency = models.CharField(
        _("regency"),
        max_length=100,
        blank=True,
        help_text=_("The regency (kabupaten) or city the district belongs to; shown after its name on item pages."),
    )

    panels = [FieldPanel("name"), FieldPanel("regency")]

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]

    def __str__(self):
        return self.name


def first_year(date_text):
    """The earliest four-digit year in a free date ("c. 1900", "1980-1990", "2014-08-26"), or None."""
    years = [int(year) for year in re.findall(r"(?<!\d)(\d{4})(?!\d)", date_text or "")]
    return min(years) if years else None


class CollectionIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["local_content.CollectionItemPage"]

    class Meta:
        verbose_name = _("collection index page")

    def items(self):
        return visible(CollectionItemPage.objects.all()).child_of(self)

    @path("")
    def browse(self, request):
        browse = Browse(self, request.GET, subjects=Subject.objects, districts=District.objects)
        return self.render(request, context_overrides={"browse": browse})


class CollectionItemPage(BasePage):
    """One item of the local-content collection, described in Dublin Core."""

    creators = models.TextField(_("creator(s)"), blank=True, help_text=_("One name per line."))
    subjects = ParentalManyToManyField(
        Subject,
        verbose_name=_("subjects"),
        blank=True,
        related_name="items",
        help_text=_("Topics visitors can browse the collection by."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the item is and holds; shown on its page and sent to national catalogues."),
    )
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, help_text=_("Who published the item, as written on it.")
    )
    contributors = models.TextField(_("contributor(s)"), blank=True, help_text=_("One name per line."))
    date_text = models.CharField(
        _("date"),
        max_length=50,
        blank=True,
        help_text=_('A full date (2014-08-26), a year (1985) or a range ("c. 1900", "1980-1990").'),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False, db_index=True)
    dc_type = models.CharField(
        _("type"),
        max_length=20,
        choices=DC_TYPES,
        default="Text",
        db_index=True,
        help_text=_("What kind of item it is; visitors can filter by it."),
    )
    format = models.CharField(
        _("format"), max_length=100, blank=True, help_text=_("E.g. image/jpeg, 48 pages, 12 min.")
    )
    identifier = models.CharField(
        _("identifier"), max_length=100, blank=True, help_text=_("Call number or accession number.")
    )
    source = models.CharField(
        _("source"), max_length=250, blank=True, help_text=_("Where the item comes from, e.g. a donor's collection.")
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=LANGUAGES,
        default="id",
        db_index=True,
        help_text=_("The language of the item itself, not of this description."),
    )
    relation = models.CharField(
        _("relation"),
        max_length=250,
        blank=True,
        help_text=_("A related item, series or programme, e.g. the one it was collected for."),
    )
    coverage = models.ForeignKey(
        District,
        verbose_name=_("coverage (district)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The district the item is about, if any."),
    )
    rights = models.CharField(
        _("rights"), max_length=250, blank=True, help_text=_("Who may reuse it and how, e.g. CC BY 4.0.")
    )
    images = StreamField(
        [("image", ImageBlock(label=_("Image")))],
        blank=True,
        verbose_name=_("images"),
        help_text=_("Scans or photos of the item, each described for people who cannot see it."),
    )
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Files visitors can download, e.g. a scanned PDF."),
    )
    media = StreamField(
        [
            ("embed", EmbedBlock(label=_("Audio or video address"))),
            ("file", DocumentChooserBlock(label=_("Audio or video file"))),
        ],
        blank=True,
        verbose_name=_("audio and video"),
        help_text=_("Recordings: the address of a video or sound page, or an audio or video file."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("creators"), FieldPanel("contributors"), FieldPanel("publisher")], heading=_("Who")
        ),
        MultiFieldPanel(
            [FieldPanel("description"), FieldPanel("subjects"), FieldPanel("coverage")], heading=_("About")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date_text"), FieldPanel("dc_type")]),
                FieldRowPanel([FieldPanel("language"), FieldPanel("format")]),
            ],
            heading=_("When and what"),
        ),
        MultiFieldPanel(
            [FieldPanel("identifier"), FieldPanel("source"), FieldPanel("relation"), FieldPanel("rights")],
            heading=_("Identification and rights"),
        ),
    ]
    media_panels = [FieldPanel("images"), FieldPanel("documents"), FieldPanel("media")]
    # Names, dates and identifiers are catalogued as found, in every language (OAI-PMH sends the
    # default language's); descriptions and notes are translated. Subjects and coverage are shared.
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("creators"),
        SynchronizedField("contributors"),
        SynchronizedField("publisher"),
        TranslatableField("description"),
        SynchronizedField("subjects"),
        SynchronizedField("coverage"),
        SynchronizedField("date_text"),
        SynchronizedField("dc_type"),
        SynchronizedField("language"),
        TranslatableField("format"),
        SynchronizedField("identifier"),
        TranslatableField("source"),
        TranslatableField("relation"),
        TranslatableField("rights"),
        TranslatableField("images"),
        SynchronizedField("documents"),
        SynchronizedField("media"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Description")),
            ObjectList(media_panels, heading=_("Media")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("creators"),
        index.SearchField("identifier"),
        index.FilterField("dc_type"),
        index.FilterField("language"),
    ]
    parent_page_types = ["local_content.CollectionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")

    def save(self, *args, **kwargs):
        self.year = first_year(self.date_text)
        super().save(*args, **kwargs)

    # Not get_dc_type_display(): it makes the choices a dict again on each call, translating every
    # name (50 µs an item, on a page of 24).
    @property
    def type_name(self):
        return TYPE_NAMES.get(self.dc_type, self.dc_type)

    @property
    def language_name(self):
        return LANGUAGE_NAMES.get(self.language, self.language)

    @property
    def creator_list(self):
        return [line.strip() for line in self.creators.splitlines() if line.strip()]

    @property
    def contributor_list(self):
        return [line.strip() for line in self.contributors.splitlines() if line.strip()]

    @property
    def share_image(self):
        first = next(iter(self.images), None)
        return self.social_image or (first.value if first else None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subject_list"] = self.subject_list
        return context

    @cached_property
    def subject_list(self):
        """The item's subjects in its own language, by name; one not translated into it is left out."""
        subjects = localized(list(self.subjects.all()), self.locale)
        return sorted((subject for subject in subjects if subject.locale_id == self.locale_id), key=attrgetter("name"))

    def structured_data(self, request):
        return [item_jsonld(self, request, self.subject_list)]


class DeletedRecord(models.Model):
    """What OAI-PMH harvesters are told about an item that was unpublished or deleted, so they
    can drop it too ("persistent" deleted records)."""

    identifier = models.CharField(max_length=255, unique=True)
    datestamp = models.DateTimeField(db_index=True)
    sets = models.CharField(max_length=1000, blank=True, help_text="Set specs as |type:Text|subject:batik|")

    class Meta:
        verbose_name = _("deleted OAI record")
        verbose_name_plural = _("deleted OAI records")

    def __str__(self):
        return self.identifier
