"""Grows the demo site to a number of news pages, collection items and images, for benchmarks.

The numbers are totals: only what is missing is added, so running it again adds nothing. Pages
go straight into Wagtail's tree in bulk (materialised paths computed here, one multi-row insert
for the page rows, one insert per type-specific row), without revisions or signals; then the
search index gets the new objects in bulk. Adding them one by one with add_child() and a revision
takes 50-100 ms a page, too slow for tens of thousands."""

import hashlib
import random
import time
from datetime import timedelta
from io import BytesIO

from PIL import Image as PillowImage
from PIL import ImageDraw

from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import slugify

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail.search.backends import get_search_backend

from local_content.models import CollectionIndexPage, CollectionItemPage, District, Subject, first_year
from news.models import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from portal.generation import purge
from search import words as search_words

from .collection import COLLECTION

BATCH = 1000
YEARS = 8
IMAGE_SIZE = (320, 240)
IMAGE_PREFIX = "grown-"

EVENTS = ["Lomba", "Pelatihan", "Lokakarya", "Pameran", "Kunjungan", "Diskusi", "Festival", "Kelas", "Pekan", "Gerakan"]
TOPICS = [
    "membaca buku cerita",
    "literasi digital",
    "batik tulis Pamekasan",
    "dongeng anak",
    "sejarah Madura",
    "perpustakaan desa",
    "pojok baca",
    "bahasa Madura",
    "menulis resensi buku",
    "komputer dan internet",
    "koleksi buku baru",
    "literasi keluarga",
]
AUDIENCES = ["anak-anak", "pelajar", "remaja", "ibu rumah tangga", "guru", "perajin batik", "warga desa", "santri"]
PLACES = [
    "Desa Bunder",
    "Desa Bajang",
    "Desa Modung",
    "Desa Pagendingan",
    "Desa Poto'an Dajah",
    "Kecamatan Galis",
    "Kecamatan Pakong",
    "Kecamatan Palengaan",
    "kota Pamekasan",
    "Pasar 17 Agustus",
    "balai desa",
    "aula perpustakaan",
]
SENTENCES = [
    "Perpustakaan Umum Kabupaten Pamekasan mengajak {audience} untuk {topic} bersama.",
    "Kegiatan di {place} ini terbuka untuk semua warga Madura tanpa biaya.",
    "Para peserta membawa pulang buku pinjaman dan semangat membaca yang baru.",
    "Pustakawan mendampingi {audience} memilih bacaan yang sesuai dengan minat mereka.",
    "Menurut panitia, minat baca anak di desa terus tumbuh dari tahun ke tahun.",
    "Kegiatan ditutup dengan pameran kecil tentang {topic} di {place}.",
    "Warga berharap kegiatan literasi seperti ini diadakan lebih sering di {place}.",
    "Buku-buku tentang batik dan sejarah Madura menjadi bacaan yang paling dicari.",
]
AUTHORS = ["Tim Humas", "Tim Perpustakaan", "Pustakawan Desa", ""]

# dc_type: (weight, words that begin a title, format)
ITEM_KINDS = {
    "Text": (5, ["Buku", "Laporan", "Kliping", "Naskah", "Majalah"], "application/pdf"),
    "StillImage": (4, ["Foto", "Poster", "Gambar motif"], "image/jpeg"),
    "Sound": (2, ["Rekaman", "Sejarah lisan"], "audio/mpeg"),
    "MovingImage": (1, ["Video", "Film dokumenter"], "video/mp4"),
    "Collection": (1, ["Koleksi", "Arsip"], "koleksi buku"),
    "PhysicalObject": (1, ["Kain batik", "Alat musik"], "benda"),
}
LANGUAGE_WEIGHTS = {"id": 6, "mad": 3, "jv": 1, "ar": 1, "nl": 1}
CREATORS = ["Tim Perpustakaan", "Moh. Hasan", "Siti Aminah", "Abdul Rahman", "Nur Hasanah", "Sanggar Batik Pamekasan"]

# Colours with their Indonesian names, for the pictures and their alt text.
COLOURS = [
    ("#7a1f1f", "merah tua"),
    ("#1f2a55", "nila"),
    ("#c48a2c", "oker"),
    ("#2f6b3a", "hijau"),
    ("#5b3a1a", "cokelat"),
    ("#f6ead2", "krem"),
    ("#3d4a80", "biru"),
    ("#1d1b19", "hitam"),
    ("#fbf7f0", "putih"),
]
SHAPES = ["lingkaran", "persegi", "segitiga"]


