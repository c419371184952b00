"""The Madura local-content collection (collection.toml), from the library's own documents and events."""

from wagtail.images import get_image_model

from local_content.models import CollectionIndexPage, CollectionItemPage, District, Subject

from . import images
from .datafiles import LANGUAGES, load, words
from .news import index_fields

COLLECTION = load("collection")
# Keys of an item that are not fields of its page, or that differ by language.
NOT_SHARED = {"coverage", "title", "description", "subjects", "image", "motif", "photo", "alt"}
PICTURE_SIZE = (1600, 1200)


def build(loader, home):
    subjects = build_subjects(loader)
    districts = build_districts()
    index = loader.ensure_page(home, CollectionIndexPage, *index_fields(COLLECTION["index"]), show_in_menus=True)
    for item in COLLECTION["items"]:
        slug = item["identifier"].lower()
        if index.get_children().filter(slug=slug).exists():
            continue
        image = item_image(loader, item)
        shared = {key: value for key, value in item.items() if key not in NOT_SHARED}
        page = CollectionItemPage(
            locale=loader.id,
            slug=slug,
            coverage=districts[item["coverage"]],
            images=image_blocks(loader, image, "id"),
            publisher=COLLECTION["publisher"],
            rights=COLLECTION["rights"],
            **shared,
            **words(item, "id", ("title", "description")),
        )
        page.subjects = [subjects[key] for key in item["subjects"]]
        page = loader.add_page(index, page)
        english = words(item, "en", ("title", "description"))
        loader.translate(page, {**english, "slug": slug, "images": image_blocks(loader, image, "en")})
    loader.log(f"Collection items: {len(COLLECTION['items'])} ready")


def build_subjects(loader):
    """Indonesian subjects by key."""
    found = {}
    for key, spec in COLLECTION["subjects"].items():
        fields_id, fields_en = (words(spec, language, ("name", "slug")) for language in LANGUAGES)
        found[key], _english = loader.ensure_snippet(Subject, {"slug": fields_id["slug"]}, fields_id, fields_en)
    return found


def build_districts():
    """Districts by name, each with its regency as the data gives it."""
    return {
        spec["name"]: District.objects.get_or_create(name=spec["name"], defaults={"regency": spec["regency"]})[0]
        for spec in COLLECTION["districts"]
    }


def image_blocks(loader, image, language):
    return [{"type": "image", "value": loader.image_value(image, language)}]


def item_image(loader, item):
    """One of the shared demo pictures, a batik motif drawing, or an album-style photo."""
    if "image" in item:
        return loader.images[item["image"]]
    title = item["title"]["id"]
    image = get_image_model().objects.filter(title=title).first()
    if image is not None:
        # A picture of the same title (the news's kawung motif) serves, its description as alt text.
        image.alt = dict.fromkeys(LANGUAGES, image.description)
        return image
    if "motif" in item:
        number = item["motif"]
        palette = COLLECTION["palettes"][number]
        draw = images.kawung if number % 2 == 0 else images.parang
        alt = palette["alt"]

        def drawing():
            return draw(PICTURE_SIZE, ground=palette["ground"], motif=palette["motif"])

    else:
        number, alt = item["photo"], item["alt"]

        def drawing():
            return images.photo(number, variant=len(title), size=PICTURE_SIZE)

    return loader.ensure_image(title, alt, f"koleksi-{len(title)}-{number}.jpg", drawing)
