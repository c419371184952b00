"""The demo loader builds the same site, word for word, as the snapshot in site_snapshot.json:
pages and snippets counted per type and language, every page's words as a digest per type and
language, and the words of a few pages of each type in full so that a difference reads plainly.
Dates that follow the day the demo is built, and database ids, are left out.

After a deliberate change of the demo's words, write the snapshot again with
`SNAPSHOT_WRITE=1 .venv/bin/python -m pytest -q -p no:cacheprovider tests/demo/test_same_site.py`
and review its diff."""

import hashlib
import json
import os
from pathlib import Path

import pytest

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import TranslationSource

from local_content.models import District
from portal.models import OpeningPeriod

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).with_name("site_snapshot.json")
# Pages whose words the snapshot holds in full, in both languages (by Indonesian slug).
SHOWN = [
    "beranda",
    "tentang-kami",
    "kunjungi",
    "kontak",
    "berita",
    "warga-desa-menaklukkan-komputer",
    "pelatihan-komputer-dasar",
    "lokakarya-artodung",
    "perpuseru",
    "bajang",
    "km-btk-001",
    "km-trb-001",
]
PAGE_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus", "url_path"}
SKIPPED = (models.AutoField, models.ForeignKey, models.DateField, models.UUIDField, models.FileField)


def words(instance, own_fields=None):
    """The instance's words and plain facts, by field name."""
    found = {}
    for field in instance._meta.concrete_fields:
        if isinstance(field, SKIPPED) or (own_fields is not None and field.name not in own_fields):
            continue
        value = getattr(instance, field.attname)
        if isinstance(field, StreamField):
            found[field.name] = strings(json.loads(json.dumps(value.get_prep_value(), cls=DjangoJSONEncoder)))
        else:
            found[field.name] = value
    return found


def strings(value, key=None):
    """The words and figures of a StreamField's data: block ids and database ids left out."""
    if isinstance(value, dict):  # by key: PostgreSQL's jsonb keeps keys in its own order
        return [text for name, item in sorted(value.items()) if name != "id" for text in strings(item, name)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return [value] if isinstance(value, str) or key == "year" else []


def page_words(page):
    own = {field.name for field in page._meta.concrete_fields if field.model is not Page} | PAGE_FIELDS
    facts = words(page, own)
    relations = {relation.get_accessor_name() for relation in page._meta.related_objects}
    for relation in sorted(relations & {"form_fields", "photos"}):
        facts[relation] = [words(item) for item in getattr(page, relation).all()]
    if hasattr(page, "subjects"):
        facts["subjects"] = sorted(subject.name for subject in page.subjects.all())
    if getattr(page, "coverage_id", None):
        facts["coverage"] = [page.coverage.name, page.coverage.regency]
    return json.loads(json.dumps(facts, default=str))


def label(obj):
    return f"{obj._meta.label} {obj.locale.language_code}"


def site_facts():
    pages, digests, shown = {}, {}, {}
    originals = set(Page.objects.filter(slug__in=SHOWN, locale__language_code="id").values_list("translation_key"))
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        pages[label(page)] = pages.get(label(page), 0) + 1
        facts = page_words(page)
        digest = digests.setdefault(label(page), hashlib.sha256())
        digest.update(json.dumps(facts, sort_keys=True).encode())
        if (page.translation_key,) in originals:
            shown[f"{page.url_path} ({page.locale.language_code})"] = facts
    snippets = {}
    for model in apps.get_models():
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
            for obj in model.objects.order_by("pk"):
                snippets.setdefault(label(obj), []).append(json.loads(json.dumps(words(obj), default=str)))
    images = get_image_model().objects.order_by("title", "pk")
    return {
        "pages": dict(sorted(pages.items())),
        "snippets": {key: len(value) for key, value in sorted(snippets.items())},
        # English made through wagtail-localize, as the admin's "Translate" makes it.
        "translation_sources": sorted(TranslationSource.objects.values_list("specific_content_type__model", flat=True)),
        "images": [[image.title, image.description] for image in images],
        "districts": sorted([district.name, district.regency] for district in District.objects.all()),
        "opening_hours": [[str(p.weekday), str(p.opens), str(p.closes)] for p in OpeningPeriod.objects.all()],
        "page_digests": {key: digest.hexdigest() for key, digest in sorted(digests.items())},
        "shown_pages": shown,
        "snippet_words": dict(sorted(snippets.items())),
    }


@pytest.fixture(scope="module")
def facts(demo_module, django_db_blocker):
    with django_db_blocker.unblock():
        return site_facts()


def test_the_demo_builds_the_same_site(facts):
    if os.environ.get("SNAPSHOT_WRITE"):
        SNAPSHOT.write_text(json.dumps(facts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for part in expected:
        assert facts[part] == expected[part], part
