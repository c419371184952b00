"""Imports collection items from a CSV file, with images by file name from a folder.

Every row is checked first; if any row is bad, the command lists each problem with its line number
and saves nothing. A good file is imported in one transaction."""

import csv
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail_localize.synctree import create_aliases_for_new_page

from local_content.models import CollectionIndexPage, CollectionItemPage, District, Subject
from local_content.vocabularies import DC_TYPES, LANGUAGES

REQUIRED = ["title"]
COLUMNS = [
    "title",
    "creators",
    "subjects",
    "description",
    "publisher",
    "contributors",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
    "image",
    "image_alt",
]
IMAGE_TYPES = {".jpg", ".jpeg", ".png", ".webp"}


class Command(BaseCommand):
    help = "Import collection items from a CSV file (UTF-8, header row). Nothing is saved if a row is bad."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument("--images", type=Path, help="Folder holding the files named in the 'image' column.")
        parser.add_argument("--collection", type=int, help="Page id of the collection (default: the first one).")

    def handle(self, csv_file, images=None, collection=None, **options):
        csv_file, images = Path(csv_file), Path(images) if images else None
        parent = self.collection(collection)
        try:
            with csv_file.open(newline="", encoding="utf-8-sig") as handle:
                reader = csv.DictReader(handle)
                unknown = set(reader.fieldnames or []) - set(COLUMNS)
                if not reader.fieldnames or "title" not in reader.fieldnames or unknown:
                    raise CommandError(
                        f"Line 1: the header must name 'title' and only these columns: {', '.join(COLUMNS)}"
                        + (f" (unknown: {', '.join(sorted(unknown))})" if unknown else "")
                    )
                rows = [(reader.line_num, row) for row in reader]
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"Cannot read {csv_file}: {error}") from error

        problems, items = [], []
        for line, row in rows:
            item, errors = self.check(row, images, parent)
            problems += [f"Line {line}: {error}" for error in errors]
            items.append((line, row, item))
        if problems:
            raise CommandError("Nothing was imported.\n" + "\n".join(problems))

        with transaction.atomic():
            for number, (_line, row, item) in enumerate(items, start=1):
                self.save(parent, row, item, images)
                self.stdout.write(f"[{number}/{len(items)}] {item.title}")
        self.stdout.write(self.style.SUCCESS(f"Imported {len(items)} items into {parent.title}."))

    def collection(self, pk):
        pages = CollectionIndexPage.objects.all()
        parent = pages.filter(pk=pk).first() if pk else pages.order_by("path").first()
        if parent is None:
            raise CommandError("No collection page found; create one or give --collection <page id>.")
        return parent

    def check(self, row, images, parent):
        errors = []
        values = {key: (value or "").strip() for key, value in row.items() if key}
        if not values.get("title"):
            errors.append("the title is empty")
        dc_type = values.get("type") or "Text"
        if dc_type not in dict(DC_TYPES):
            errors.append(f"type '{dc_type}' is not one of {', '.join(dict(DC_TYPES))}")
        language = values.get("language") or "id"
        if language not in dict(LANGUAGES):
            errors.append(f"language '{language}' is not one of {', '.join(dict(LANGUAGES))}")
        image_name = values.get("image")
        if image_name:
            path = (images / image_name) if images else None
            if path is None or not path.is_file():
                errors.append(f"image '{image_name}' is not in the images folder")
            elif path.suffix.lower() not in IMAGE_TYPES:
                errors.append(f"image '{image_name}' is not a JPEG, PNG or WebP file")
            elif not values.get("image_alt"):
                errors.append(f"image '{image_name}' needs a description in the 'image_alt' column")
        item = CollectionItemPage(
            title=values.get("title", ""),
            slug=slugify(values.get("identifier") or values.get("title", ""))[:80] or "item",
            locale=parent.locale,
            creators="\n".join(part.strip() for part in values.get("creators", "").split(";") if part.strip()),
            contributors="\n".join(part.strip() for part in values.get("contributors", "").split(";") if part.strip()),
            description=values.get("description", ""),
            publisher=values.get("publisher", ""),
            date_text=values.get("date", ""),
            dc_type=dc_type,
            format=values.get("format", ""),
            identifier=values.get("identifier", ""),
            source=values.get("source", ""),
            language=language,
            relation=values.get("relation", ""),
            rights=values.get("rights", ""),
        )
        if not errors:
            try:
                item.clean_fields(exclude=["path", "depth", "url_path", "slug", "translation_key", "locale"])
            except ValidationError as error:
                errors += [f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
        return item, errors

    def save(self, parent, row, item, images):
        slug, n = item.slug, 1
        while parent.get_children().filter(slug=item.slug).exists():
            n += 1
            item.slug = f"{slug}-{n}"
        coverage = (row.get("coverage") or "").strip()
        if coverage:
            item.coverage, _ = District.objects.get_or_create(name=coverage)
        image_name = (row.get("image") or "").strip()
        if image_name:
            with (images / image_name).open("rb") as handle:
                image = get_image_model()(title=item.title, description=row["image_alt"].strip())
                image.file = ImageFile(handle, name=image_name)
                image.save()
            item.images = [
                {"type": "image", "value": {"image": image.pk, "alt_text": image.description, "decorative": False}}
            ]
        names = [part.strip() for part in (row.get("subjects") or "").split(";") if part.strip()]
        item.subjects = [
            Subject.objects.get_or_create(locale=parent.locale, slug=slugify(name), defaults={"name": name})[0]
            for name in names
        ]
        parent.add_child(instance=item)
        item.save_revision().publish()
        # Its English twin at once, an alias until translated, as for a page made in the admin.
        create_aliases_for_new_page(item)
