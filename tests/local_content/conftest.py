import pytest

from wagtail.models import Locale

from local_content.models import CollectionIndexPage, CollectionItemPage, District, Subject
from tests.factories import translate


def english_locale():
    return Locale.objects.get(language_code="en")


def make_collection(home):
    index = home.add_child(instance=CollectionIndexPage(title="Koleksi Madura", slug="koleksi-madura"))
    index.save_revision().publish()
    translate(index, english_locale(), title="Madura collection", slug="madura-collection")
    return index


@pytest.fixture
def collection(home):
    return make_collection(home)


def make_subjects():
    locale_id, locale_en = Locale.objects.get(language_code="id"), english_locale()
    found = {}
    for slug_id, name_id, slug_en, name_en in [
        ("batik", "Batik", "batik", "Batik"),
        ("sejarah-lisan", "Sejarah lisan", "oral-history", "Oral history"),
    ]:
        subject = Subject.objects.create(locale=locale_id, name=name_id, slug=slug_id)
        english = subject.copy_for_translation(locale_en)
        english.name, english.slug = name_en, slug_en
        english.save()
        found[slug_id] = subject
    return found


@pytest.fixture
def subjects(db):
    return make_subjects()


def add_item(collection, locale_en=None, subjects=(), english=None, **fields):
    fields.setdefault("slug", (fields.get("identifier") or fields["title"]).lower().replace(" ", "-"))
    item = CollectionItemPage(**fields)
    item.subjects = list(subjects)
    item = collection.add_child(instance=item)
    item.save_revision().publish()
    if locale_en and english:
        translate(item, locale_en, **english)
    return item


def make_items(collection, subjects):
    """Three items of two types and two subjects, two of them translated."""
    locale_en = english_locale()
    pakong = District.objects.create(name="Pakong")
    return [
        add_item(
            collection,
            locale_en,
            [subjects["batik"]],
            {"title": "Kawung batik motif", "description": "A motif."},
            title="Motif batik kawung",
            description="Motif kawung di Pasar 17 Agustus.",
            dc_type="StillImage",
            date_text="2013-09-05",
            identifier="KM-BTK-001",
            language="id",
            creators="Tim Perpustakaan",
            publisher="Perpustakaan Umum",
            rights="CC BY",
        ),
        add_item(
            collection,
            locale_en,
            [subjects["sejarah-lisan"]],
            {"title": "Ibu Sulha's story"},
            title="Cerita Ibu Sulha",
            description="Belajar komputer.",
            dc_type="Sound",
            date_text="c. 1998",
            language="mad",
            coverage=pakong,
            identifier="KM-LSN-001",
        ),
        add_item(
            collection,
            locale_en,
            [subjects["batik"], subjects["sejarah-lisan"]],
            {"title": "Batik traders"},
            title="Pedagang batik",
            description="Wawancara.",
            dc_type="Sound",
            date_text="1980-1990",
            language="mad",
            coverage=pakong,
        ),
    ]


@pytest.fixture
def items(collection, subjects):
    return make_items(collection, subjects)