def grow(news=0, items=0, images=0, log=print):
    """Adds what is missing for the site to have `news` Indonesian news pages, `items` Indonesian
    collection items and `images` images in all."""
    started = time.monotonic()
    locale = Locale.objects.get(language_code="id")
    news_index = NewsIndexPage.objects.filter(locale=locale).first()
    collection = CollectionIndexPage.objects.filter(locale=locale).first()
    if news_index is None or collection is None:
        raise CommandError("No Indonesian news or collection index: run load_demo_content first.")
    with transaction.atomic():
        grow_images(images, log)
        pictures = list(get_image_model().objects.filter(file__startswith=f"original_images/{IMAGE_PREFIX}"))
        grow_news(news_index, news, pictures, log)
        grow_items(collection, items, pictures, log)
    # Bulk inserts send no signals: the cached pages must go by hand, and the search's list of
    # words be made again. Both databases plan with statistics of the tables, which PostgreSQL's
    # autovacuum would only bring up to date later, and SQLite never by itself.
    purge()
    if search_words.available():
        search_words.update_all()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"Done in {time.monotonic() - started:.1f} s.")


def batches(total, size=BATCH):
    for start in range(0, total, size):
        yield start, min(size, total - start)


# Images ----------------------------------------------------------------------------------


def grow_images(total, log):
    Image = get_image_model()
    existing = Image.objects.count()
    missing = total - existing
    if missing <= 0:
        log(f"Images: {existing} already")
        return
    rng = random.Random(f"images-{existing}")
    collection = Collection.get_first_root_node()
    first = Image.objects.filter(file__startswith=f"original_images/{IMAGE_PREFIX}").count() + 1
    backend = get_search_backend()
    for start, size in batches(missing):
        batch = [new_image(Image, rng, collection, first + start + n) for n in range(size)]
        batch = Image.objects.bulk_create(batch)
        backend.add_bulk(Image, batch)
        log(f"  images: {start + size}/{missing}")
    log(f"Images: {missing} added")


