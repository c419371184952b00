"""Demo albums of the library's events, with photos drawn by Pillow and captions in both languages."""

from datetime import date

from django.conf import settings
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from gallery.models import GalleryIndexPage, GalleryPage, GalleryPhoto
from portal.demo import images

INDEX = (
    {
        "title": "Galeri",
        "slug": "galeri",
        "introduction": "Foto-foto kegiatan perpustakaan: pertemuan, pelatihan, kunjungan dan perpustakaan desa.",
    },
    {
        "title": "Gallery",
        "slug": "gallery",
        "introduction": "Photos of the library's life: meetings, courses, visits and village libraries.",
    },
)

# What each kind of drawing shows, for its alt text.
SCENES = {
    "group": ("Ilustrasi: peserta berfoto bersama dalam dua baris", "Illustration: participants posing in two rows"),
    "meeting": (
        "Ilustrasi: peserta duduk di meja panjang di bawah spanduk",
        "Illustration: participants seated at a long table under a banner",
    ),
    "handover": (
        "Ilustrasi: dua orang di panggung menyerahkan piagam di depan hadirin",
        "Illustration: two people on a stage handing over a certificate in front of an audience",
    ),
    "building": (
        "Ilustrasi: gedung perpustakaan dua lantai beratap merah",
        "Illustration: the two-storey library building with a red roof",
    ),
    "shelves": ("Ilustrasi: rak buku penuh koleksi", "Illustration: shelves full of books"),
    "computers": (
        "Ilustrasi: ruang komputer dengan deretan meja",
        "Illustration: a computer room with rows of desks",
    ),
    "village": (
        "Ilustrasi: rumah-rumah desa dengan layar komputer di satu jendela",
        "Illustration: village houses with a computer screen in one window",
    ),
}

