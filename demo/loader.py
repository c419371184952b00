"""Builds the demo site in both languages from the data files in demo/data/. Idempotent: what
exists already is left as it is, so running it again never duplicates a page nor overwrites an
editor's changes."""

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Locale

from editorial.translation import translated_copy

from . import collection, gallery, images, library, news, programmes, signups, visits
from .datafiles import load


class DemoLoader:
    def __init__(self, log):
        self.log = log
        self.id = Locale.objects.get(language_code="id")
        self.en = Locale.objects.get(language_code="en")
        self.images = {}

    def build(self):
        self.build_images(load("images")["images"])
        profile = library.build_profile(self)
        home, home_created = library.build_home(self)
        pages = library.build_menu_pages(self, home)
        news_pages = news.build(self, home)
        gallery.build(self, home, news_pages)
        programmes.build(self, home, news_pages)
        collection.build(self, home)
        library.build_contact(self, home)
        if home_created:
            library.fill_home(self, home, pages)
        library.build_settings(self, home, profile)
        library.build_holidays(self, pages["visit"])
        visits.build(self)
        signups.build(self)

    # Images ---------------------------------------------------------------------------

    def build_images(self, specs):
        for key, spec in specs.items():
            self.images[key] = self.ensure_image(
                spec["title"], spec["alt"], f"demo-{key}.jpg", lambda spec=spec: getattr(images, spec["draw"])()
            )
        self.log(f"Images: {len(specs)} ready")

    def ensure_image(self, title, alt, name, draw):
        """The image with this title, saved from `draw()` the first time, with its `alt` by language."""
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, description=alt["id"])
            image.file = ImageFile(images.named_bytes(images.to_jpeg(draw()), name), name=name)
            image.save()
            self.log(f"  image created: {title}")
        image.alt = alt
        return image

    @staticmethod
    def image_value(image, language):
        """An image block's value: the image and its alt text in `language`."""
        return {"image": image.pk, "alt_text": image.alt[language], "decorative": False}

    # Snippets and pages ----------------------------------------------------------------

    def ensure_snippet(self, model, lookup, fields_id, fields_en):
        """The Indonesian snippet matching `lookup` (created with `fields_id` if missing) and its
        English translation (created with `fields_en` if missing), as a pair."""
        snippet = model.objects.filter(locale=self.id, **lookup).first()
        if snippet is None:
            snippet = model.objects.create(locale=self.id, **fields_id)
            self.log(f"{model._meta.verbose_name} (id): {snippet} created")
        translation = snippet.get_translation_or_none(self.en)
        if translation is None:
            translation = translated_copy(snippet, self.en, fields_en)
            translation.save()
        return snippet, translation

    def ensure_page(self, parent, page_class, fields_id, fields_en, tags=(), **shared):
        """The Indonesian page with this slug under `parent`, created if missing, and its English
        translation. `shared` fields are the same in both languages."""
        page = parent.get_children().filter(slug=fields_id["slug"]).specific().first()
        if page is None:
            page = page_class(locale=self.id, **shared, **fields_id)
            for tag in tags:
                page.tags.add(tag)
            page = self.add_page(parent, page)
        self.translate(page, fields_en)
        return page

    def add_page(self, parent, page):
        page = parent.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"Page {page.title} (id): created")
        return page

    def translate(self, page, fields, change=None):
        """Creates the English translation of a page with the given fields, unless it exists;
        `change(translation)` may adjust its copied parts (form fields, photos) before it is published."""
        if page.get_translation_or_none(self.en) is not None:
            return
        translation = translated_copy(page, self.en, fields)
        if change:
            change(translation)
        translation.save_revision().publish()
        self.log(f"Page {translation.title} (en): created")

    def paragraphs(self, texts):
        """A body of paragraphs, each text in its <p>."""
        return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]

    def body(self, blocks, language):
        """A StreamField body in the raw form from the blocks of a data file."""
        return [self._block(block, language) for block in blocks]

    def _block(self, block, language):
        kind = block["type"]
        if kind == "heading":
            return {"type": kind, "value": {"text": block["text"][language], "level": "h2"}}
        if kind == "paragraph":
            return {"type": kind, "value": block["text"][language]}
        if kind == "image":
            value = {
                "image": self.image_value(self.images[block["image"]], language),
                "caption": block["caption"][language],
            }
            return {"type": kind, "value": {**value, "credit": ""}}
        if kind == "quote":
            return {
                "type": kind,
                "value": {"quote": block["quote"][language], "attribution": block["attribution"][language]},
            }
        if kind == "table":
            value = {"data": block["rows"][language], "first_row_is_table_header": True, "first_col_is_header": False}
            return {"type": kind, "value": {**value, "table_caption": ""}}
        raise ValueError(f"Unknown demo block: {kind}")
