from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import RelatedPagesBlock
from portal.pages import BasePage, IndexPage, PageForm, linking_to, visible
from portal.seo import compact, image_url, publisher_data

ALBUMS_PER_PAGE = 12


class GalleryIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["gallery.GalleryPage"]

    class Meta:
        verbose_name = _("gallery index page")

    def albums(self):
        return visible(GalleryPage.objects.all()).child_of(self).order_by("-date", "-pk")

    @path("")
    def index(self, request):
        albums = self.albums()
        years = [day.year for day in albums.dates("date", "year", order="DESC")]
        year = request.GET.get("year", "")
        if year.isdecimal() and int(year) in years:
            year = int(year)
            albums = albums.filter(date__year=year)
        else:
            year = None
        albums_page = Paginator(albums, ALBUMS_PER_PAGE).get_page(request.GET.get("page"))
        albums_page.object_list = album_cards(albums_page.object_list)
        return self.render(request, context_overrides={"albums_page": albums_page, "years": years, "year": year})


def album_cards(albums):
    """The albums (a list or queryset) for cards, each with its photo count and cover image (the
    first photo): plain queries, which cost less to build than one that counts and picks at once."""
    albums = list(albums.defer_streamfields() if isinstance(albums, models.QuerySet) else albums)
    if not albums:
        return []
    photos = GalleryPhoto.objects.filter(page__in=albums).order_by("sort_order", "pk")
    counts, covers = {}, {}
    for album_pk, image_pk in photos.values_list("page_id", "image_id"):
        counts[album_pk] = counts.get(album_pk, 0) + 1
        covers.setdefault(album_pk, image_pk)
    images = get_image_model().objects.in_bulk(set(covers.values()))
    for album in albums:
        album.photo_count = counts.get(album.pk, 0)
        album.cover = images.get(covers.get(album.pk))
    return albums


class GalleryPageForm(PageForm):
    """Adds "fill from a collection": every image of the chosen collection that is not in the
    album yet becomes a photo, with the image's description as alt text."""

    fill_from_collection = forms.ModelChoiceField(
        queryset=Collection.objects.all(),
        required=False,
        label=_("Add all photos of a collection"),
        help_text=_(
            "Upload the photos first (Images > Add images, into one collection), then choose the "
            "collection here. Photos already in the album are not added twice."
        ),
    )

    def save(self, commit=True):
        page = super().save(commit=False)
        collection = self.cleaned_data.get("fill_from_collection")
        if collection:
            present = {photo.image_id for photo in page.photos.all()}
            images = get_image_model().objects.filter(collection=collection).exclude(pk__in=present)
            start = len(present)
            for offset, image in enumerate(images.order_by("created_at", "pk")):
                page.photos.add(
                    GalleryPhoto(image=image, alt_text=image.description or image.title, sort_order=start + offset)
                )
        if commit:
            page.save()
        return page


class GalleryPage(RoutablePageMixin, BasePage):
    """An album: the photos of one event or place, in the order the editor chose."""

    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("When the photos were taken."))
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("E.g. Aula lantai 2, Pamekasan."))
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=1000,
        help_text=_("A few sentences about the event or place, shown above the photos."),
    )
    allow_download = models.BooleanField(
        _("offer the original photos for download"),
        default=False,
        help_text=_("Only when the library may share the full-size files."),
    )
    related_pages = StreamField(
        RelatedPagesBlock(),
        blank=True,
        verbose_name=_("related pages"),
        help_text=_("The news item or programme these photos belong to."),
    )

    base_form_class = GalleryPageForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("place")]),
        FieldPanel("description"),
        MultipleChooserPanel(
            "photos",
            chooser_field_name="image",
            heading=_("Photos"),
            label=_("Photo"),
            help_text=_("Choose several images at once; drag to reorder."),
        ),
        FieldPanel("fill_from_collection"),
        FieldPanel("allow_download"),
        FieldPanel("related_pages"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("place"),
        TranslatableField("description"),
        TranslatableField("photos"),
        SynchronizedField("allow_download"),
        SynchronizedField("related_pages"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.SearchField("place")]
    parent_page_types = ["gallery.GalleryIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("album")
        verbose_name_plural = _("albums")

    @property
    def share_image(self):
        photos = self.ordered_photos
        return self.social_image or (photos[0].image if photos else None)

    def structured_data(self, request):
        return [
            compact(
                {
                    "@context": "https://schema.org",
                    "@type": "ImageGallery",
                    "name": self.title,
                    "description": self.share_description,
                    "url": self.get_full_url(request),
                    "inLanguage": self.locale.language_code,
                    "datePublished": self.date.isoformat(),
                    "contentLocation": {"@type": "Place", "name": self.place} if self.place else None,
                    "image": image_url(request, self.share_image),
                    "publisher": publisher_data(request),
                }
            )
        ]

    @cached_property
    def ordered_photos(self):
        """Read once per request: the album, its social image and its structured data all show them."""
        return list(self.photos.select_related("image").order_by("sort_order", "pk"))

    @path("")
    def album(self, request):
        photos = self.ordered_photos
        return self.render(
            request,
            context_overrides={
                "photos": photos,
                "related_pages": RelatedPagesBlock.pages(self.related_pages),
            },
        )

    @path("<int:number>/", name="photo")
    def photo(self, request, number):
        photos = self.ordered_photos
        if not 1 <= number <= len(photos):
            raise Http404
        return self.render(
            request,
            template="gallery/gallery_photo_page.html",
            context_overrides={
                "photo": photos[number - 1],
                "number": number,
                "total": len(photos),
                "previous_number": number - 1 if number > 1 else None,
                "next_number": number + 1 if number < len(photos) else None,
            },
        )


class GalleryPhoto(TranslatableMixin, Orderable):
    """One photo of an album. Caption and alt text are translated with the album."""

    page = ParentalKey(GalleryPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Large originals are fine: the site makes the smaller copies visitors download."),
    )
    alt_text = models.CharField(
        _("description (alt text)"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the photo in the album and on the photo's own page."),
    )
    credit = models.CharField(
        _("photographer"), max_length=120, blank=True, help_text=_("Who took the photo, shown after the caption.")
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption"), FieldPanel("credit")]
    translatable_fields = [
        SynchronizedField("image"),
        TranslatableField("alt_text"),
        TranslatableField("caption"),
        TranslatableField("credit"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.alt_text


def albums_linking_to(page, locale):
    """Albums in `locale` that list `page` (a news item, a programme) among their related pages."""
    albums = linking_to(page, GalleryPage, locale)
    return album_cards(albums.order_by("-date", "-pk")) if albums is not None else []
