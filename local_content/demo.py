"""Demo items of the Madura local-content collection, from the library's own documents and events."""

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from local_content.models import CollectionIndexPage, CollectionItemPage, District, Subject
from portal.demo import images

INDEX = (
    {
        "title": "Koleksi Madura",
        "slug": "koleksi-madura",
        "introduction": "Koleksi muatan lokal: motif batik Pamekasan, terbitan lokal, foto kegiatan, sejarah lisan "
        "berbahasa Madura dan perpustakaan desa. Metadata Dublin Core, terbuka untuk dipanen lewat OAI-PMH.",
    },
    {
        "title": "Madura collection",
        "slug": "madura-collection",
        "introduction": "Local content: Pamekasan batik motifs, local publications, photos of events, Madurese oral "
        "histories and the village libraries. Dublin Core metadata, open to harvesting over OAI-PMH.",
    },
)

SUBJECTS = {
    "batik": ("Batik", "batik", "Batik", "batik"),
    "village": ("Perpustakaan desa", "perpustakaan-desa", "Village libraries", "village-libraries"),
    "oral": ("Sejarah lisan", "sejarah-lisan", "Oral history", "oral-history"),
    "publication": ("Terbitan lokal", "terbitan-lokal", "Local publications", "local-publications"),
    "events": ("Kegiatan perpustakaan", "kegiatan-perpustakaan", "Library events", "library-events"),
    "madurese": ("Bahasa Madura", "bahasa-madura", "Madurese language", "madurese-language"),
    "economy": ("Ekonomi kreatif", "ekonomi-kreatif", "Creative economy", "creative-economy"),
}

LIBRARY = "Perpustakaan Umum Kabupaten Pamekasan"
RIGHTS = "Hak cipta pada pemiliknya; boleh dipakai untuk pendidikan dengan menyebut sumber."
MOTIFS = ["Kawung", "Parang", "Sekar Jagad", "Truntum", "Ceplok", "Lereng", "Tumpal", "Gringsing"]
# (ground, motif) colours with their names in Indonesian and English, for the alt text.
PALETTES = [
    ("#7a1f1f", "#c48a2c", "oker di atas merah tua", "ochre on deep red"),
    ("#1f2a55", "#c48a2c", "oker di atas nila", "ochre on indigo"),
    ("#2f6b3a", "#f6ead2", "krem di atas hijau", "cream on green"),
    ("#5b3a1a", "#c48a2c", "oker di atas cokelat", "ochre on brown"),
    ("#7a1f1f", "#fbf7f0", "putih di atas merah tua", "white on deep red"),
    ("#1f2a55", "#fbf7f0", "putih di atas nila", "white on indigo"),
    ("#8a5a12", "#1d1b19", "hitam di atas cokelat muda", "black on light brown"),
    ("#3d4a80", "#f6ead2", "krem di atas biru", "cream on blue"),
]


