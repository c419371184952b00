"""What page types share: the base class, the lead image, and looking pages up by the links other
pages make to them."""

from functools import lru_cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.coreutils import find_available_slug, get_supported_content_language_variant
from wagtail.models import Page, PageLogEntry, PageViewRestriction, ReferenceIndex
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.context import site_root_paths
from portal.generation import kept, kept_among, page_token, read_tokens
from portal.seo import SeoMixin


class PageForm(WagtailAdminPageForm):
    """The editor of every page type: what goes wrong is said where the editor is looking."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            # The browser would cut a pasted long title without a word: the server says it instead.
            self.fields["title"].widget.attrs.pop("maxlength", None)

    def clean(self):
        self._address_from_translated_title()
        cleaned_data = super().clean()
        if "slug" in self.errors and "title" in self.fields:
            # The address sits on the Promote tab; its error is shown under the title too.
            for error in self.errors["slug"]:
                self.add_error("title", _("Page address (slug, on the Promote tab): %(error)s") % {"error": error})
        return cleaned_data

    def _address_from_translated_title(self):
        """A translation still at the original's address gets one made from its own title, unless
        the translator chose an address."""
        page = self.instance
        title, slug = self.cleaned_data.get("title"), self.cleaned_data.get("slug")
        if not (page.pk and title and slug) or page.locale.language_code == settings.LANGUAGE_CODE:
            return
        source = page.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if source and slug == source.slug and title != source.title and slugify(title):
            parent = self.parent_page or page.get_parent()
            self.cleaned_data["slug"] = find_available_slug(parent, slugify(title), ignore_page_id=page.pk)


class BasePage(SeoMixin, Page):
    promote_panels = Page.promote_panels + SeoMixin.seo_panels
    # Page's own fields as wagtail-localize derives them; each page type adds its own.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("social_image"),
    ]
    base_form_class = PageForm

    class Meta:
        abstract = True

    @cached_property
    def breadcrumb(self):
        """The pages between the home page and this one (portal/routing.py knows them already
        when it served the page)."""
        return [page for page in self.get_ancestors() if page.depth > 2]

    def get_url_parts(self, request=None):
        """Wagtail's, with the address worked out once per process: Wagtail reverses it under the
        page's language each time, a dozen times for a listing's cards."""
        sites = self._get_relevant_site_root_paths(request)
        if len({site.site_id for site in sites}) != 1:  # a page of several sites: Wagtail chooses
            return super().get_url_parts(request)
        site = sites[0]
        path = page_path(
            self.url_path[len(site.root_path) :], site.language_code, translation.get_language(), get_script_prefix()
        )
        return (site.site_id, site.root_url if path else None, path)

    def _get_site_root_paths(self, cache_object=None):
        # Wagtail's, from what the process keeps; set on the object as Wagtail does (its redirects read it there).
        paths = (cache_object or self)._wagtail_cached_site_root_paths = site_root_paths()
        return paths

    def get_preview_context(self, request, mode_name):
        # A preview shows the page as edited, not what is kept for the live page (kept_with_page).
        self.previewing = True
        return super().get_preview_context(request, mode_name)

    def get_view_restrictions(self):
        # Wagtail asks on every page served; most sites have no private section at all.
        if not private_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


@lru_cache(maxsize=10_000)
def page_path(path, language_code, active_language, script_prefix):
    """What Page.get_url_parts reverses for a page at `path` under its site's root in a language:
    the active language when it is a variant of the page's; None when pages are not served."""
    try:
        if get_supported_content_language_variant(active_language) == language_code:
            language_code = active_language
    except LookupError:
        pass
    with translation.override(language_code):
        try:
            return reverse("wagtail_serve", args=(path,))
        except NoReverseMatch:
            return None


class IndexPage(BasePage):
    """A section's landing page under the home page: one per language, with a short introduction."""

    introduction = models.TextField(
        _("introduction"), blank=True, max_length=600, help_text=_("One or two sentences shown under the title.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


CONVERTED, PUBLISHED = "wagtail.convert_alias", "wagtail.publish"


def private_sections():
    """The tree paths of the pages with a view restriction (each closes its descendants too),
    read once per process until the next change to the site."""
    return kept("private_sections", lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)))


def visible(pages):
    """The live pages of a queryset that anyone may see: Wagtail's `.live().public()`, without
    reading the view restrictions again for every list."""
    private = Q()
    for path in private_sections():
        private |= Q(path__startswith=path)
    return pages.live().exclude(private) if private else pages.live()


def untranslated_source(page):
    """The page in another language whose text this page shows, while it is not translated: the
    page an alias repeats, or, for an alias turned into a translation that is not published yet
    (online, still holding the copied text), the page it was copied from. Else None."""
    if page.alias_of_id:
        return Page.objects.filter(pk=page.alias_of_id).select_related("locale").first()
    if not page.has_unpublished_changes:
        return None
    last = PageLogEntry.objects.filter(page=page, action__in=(CONVERTED, PUBLISHED)).order_by("-timestamp", "-pk")
    if last.values_list("action", flat=True).first() != CONVERTED:
        return None
    return page.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()