# Albums: shared facts, words in both languages, photos as (drawing, caption id, caption en).
ALBUMS = [
    {
        "date": date(2015, 2, 8),
        "place": "Desa Artodung, Pamekasan",
        "related": "lokakarya-perpustakaan-desa-artodung",
        "id": {
            "title": "Lokakarya perpustakaan desa di Artodung",
            "slug": "lokakarya-artodung",
            "description": "Warga, camat, BPD dan PKK bersama merancang Perpustakaan Dharma Bakti, lalu menyerahkan "
            "komitmen desa secara simbolis.",
        },
        "en": {
            "title": "Village library workshop in Artodung",
            "slug": "artodung-workshop",
            "description": "Villagers, the district head, the village council and the PKK planned the Dharma "
            "Bakti library together, then handed over the village's commitment.",
        },
        "photos": [
            ("meeting", "Peserta lokakarya di balai desa.", "Workshop participants in the village hall."),
            ("handover", "Penyerahan komitmen desa secara simbolis.", "The village's commitment handed over."),
            ("group", "Foto bersama seusai lokakarya.", "Group photo after the workshop."),
            (
                "village",
                "Desa Artodung, rumah Perpustakaan Dharma Bakti.",
                "Artodung, home of the Dharma Bakti library.",
            ),
        ],
    },
    {
        "date": date(2014, 12, 29),
        "place": "Aula lantai 2, Perpustakaan Umum Pamekasan",
        "related": "lima-desa-percontohan",
        "download": True,
        "id": {
            "title": "Peer learning meeting perpustakaan desa",
            "slug": "peer-learning-perpustakaan-desa",
            "description": "Wakil Bupati, kepala kantor perpustakaan dan para kepala desa penerima program "
            "perpustakaan desa berbasis teknologi informasi.",
        },
        "en": {
            "title": "Village library peer learning meeting",
            "slug": "village-library-peer-learning",
            "description": "The Deputy Regent, the head of the library office and the heads of the villages in the "
            "ICT-based village library programme.",
        },
        "photos": [
            ("group", "Foto bersama di aula lantai 2.", "Group photo in the first-floor hall."),
            ("handover", "Penyerahan bantuan komputer untuk lima desa.", "Computers handed over to five villages."),
            ("meeting", "Kepala desa berbagi rencana perpustakaannya.", "Village heads share their library plans."),
            ("computers", "Komputer yang akan dibawa ke desa.", "Computers on their way to the villages."),
            ("village", "Perpustakaan desa yang kini terhubung internet.", "A village library now online."),
        ],
    },
    {
        "date": date(2014, 11, 18),
        "place": "Perpustakaan Umum Pamekasan",
        "id": {
            "title": "Kunjungan delegasi Bill & Melinda Gates Foundation",
            "slug": "kunjungan-delegasi-gates-foundation",
            "description": "Jeremy Paley bersama rombongan CCFI dan PerpuSeru melihat koleksi muatan lokal Madura "
            "dan bertemu pimpinan daerah.",
        },
        "en": {
            "title": "Visit of the Bill & Melinda Gates Foundation delegation",
            "slug": "gates-foundation-delegation-visit",
            "description": "Jeremy Paley with the CCFI and PerpuSeru team saw the Madura local-content collection "
            "and met the regency's leaders.",
        },
        "photos": [
            ("shelves", "Melihat koleksi muatan lokal Madura.", "Looking at the Madura local-content collection."),
            ("group", "Bersama Sekretaris Daerah Pamekasan.", "With the Regional Secretary of Pamekasan."),
            ("meeting", "Berbincang dengan Ketua DPRD Pamekasan.", "Talking with the head of the regency council."),
            (
                "handover",
                "Kepala kantor perpustakaan dan Direktur PerpuSeru.",
                "The head of the library office and the director of PerpuSeru.",
            ),
        ],
    },
    {
        "date": date(2014, 8, 26),
        "place": "Yogyakarta",
        "related": "perpustakaan-paling-inovatif",
        "id": {
            "title": "Peer learning meeting di Yogyakarta",
            "slug": "peer-learning-yogyakarta",
            "description": "Pertemuan belajar bersama perpustakaan mitra PerpuSeru dan penyerahan piagam "
            "penghargaan perpustakaan penyimpang positif.",
        },
        "en": {
            "title": "Peer learning meeting in Yogyakarta",
            "slug": "peer-learning-yogyakarta",
            "description": "A meeting where PerpuSeru partner libraries learned from each other, and an award for "
            "positive-deviance libraries.",
        },
        "photos": [
            ("meeting", "Sesi berbagi pengalaman antarperpustakaan.", "Libraries sharing their experience."),
            ("handover", "Penyerahan piagam penghargaan.", "The award certificate handed over."),
            ("group", "Foto bersama peserta dari berbagai daerah.", "Participants from many regions."),
        ],
    },
    {
        "date": date(2014, 5, 20),
        "place": "Pamekasan",
        "id": {
            "title": "Road show perpustakaan dan Bunda Baca 2014",
            "slug": "road-show-bunda-baca",
            "description": "Ibu Bupati Pamekasan, Ani Syafii, dinobatkan sebagai Bunda Baca 2014 oleh Kepala "
            "Perpustakaan Nasional.",
        },
        "en": {
            "title": "Library road show and Reading Mother 2014",
            "slug": "road-show-reading-mother",
            "description": "The Regent's wife, Ani Syafii, was named Reading Mother (Bunda Baca) 2014 by the head of "
            "the National Library.",
        },
        "photos": [
            ("handover", "Penobatan Bunda Baca 2014.", "Reading Mother 2014 is named."),
            ("group", "Warga menyambut road show perpustakaan.", "People welcome the library road show."),
            ("shelves", "Buku-buku yang dibawa berkeliling.", "Books taken on the road."),
            ("meeting", "Membaca bersama anak-anak.", "Reading with children."),
        ],
    },
    {
        "date": date(2013, 5, 14),
        "place": "Perpustakaan Umum Pamekasan",
        "id": {
            "title": "Pelatihan advokasi dan mobilisasi sosial",
            "slug": "pelatihan-advokasi",
            "description": "Tim PerpuSeru Pamekasan belajar menggalang dukungan warga untuk perpustakaan.",
        },
        "en": {
            "title": "Advocacy and social mobilisation course",
            "slug": "advocacy-course",
            "description": "The PerpuSeru team of Pamekasan learned how to rally community support for the library.",
        },
        "photos": [
            ("group", "Tim PerpuSeru Pamekasan.", "The PerpuSeru team of Pamekasan."),
            ("meeting", "Menyusun rencana kerja advokasi.", "Drafting the advocacy work plan."),
            ("computers", "Praktik di ruang komputer.", "Practice in the computer room."),
        ],
    },
    {
        "date": date(2015, 1, 15),
        "place": "Jl. Jokotole No. 55, Pamekasan",
        "download": True,
        "id": {
            "title": "Gedung Perpustakaan Umum Kabupaten Pamekasan",
            "slug": "gedung-perpustakaan",
            "description": "Gedung dua lantai di atas lahan sekitar 600 meter persegi, dari depan, samping dan dalam.",
        },
        "en": {
            "title": "The Pamekasan Regency Public Library building",
            "slug": "library-building",
            "description": "The two-storey building on a plot of about 600 square metres, from the front, the side "
            "and inside.",
        },
        "photos": [
            ("building", "Tampak depan gedung.", "The front of the building."),
            ("building", "Tampak samping gedung.", "The side of the building."),
            ("shelves", "Ruang baca umum.", "The general reading room."),
            ("computers", "Pojok internet.", "The internet corner."),
        ],
    },
]