def items():
    """(shared fields, Indonesian words, English words, subject keys, image key or motif index)."""
    found = []
    for n, motif in enumerate(MOTIFS):
        found.append(
            (
                {
                    "dc_type": "StillImage",
                    "date_text": "2013-09-05",
                    "identifier": f"KM-BTK-{n + 1:03d}",
                    "format": "image/jpeg",
                    "language": "id",
                    "coverage": "Pamekasan",
                    "creators": "Tim Perpustakaan",
                    "publisher": LIBRARY,
                    "rights": RIGHTS,
                    "source": "Pasar 17 Agustus, Pamekasan",
                },
                {
                    "title": f"Motif batik {motif.lower()}",
                    "description": f"Dokumentasi motif {motif.lower()} pada batik "
                    "yang dijual di Pasar 17 Agustus, pusat perdagangan batik Pamekasan, "
                    "pada hari pasaran Kamis dan Minggu.",
                },
                {
                    "title": f"{motif} batik motif",
                    "description": f"A record of the {motif.lower()} motif on batik sold at "
                    "the 17 Agustus market, Pamekasan's batik trading centre, on its Thursday and Sunday market days.",
                },
                ["batik", "economy"],
                ("motif", n),
            )
        )
    publications = [
        (
            "Laporan kunjungan pelajar MA Nasrul Ulum Bagandan",
            "Report on the visit of MA Nasrul Ulum Bagandan students",
            "2015-02-28",
            "65 siswa kelas 10-12 mengenal layanan perpustakaan dan menulis ringkasan bacaan.",
            "65 pupils of years 10-12 learned about the library's services and wrote summaries.",
            ["publication", "events"],
        ),
        (
            "Laporan lokakarya strategi perpustakaan desa Artodung",
            "Report of the Artodung village library workshop",
            "2015-02-08",
            "Lokakarya 50 warga Desa Artodung bersama camat, BPD dan PKK.",
            "A workshop of 50 Artodung villagers with the district head, village council and PKK.",
            ["publication", "village"],
        ),
        (
            "Kebangkitan orang-orang yang amat menyenangkan",
            "The awakening of very pleasant people",
            "2014-12-11",
            "Catatan Madinatul M. (Didin) tentang peserta pelatihan yang kini rutin ke perpustakaan.",
            "A note by Madinatul M. (Didin) on course participants who now visit the library regularly.",
            ["publication"],
        ),
        (
            "Perpustakaan kembangkan desa berbasis internet",
            "Library develops internet-based villages",
            "2014-12-29",
            "Kliping berita tentang lima desa percontohan perpustakaan desa berbasis TI.",
            "A news clipping about the five pilot villages of ICT-based village libraries.",
            ["publication", "village"],
        ),
        (
            "Laporan pertemuan perajin batik dan produsen tepung kanji",
            "Report of the meeting of batik makers and a starch producer",
            "2013-09-05",
            "Hasil wawancara dengan perajin dan pedagang batik di Pasar 17 Agustus.",
            "Findings of interviews with batik makers and traders at the 17 Agustus market.",
            ["publication", "batik", "economy"],
        ),
        (
            "Materi seminar Digital Marketing untuk perajin batik",
            "Digital Marketing seminar handouts for batik makers",
            "2013-06-15",
            "Cara murah dan mudah memasarkan batik secara daring; seminar untuk 200 peserta.",
            "Cheap and easy ways to sell batik online; a seminar for 200 participants.",
            ["publication", "batik", "economy"],
        ),
        (
            "Undang-Undang Nomor 43 Tahun 2007 tentang Perpustakaan",
            "Law No. 43 of 2007 on Libraries",
            "2007",
            "Salinan undang-undang yang menjadi dasar program perpustakaan berbasis TIK.",
            "A copy of the law behind the ICT-based library programmes.",
            ["publication"],
        ),
        (
            "Profil Perpustakaan Umum Kabupaten Pamekasan",
            "Profile of Pamekasan Regency Public Library",
            "2015",
            "Gedung dua lantai di Jl. Jokotole No. 55 di atas lahan sekitar 600 meter persegi.",
            "A two-storey building at Jl. Jokotole No. 55 on a plot of about 600 square metres.",
            ["publication"],
        ),
    ]
    for n, (title_id, title_en, day, text_id, text_en, subjects) in enumerate(publications):
        found.append(
            (
                {
                    "dc_type": "Text",
                    "date_text": day,
                    "identifier": f"KM-TRB-{n + 1:03d}",
                    "format": "application/pdf",
                    "language": "id",
                    "coverage": "Pamekasan",
                    "publisher": LIBRARY,
                    "rights": RIGHTS,
                },
                {"title": title_id, "description": text_id},
                {"title": title_en, "description": text_en},
                subjects,
                "shelves",
            )
        )
    photos = [
        (
            "Foto bersama peer learning meeting perpustakaan desa",
            "Group photo of the village library peer learning meeting",
            "2014-12-29",
            "group",
        ),
        ("Penyerahan komputer untuk lima desa", "Computers handed over to five villages", "2014-12-29", "handover"),
        (
            "Kunjungan delegasi Bill & Melinda Gates Foundation",
            "Visit of the Bill & Melinda Gates Foundation delegation",
            "2014-11-18",
            "group",
        ),
        (
            "Pelatihan komputer dan internet di aula lantai 2",
            "Computer and internet course in the first-floor hall",
            "2014-11-10",
            "computers",
        ),
        ("Tim PerpuSeru Pamekasan", "The PerpuSeru team of Pamekasan", "2013-05-14", "group"),
        (
            "Gedung Perpustakaan Umum Pamekasan tampak samping",
            "Side view of the Pamekasan Public Library building",
            "2015-01-15",
            "building",
        ),
        ("Road show perpustakaan", "Library road show", "2014-05-20", "meeting"),
        (
            "Seminar Digital Marketing di perpustakaan",
            "Digital Marketing seminar at the library",
            "2013-06-15",
            "meeting",
        ),
    ]
    for n, (title_id, title_en, day, kind) in enumerate(photos):
        found.append(
            (
                {
                    "dc_type": "StillImage",
                    "date_text": day,
                    "identifier": f"KM-FTO-{n + 1:03d}",
                    "format": "image/jpeg",
                    "language": "id",
                    "coverage": "Pamekasan",
                    "creators": "Tim Perpustakaan",
                    "publisher": LIBRARY,
                    "rights": RIGHTS,
                },
                {"title": title_id, "description": f"Foto dokumentasi kegiatan: {title_id.lower()}."},
                {"title": title_en, "description": f"A photo from the library's records: {title_en.lower()}."},
                ["events"],
                ("photo", kind),
            )
        )
    oral = [
        (
            "Cerita Ibu Sulha belajar komputer",
            "Ibu Sulha on learning computers",
            "2014-11-13",
            "Pakong",
            "Ibu Sulha dari Desa Bajang bercerita dalam bahasa Madura tentang belajar komputer di usia empat puluhan.",
            "Ibu Sulha of Bajang village tells in Madurese how she learned computers in her forties.",
        ),
        (
            "Pedagang batik Pasar 17 Agustus tentang tepung kanji",
            "Batik traders of the 17 Agustus market on starch",
            "2013-09-05",
            "Pamekasan",
            "Wawancara berbahasa Madura dengan pedagang batik tentang bahan baku membatik.",
            "Interviews in Madurese with batik traders about the raw materials of batik making.",
        ),
        (
            "Warga Artodung tentang perpustakaan desanya",
            "Artodung villagers on their village library",
            "2015-02-08",
            "Pamekasan",
            "Rekaman suara warga seusai lokakarya perpustakaan desa, dalam bahasa Madura.",
            "Voices of villagers after the village library workshop, in Madurese.",
        ),
    ]
    for n, (title_id, title_en, day, district, text_id, text_en) in enumerate(oral):
        found.append(
            (
                {
                    "dc_type": "Sound",
                    "date_text": day,
                    "identifier": f"KM-LSN-{n + 1:03d}",
                    "format": "audio/mpeg",
                    "language": "mad",
                    "coverage": district,
                    "contributors": "Tim Perpustakaan",
                    "publisher": LIBRARY,
                    "rights": RIGHTS,
                },
                {"title": title_id, "description": text_id},
                {"title": title_en, "description": text_en},
                ["oral", "madurese"],
                "students",
            )
        )
    villages = [
        ("Poto'an Dajah", "Palengaan"),
        ("Pagendingan", "Galis"),
        ("Modung", "Galis"),
        ("Bunder", "Pademawu"),
        ("Bajang", "Pakong"),
    ]
    for n, (village, district) in enumerate(villages):
        found.append(
            (
                {
                    "dc_type": "Collection",
                    "date_text": "2014-12-29",
                    "identifier": f"KM-DSA-{n + 1:03d}",
                    "format": "3 komputer, koleksi buku",
                    "language": "id",
                    "coverage": district,
                    "publisher": LIBRARY,
                    "relation": "Program perpustakaan desa berbasis teknologi informasi",
                    "rights": RIGHTS,
                },
                {
                    "title": f"Koleksi Perpustakaan Desa {village}",
                    "description": f"Koleksi buku dan tiga komputer "
                    f"berinternet di Desa {village}, Kecamatan {district}, salah satu dari lima desa percontohan.",
                },
                {
                    "title": f"{village} village library collection",
                    "description": f"Books and three internet-connected "
                    f"computers in {village} village, {district} district, one of the five pilot villages.",
                },
                ["village"],
                "village",
            )
        )
    return found


