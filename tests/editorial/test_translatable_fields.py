"""Each translatable model declares what a translator translates (TranslatableField) and what stays
the same in every language (SynchronizedField), and wagtail-localize sends translators the words only."""

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from django.db import models

from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail.fields import RichTextField
from wagtail.models import COMMENTS_RELATION_NAME, Page, TranslatableMixin
from wagtail.rich_text import RichText
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from local_content.models import Subject
from tests.editorial.panels import editor_fields, translatable_models
from tests.factories import (
    CollectionIndexPageFactory,
    CollectionItemPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.portal.images import sample_image

MODELS = translatable_models()
# Scheduling is set per language's page; wagtail-localize leaves it out too.
PER_PAGE = {"go_live_at", "expire_at"}
# Values of these kinds are the same in every language.
NOT_LANGUAGE = (
    models.DateField,  # and DateTimeField
    models.TimeField,
    models.DecimalField,
    models.IntegerField,
    models.BooleanField,
    models.URLField,
    models.EmailField,
    models.ManyToManyField,
    TaggableManager,
)

# Text fields holding names, dates, codes or numbers as catalogued: not words to translate.
NOT_WORDS = {
    "local_content.CollectionItemPage": {"creators", "contributors", "publisher", "date_text", "identifier"},
    "programmes.VillageLibraryPage": {"village", "district", "contact"},
}


def label(model):
    return model.__name__


def declared(model):
    return {field.field_name: field for field in model.translatable_fields}


@pytest.mark.parametrize("model", MODELS, ids=label)
def test_every_field_an_editor_sees_is_declared(model):
    assert hasattr(model, "translatable_fields"), "left to wagtail-localize's guess"
    assert len(declared(model)) == len(model.translatable_fields), "a field is declared twice"
    for name in declared(model):
        model._meta.get_field(name)  # no typo
    shown = {field.name for owner, field in editor_fields(model, inline=False) if owner is model} - PER_PAGE
    children = {rel.name for rel in get_all_child_relations(model) if rel.name != COMMENTS_RELATION_NAME}
    assert shown | children <= set(declared(model))


@pytest.mark.parametrize("model", MODELS, ids=label)
def test_what_is_not_language_is_synchronised(model):
    for name, kind in declared(model).items():
        field = model._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            # A snippet's translation replaces it; pages are looked up in the visitor's language.
            linked = issubclass(field.related_model, TranslatableMixin) and not issubclass(field.related_model, Page)
            assert isinstance(kind, TranslatableField if linked else SynchronizedField), name
        elif (
            isinstance(field, NOT_LANGUAGE)
            or getattr(field, "choices", None)
            or name in NOT_WORDS.get(model._meta.label, ())
        ):
            assert isinstance(kind, SynchronizedField), name
        elif isinstance(field, RichTextField):
            assert isinstance(kind, TranslatableField), name


def sample(field):
    """A value for `field` that can be found again in the segments, or None to leave it out."""
    if getattr(field, "choices", None):
        return field.choices[0][0]
    if isinstance(field, models.URLField):
        return f"https://example.org/{field.name}/"
    if isinstance(field, models.EmailField):
        return "info@perpustakaan.example"
    if isinstance(field, RichTextField):
        return f"<p>Kata {field.name}</p>"
    if isinstance(field, models.CharField | models.TextField):
        return f"Kata {field.name}"
    if isinstance(field, models.DateTimeField):
        return datetime(1985, 7, 14, 9, 30, tzinfo=UTC)
    if isinstance(field, models.DateField):
        return date(1985, 7, 14)
    if isinstance(field, models.TimeField):
        return time(9, 30)
    if isinstance(field, models.DecimalField):
        return Decimal("-7.158900")
    if isinstance(field, models.IntegerField):
        return 4321
    if isinstance(field, models.BooleanField):
        return True
    return None  # relations and StreamFields: see the tests below


def words(instance):
    """The text wagtail-localize gives translators for `instance`."""
    return "\n".join(s.render_text() for s in extract_segments(instance) if isinstance(s, StringSegmentValue))


@pytest.mark.parametrize("model", MODELS, ids=label)
def test_translators_get_the_words_and_none_of_the_values(db, model):
    fields = {name: model._meta.get_field(name) for name in declared(model)}
    values = {name: sample(field) for name, field in fields.items() if sample(field) is not None}
    # A required image (an album's photo) must be there for the photo to be read.
    values |= {
        name: sample_image()
        for name, field in fields.items()
        if isinstance(field, models.ForeignKey) and not field.null
    }
    text = words(model(**values))
    for name, value in values.items():
        shown = f"Kata {name}" if isinstance(fields[name], RichTextField) else str(value)
        if isinstance(declared(model)[name], TranslatableField) and not getattr(fields[name], "choices", None):
            assert shown in text, name
        else:
            assert shown not in text, name


def test_news_text_goes_to_translators_and_its_links_stay(news_index):
    linked = StandardPageFactory(parent=news_index.get_parent(), title="Tentang kami")
    page = NewsPageFactory(
        parent=news_index,
        title="Lomba bercerita",
        date=date(2015, 2, 28),
        body=[("paragraph", RichText("<p>Anak-anak bercerita tentang Madura.</p>"))],
        related_pages=[("page", linked)],
    )
    segments = extract_segments(page)
    text = words(page)
    assert "Lomba bercerita" in text and "Anak-anak bercerita tentang Madura." in text
    assert "2015" not in text
    assert not [s for s in segments if isinstance(s, OverridableSegmentValue) and s.path.startswith("related_pages")]


def test_a_translation_follows_its_sources_catalogue_values(home, locale_en):
    index = CollectionIndexPageFactory(parent=home)
    batik = Subject.objects.create(locale=home.locale, name="Batik", slug="batik")
    oral = Subject.objects.create(locale=home.locale, name="Sejarah lisan", slug="sejarah-lisan")
    item = CollectionItemPageFactory(parent=index, identifier="KM-1", date_text="1985", creators="Ibu Sulha")
    item.subjects = [batik]
    item.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(item)
    source.create_or_update_translation(locale_en, copy_parent_pages=True, fallback=True)

    item.identifier, item.date_text, item.subjects = "KM-2", "c. 1900", [batik, oral]
    item.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(locale_en, fallback=True)

    english = item.get_translation(locale_en).specific
    assert (english.identifier, english.date_text, english.year, english.creators) == (
        "KM-2",
        "c. 1900",
        1900,
        "Ibu Sulha",
    )
    assert {subject.slug for subject in english.subjects.all()} == {"batik", "sejarah-lisan"}