def build(builder, home, news_pages):
    index = builder.ensure_page(home, GalleryIndexPage, *INDEX, show_in_menus=True)
    for album in ALBUMS:
        photos = [_photo_image(builder, album, position) for position in range(len(album["photos"]))]
        related = news_pages.get(album.get("related"))
        page = index.get_children().filter(slug=album["id"]["slug"]).first()
        if page is None:
            page = GalleryPage(
                locale=builder.id,
                date=album["date"],
                place=album["place"],
                allow_download=album.get("download", False),
                related_pages=[{"type": "page", "value": related.pk}] if related else [],
                **album["id"],
            )
            for position, (image, (kind, caption, _english)) in enumerate(zip(photos, album["photos"], strict=True)):
                page.photos.add(
                    GalleryPhoto(image=image, alt_text=SCENES[kind][0], caption=caption, sort_order=position)
                )
            page = index.add_child(instance=page)
            page.save_revision().publish()
            builder.log(f"Album {album['id']['title']} (id): created")
        _translate(builder, page.specific, album)


def _translate(builder, page, album):
    if page.get_translation_or_none(builder.en) is not None:
        return
    translation = builder.english_copy(page)
    for field, value in album["en"].items():
        setattr(translation, field, value)
    photos = list(translation.photos.all())
    for photo, (kind, _caption, caption) in zip(photos, album["photos"], strict=True):
        photo.alt_text, photo.caption = SCENES[kind][1], caption
    translation.photos = photos
    translation.save_revision().publish()
    builder.log(f"Album {album['en']['title']} (en): created")


def _photo_image(builder, album, position):
    """The album's photo at `position`, drawn and saved the first time."""
    Image = get_image_model()
    title = f"{album['id']['title']} ({position + 1})"
    image = Image.objects.filter(title=title).first()
    if image is None:
        kind = album["photos"][position][0]
        picture = images.photo(kind, variant=position + len(album["id"]["slug"]), size=settings.DEMO_PHOTO_SIZE)
        name = f"{album['id']['slug']}-{position + 1}.jpg"
        image = Image(title=title, description=SCENES[kind][0])
        image.file = ImageFile(images.named_bytes(images.to_jpeg(picture), name), name=name)
        image.save()
    return image