def build(builder, home):
    subjects = build_subjects(builder)
    index = builder.ensure_page(home, CollectionIndexPage, *INDEX, show_in_menus=True)
    for shared, words_id, words_en, subject_keys, picture in items():
        slug = shared["identifier"].lower()
        if index.get_children().filter(slug=slug).exists():
            continue
        image = item_image(builder, picture, words_id["title"], shared["dc_type"])
        coverage, _ = District.objects.get_or_create(name=shared.pop("coverage"), defaults={"regency": "Pamekasan"})
        page = CollectionItemPage(
            locale=builder.id, slug=slug, coverage=coverage, images=image_blocks(image, "id"), **shared, **words_id
        )
        page.subjects = [subjects[key] for key in subject_keys]
        page = index.add_child(instance=page)
        page.save_revision().publish()
        builder.translate(page, {**words_en, "slug": slug, "images": image_blocks(image, "en")})
    builder.log(f"Collection items: {len(items())} ready")


def image_blocks(image, lang):
    if image is None:
        return []
    return [{"type": "image", "value": {"image": image.pk, "alt_text": image.alt[lang], "decorative": False}}]


def build_subjects(builder):
    found = {}
    for key, (name_id, slug_id, name_en, slug_en) in SUBJECTS.items():
        fields_id, fields_en = {"name": name_id, "slug": slug_id}, {"name": name_en, "slug": slug_en}
        found[key], _english = builder.ensure_snippet(Subject, {"slug": slug_id}, fields_id, fields_en)
    return found


def item_image(builder, picture, title, dc_type):
    """A motif drawing, an album-style photo, or one of the shared demo pictures."""
    if isinstance(picture, str):
        return builder.images[picture]
    kind, value = picture
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        if kind == "motif":
            ground, motif, colours_id, colours_en = PALETTES[value]
            draw = images.kawung if value % 2 == 0 else images.parang
            drawing = draw((1600, 1200), ground=ground, motif=motif)
            alt = {"id": f"Ilustrasi motif batik, {colours_id}", "en": f"Illustration of a batik motif, {colours_en}"}
        else:
            drawing = images.photo(value, variant=len(title), size=(1600, 1200))
            alt = {"id": f"Ilustrasi foto: {title.lower()}", "en": f"Illustrated photo: {title.lower()}"}
        name = f"koleksi-{len(title)}-{value}.jpg"
        image = Image(title=title, description=alt["id"])
        image.file = ImageFile(images.named_bytes(images.to_jpeg(drawing), name), name=name)
        image.save()
        image.alt = alt
    else:
        image.alt = {"id": image.description, "en": image.description}
    return image