class LeadImageMixin(models.Model):
    """A photo at the top of the page and on its card, with its own alt text and caption."""

    # Read with the page when it is served (portal/routing.py): its header shows it.
    read_with_page = ("lead_image",)

    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The photo at the top of the page and on its card in lists."),
    )
    lead_image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it. Left empty, the image's description is used."),
    )
    lead_image_caption = models.CharField(
        _("image caption"),
        max_length=250,
        blank=True,
        help_text=_("Shown under the photo on the page, e.g. what it shows and who took it."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences. Shown in lists, feeds and when the page is shared."),
    )

    lead_panels = [
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt"), FieldPanel("lead_image_caption")],
            heading=_("Lead image"),
        ),
        FieldPanel("summary"),
    ]
    lead_translatable_fields = [
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        TranslatableField("lead_image_caption"),
        TranslatableField("summary"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.lead_image and not self.lead_image_alt:
            self.lead_image_alt = self.lead_image.description
        if self.lead_image and not self.lead_image_alt:
            raise ValidationError({"lead_image_alt": _("Describe the lead image for visitors who cannot see it.")})

    @property
    def share_image(self):
        return self.social_image or self.lead_image

    @property
    def share_image_alt(self):
        return self.lead_image_alt


class PlaceMixin(models.Model):
    """A point on the map, linked to OpenStreetMap (no map tiles are loaded until asked for)."""

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("In decimal degrees, e.g. -7.158900 (negative south of the equator). Leave both empty for no map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("In decimal degrees, e.g. 113.483700."),
    )

    location_panel = FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location"))
    location_translatable_fields = [SynchronizedField("latitude"), SynchronizedField("longitude")]

    class Meta:
        abstract = True

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        if not self.has_location:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"

    @property
    def map_embed_url(self):
        """OpenStreetMap's embeddable map around the point, with a marker."""
        if not self.has_location:
            return ""
        lat, lon, pad = float(self.latitude), float(self.longitude), 0.004
        bbox = f"{lon - pad:.6f},{lat - pad:.6f},{lon + pad:.6f},{lat + pad:.6f}"
        return f"https://www.openstreetmap.org/export/embed.html?bbox={bbox}&layer=mapnik&marker={lat:.6f},{lon:.6f}"


def listing(queryset):
    """Pages for cards: their lead images without a query per card (the cards' <img> tags are
    kept per process: portal/images.py), and not their body, which no card shows."""
    return queryset.select_related("lead_image").defer_streamfields()


def kept_with_page(page, kind, compute, also=None):
    """`compute()` for what a page reads from other pages (the order of all its news, its
    collection's facets, the news and albums linking to it): kept per process until the page's
    token is renewed, by a publish of one of its children or of a page it links to or that links to
    it (ops/dependencies.py), or the site changes. So its listings take as long at 10,000 items as
    at 100, and its lists of other pages cost no query while none of them changes. `also`: what
    else the value depends on (the token of a programme's registration counts, the minute). A
    preview (BasePage.get_preview_context) works it out from the page as edited."""
    if getattr(page, "previewing", False):
        return compute()
    if "_page_token" not in page.__dict__:  # one cache read per page and request, for every list
        name = page_token(page.translation_key)
        page._page_token = read_tokens([name])[name]
    return kept_among(kind, f"{page.pk}:{page._page_token}:{also}", compute, most=16)


def page_of(pages, ids, per_page, number):
    """Page `number` of a list whose order is known: `ids`, the pks of the whole list in order, and
    `pages`, which reads only the pks of that page. Counting the list and skipping to a deep page
    (?page=400) then cost the same at 100 items as at 10,000."""
    page = Paginator(ids, per_page).get_page(number)
    found = pages.order_by().in_bulk(page.object_list)  # placed in order here
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
    return page


def translations_of(page, keep=True):
    """The page in every language (itself included, live or not), with only what an address needs:
    kept on the page, which is the request's own, for its language links and the lists of pages
    linking to it; not on a page kept per process (`keep=False`), which nobody may change."""
    if "_translations" in page.__dict__:
        return page._translations
    translations = Page.objects.filter(translation_key=page.translation_key).order_by()
    translations = list(translations.only("url_path", "locale_id", "alias_of_id", "live"))
    if keep:
        page._translations = translations
    return translations


def linking_to(page, model, locale):
    """Live pages of `model` in `locale` that link to `page` in any of its languages (through a
    page chooser in their content), found in Wagtail's reference index rather than by reading
    every page. Unordered queryset, or None when none links to it (most pages): no queryset is
    made then, as even an empty one costs most of a query to build."""
    # Plain queries rather than nested subqueries, which cost more to build than to run; read once
    # for all the lists of one page (a programme's news and albums), and most pages have no such links.
    if "_linked_from" not in page.__dict__:
        references = ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(Page),
            to_object_id__in=[str(translation.pk) for translation in translations_of(page)],
        ).values_list("content_type_id", "object_id")
        page._linked_from = {}
        for content_type_id, object_id in references:
            page._linked_from.setdefault(content_type_id, set()).add(object_id)
    sources = page._linked_from.get(ContentType.objects.get_for_model(model).pk)
    if not sources:
        return None
    linked = model.objects.filter(pk__in=[int(pk) for pk in sources]).values("translation_key")
    return visible(model.objects.filter(translation_key__in=linked, locale=locale))
