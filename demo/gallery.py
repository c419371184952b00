"""Albums of the library's events (gallery.toml), with photos drawn by Pillow and captions in both languages."""

from django.conf import settings

from gallery.models import GalleryIndexPage, GalleryPage, GalleryPhoto

from . import images
from .datafiles import LANGUAGES, load, words
from .news import index_fields

GALLERY = load("gallery")
ALBUM_FIELDS = ("title", "slug", "description")


def build(loader, home, news_pages):
    index = loader.ensure_page(home, GalleryIndexPage, *index_fields(GALLERY["index"]), show_in_menus=True)
    scenes = GALLERY["scenes"]
    for album in GALLERY["albums"]:
        photos = [photo_image(loader, album, position) for position in range(len(album["photos"]))]
        related = news_pages.get(album.get("related"))
        page = index.get_children().filter(slug=album["slug"]["id"]).first()
        if page is None:
            page = GalleryPage(
                locale=loader.id,
                date=album["date"],
                place=album["place"],
                allow_download=album.get("download", False),
                related_pages=[{"type": "page", "value": related.pk}] if related else [],
                **words(album, "id", ALBUM_FIELDS),
            )
            for position, (image, photo) in enumerate(zip(photos, album["photos"], strict=True)):
                page.photos.add(
                    GalleryPhoto(
                        image=image,
                        alt_text=scenes[photo["scene"]]["id"],
                        caption=photo["caption"]["id"],
                        sort_order=position,
                    )
                )
            page = loader.add_page(index, page)

        def translate_photos(translation, album=album):
            photos = list(translation.photos.all())
            for photo, source in zip(photos, album["photos"], strict=True):
                photo.alt_text, photo.caption = scenes[source["scene"]]["en"], source["caption"]["en"]
            translation.photos = photos

        loader.translate(page.specific, words(album, "en", ALBUM_FIELDS), translate_photos)


def photo_image(loader, album, position):
    """The album's photo at `position`, drawn and saved the first time."""
    scene = album["photos"][position]["scene"]
    slug = album["slug"]["id"]
    return loader.ensure_image(
        f"{album['title']['id']} ({position + 1})",
        {language: GALLERY["scenes"][scene][language] for language in LANGUAGES},
        f"{slug}-{position + 1}.jpg",
        lambda: images.photo(scene, variant=position + len(slug), size=settings.DEMO_PHOTO_SIZE),
    )