def new_image(Image, rng, collection, number):
    data, alt = picture(rng)
    image = Image(
        title=f"Ilustrasi {rng.choice(TOPICS)} {number}",
        description=alt,
        collection=collection,
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.file.save(f"{IMAGE_PREFIX}{number:05d}.jpg", ContentFile(data), save=False)
    # Saving the file clears the dimensions, which Django would otherwise read back from storage.
    image.width, image.height = IMAGE_SIZE
    return image


def picture(rng):
    """A small JPEG of a few coloured shapes on a plain ground, and its description."""
    (ground, ground_name), *colours = rng.sample(COLOURS, 4)
    image = PillowImage.new("RGB", IMAGE_SIZE, ground)
    draw = ImageDraw.Draw(image)
    described = []
    for colour, name in colours:
        shape = rng.choice(SHAPES)
        x, y, r = rng.randrange(IMAGE_SIZE[0]), rng.randrange(IMAGE_SIZE[1]), rng.randrange(20, 90)
        if shape == "lingkaran":
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        elif shape == "persegi":
            draw.rectangle((x - r, y - r, x + r, y + r), fill=colour)
        else:
            draw.polygon(((x, y - r), (x + r, y + r), (x - r, y + r)), fill=colour)
        described.append(f"{shape} {name}")
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue(), f"Ilustrasi {', '.join(described)} di atas latar {ground_name}"


# Pages -----------------------------------------------------------------------------------


def path_step(number):
    """A step of a treebeard materialised path: the number in base 36, left-padded to steplen."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def add_children(parent, pages):
    """Inserts new live pages of one type as the last children of `parent`. Django's bulk_create
    refuses multi-table models, so the wagtailcore_page rows go in bulk and each page's own row
    after them (save_base with raw=True writes only that table)."""
    depth = parent.depth + 1
    last = Page.objects.filter(path__startswith=parent.path, depth=depth).aggregate(Max("path"))["path__max"]
    next_step = int(last[-Page.steplen :], 36) + 1 if last else 1
    for number, page in enumerate(pages, start=next_step):
        page.path, page.depth, page.numchild = parent.path + path_step(number), depth, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.last_published_at = page.latest_revision_created_at = page.first_published_at
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create([Page(**{name: getattr(page, name) for name in page_fields}) for page in pages])
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    get_search_backend().add_bulk(type(pages[0]), pages)


class Slugs:
    """Unique slugs among a page's children: the title's words and a number."""

    def __init__(self, parent):
        self.taken = set(parent.get_children().values_list("slug", flat=True))

    def __call__(self, title, number):
        base = f"{slugify(title)[:60].rstrip('-')}-{number}"
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        return slug


def published_at(rng):
    """A moment in the last YEARS years."""
    return timezone.now() - timedelta(seconds=rng.randrange(YEARS * 365 * 24 * 3600))


def words(rng):
    return {"audience": rng.choice(AUDIENCES), "topic": rng.choice(TOPICS), "place": rng.choice(PLACES)}


def sentences(rng, count, **known):
    return " ".join(rng.choice(SENTENCES).format(**{**words(rng), **known}) for _n in range(count))


def shortfall(model, index, total, name, log):
    """How many pages of the model the index has, and how many more it needs to reach total."""
    existing = model.objects.child_of(index).count()
    if existing >= total:
        log(f"{name}: {existing} already")
    return existing, max(total - existing, 0)


def grow_news(index, total, pictures, log):
    existing, missing = shortfall(NewsPage, index, total, "News", log)
    if not missing:
        return
    rng = random.Random(f"news-{existing}")
    categories = list(NewsCategory.objects.filter(locale_id=index.locale_id))
    tags = list(Tag.objects.filter(pk__in=NewsPageTag.objects.values("tag_id")))
    slugs = Slugs(index)
    for start, size in batches(missing):
        pages, tagged = [], []
        for number in range(existing + start + 1, existing + start + size + 1):
            page = news_page(rng, index, slugs, number, categories, pictures)
            pages.append(page)
            tagged += [(page, tag) for tag in rng.sample(tags, min(len(tags), rng.randrange(4)))]
        add_children(index, pages)
        NewsPageTag.objects.bulk_create(NewsPageTag(content_object_id=page.pk, tag=tag) for page, tag in tagged)
        log(f"  news: {start + size}/{missing}")
    log(f"News: {missing} added")


def news_page(rng, index, slugs, number, categories, pictures):
    found = words(rng)
    title = f"{rng.choice(EVENTS)} {found['topic']} untuk {found['audience']} di {found['place']}"
    moment = published_at(rng)
    image = rng.choice(pictures) if pictures and rng.random() < 0.6 else None
    return NewsPage(
        title=title,
        slug=slugs(title, number),
        locale_id=index.locale_id,
        first_published_at=moment,
        date=timezone.localdate(moment),
        summary=sentences(rng, 2, **found),
        author=rng.choice(AUTHORS),
        category=rng.choice(categories) if categories else None,
        lead_image=image,
        lead_image_alt=image.description if image else "",
        body=[{"type": "paragraph", "value": f"<p>{sentences(rng, 3)}</p>"} for _n in range(rng.randint(2, 4))],
    )


def grow_items(index, total, pictures, log):
    existing, missing = shortfall(CollectionItemPage, index, total, "Collection items", log)
    if not missing:
        return
    rng = random.Random(f"items-{existing}")
    subjects = list(Subject.objects.filter(locale_id=index.locale_id))
    districts = list(District.objects.all())
    slugs = Slugs(index)
    through = CollectionItemPage.subjects.through
    for start, size in batches(missing):
        pages, links = [], []
        for number in range(existing + start + 1, existing + start + size + 1):
            page = item_page(rng, index, slugs, number, districts, pictures)
            pages.append(page)
            links += [(page, subject) for subject in rng.sample(subjects, min(len(subjects), rng.randint(1, 3)))]
        add_children(index, pages)
        through.objects.bulk_create(through(collectionitempage_id=page.pk, subject=subject) for page, subject in links)
        log(f"  collection items: {start + size}/{missing}")
    log(f"Collection items: {missing} added")


def item_page(rng, index, slugs, number, districts, pictures):
    dc_type = rng.choices(list(ITEM_KINDS), weights=[kind[0] for kind in ITEM_KINDS.values()])[0]
    _weight, starts, file_format = ITEM_KINDS[dc_type]
    found = words(rng)
    district = rng.choice(districts) if districts else None
    title = f"{rng.choice(starts)} {found['topic']} di {found['place']}"
    date_text = free_date(rng)
    image = rng.choice(pictures) if pictures and dc_type == "StillImage" else None
    return CollectionItemPage(
        title=title,
        slug=slugs(title, number),
        locale_id=index.locale_id,
        first_published_at=published_at(rng),
        description=sentences(rng, 2, **found),
        creators="\n".join(rng.sample(CREATORS, rng.randint(1, 2))),
        publisher=COLLECTION["publisher"],
        date_text=date_text,
        year=first_year(date_text),
        dc_type=dc_type,
        format=file_format,
        identifier=f"KM-GRW-{number:05d}",
        language=rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0],
        coverage=district,
        rights=COLLECTION["rights"],
        images=[{"type": "image", "value": {"image": image.pk, "alt_text": image.description, "decorative": False}}]
        if image
        else [],
    )


def free_date(rng):
    """A date as catalogues write them: a day, a year, a range or an approximate decade."""
    year = max(1850, timezone.now().year - int(rng.expovariate(1 / 30)))
    form = rng.randrange(4)
    if form == 0:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if form == 1:
        return str(year)
    if form == 2:
        return f"{year - rng.randint(1, 10)}-{year}"
    return f"c. {year // 10 * 10}"
