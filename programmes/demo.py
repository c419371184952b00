"""Demo programmes, partners and village libraries, with figures taken only from the library's reports."""

from datetime import date
from decimal import Decimal

from programmes.models import Partner, ProgrammeIndexPage, ProgrammePage, VillageLibraryIndexPage, VillageLibraryPage

INDEX = (
    {
        "title": "Program",
        "slug": "program",
        "introduction": "Program perpustakaan bersama mitra dan penyandang dana: tujuan, jangkauan dan hasilnya.",
    },
    {
        "title": "Programmes",
        "slug": "programmes",
        "introduction": "The library's programmes with its partners and funders: their goals, reach and results.",
    },
)

VILLAGE_INDEX = (
    {
        "title": "Perpustakaan Desa",
        "slug": "perpustakaan-desa",
        "introduction": "Lima desa percontohan perpustakaan desa berbasis teknologi informasi di Pamekasan.",
    },
    {
        "title": "Village libraries",
        "slug": "village-libraries",
        "introduction": "The five pilot villages of Pamekasan's internet-connected village libraries.",
    },
)

PARTNERS = {
    "ccfi": (
        "funder",
        "",
        "Coca-Cola Foundation Indonesia",
        "Menjalankan program PerpuSeru di Indonesia.",
        "Runs the PerpuSeru programme in Indonesia.",
    ),
    "gates": (
        "funder",
        "",
        "Bill & Melinda Gates Foundation",
        "Mendukung program Global Libraries.",
        "Supports the Global Libraries programme.",
    ),
    "perpusnas": (
        "government",
        "",
        "Perpustakaan Nasional RI",
        "Pembina perpustakaan di Indonesia.",
        "Indonesia's National Library.",
    ),
    "pemkab": (
        "government",
        "",
        "Pemerintah Kabupaten Pamekasan",
        "Pemerintah daerah tempat perpustakaan bernaung.",
        "The regency government the library belongs to.",
    ),
    "bni": (
        "partner",
        "",
        "Bank BNI",
        "Membuka peluang permodalan bagi perajin batik.",
        "Offered access to credit for batik makers.",
    ),
    "bpr": (
        "partner",
        "",
        "BPR Jatim",
        "Membuka peluang permodalan bagi perajin batik.",
        "Offered access to credit for batik makers.",
    ),
    "rosebrand": (
        "sponsor",
        "",
        "Rose Brand (PT Sungai Budi)",
        "Produsen tepung kanji yang mendukung seminar batik.",
        "Starch producer that supported the batik seminar.",
    ),
}


def figure(label, value, unit="", year=None, source=""):
    return {
        "type": "figure",
        "value": {"label": label, "value": Decimal(value), "unit": unit, "year": year, "source": source},
    }


def chart(title, description, unit, points, kind="bar"):
    return {
        "type": "chart",
        "value": {
            "title": title,
            "description": description,
            "kind": kind,
            "unit": unit,
            "points": [{"label": label, "value": Decimal(value)} for label, value in points],
        },
    }


def milestone(day, title, text="", page=None):
    return {"type": "milestone", "value": {"date": day, "title": title, "text": text, "page": page}}


def items(kind, values):
    return [{"type": kind, "value": value} for value in values]


def programmes(news):
    """Programme words in both languages; `news` maps Indonesian news slugs to pages for milestones."""
    link = {slug: page.pk for slug, page in news.items()}
    return [
        {
            "start": date(2011, 10, 17),
            "end": None,
            "image": "shelves",
            "partners": ["ccfi", "gates", "perpusnas", "pemkab"],
            "id": {
                "title": "PerpuSeru: perpustakaan sebagai pusat belajar masyarakat",
                "slug": "perpuseru",
                "summary": "Program Coca-Cola Foundation Indonesia dan Bill & Melinda Gates Foundation yang mengubah "
                "perpustakaan umum menjadi pusat belajar berbasis teknologi informasi.",
                "goals": [
                    "Menjadikan perpustakaan umum pusat belajar dan berkegiatan masyarakat berbasis TIK.",
                    "Membekali pustakawan agar layanan meningkatkan kualitas hidup warga.",
                ],
                "groups": ["Perempuan", "Pemuda dan remaja", "Wirausaha dan pengusaha mikro"],
                "places": ["Kabupaten Pamekasan", "34 perpustakaan di 16 provinsi"],
                "figures": [
                    figure("perpustakaan mitra di Indonesia", "34", "", 2014, "Coca-Cola Foundation Indonesia"),
                    figure("provinsi", "16", "", 2014, "Coca-Cola Foundation Indonesia"),
                    figure(
                        "perpustakaan kabupaten/kota dalam Global Libraries", "40", "", 2011, "Perpustakaan Nasional"
                    ),
                    figure("kapasitas internet perpustakaan", "60", "Mb", 2014, "Perpustakaan Umum Pamekasan"),
                ],
                "charts": [
                    chart(
                        "Kapasitas internet perpustakaan",
                        "Kapasitas internet naik dari 1 Mb menjadi 60 Mb.",
                        "Mb",
                        [("Semula", "1"), ("2014", "60")],
                    )
                ],
                "milestones": [
                    milestone(
                        date(2011, 10, 17),
                        "Peluncuran di Jakarta",
                        "Program Global Libraries untuk 40 perpustakaan kabupaten/kota diluncurkan.",
                        link.get("terpilih-global-libraries"),
                    ),
                    milestone(
                        date(2013, 6, 15),
                        "Seminar pemasaran digital",
                        "200 perajin dan pengusaha batik.",
                        link.get("seminar-pemasaran-digital-batik"),
                    ),
                    milestone(
                        date(2014, 8, 26),
                        "Penghargaan nasional",
                        "Perpustakaan paling inovatif.",
                        link.get("perpustakaan-paling-inovatif"),
                    ),
                    milestone(
                        date(2014, 12, 29),
                        "Lima desa percontohan",
                        "15 komputer untuk perpustakaan desa.",
                        link.get("lima-desa-percontohan"),
                    ),
                ],
                "body": [
                    "PerpuSeru adalah nama program Global Libraries di Indonesia. Pamekasan termasuk 40 "
                    "perpustakaan kabupaten/kota yang dipilih berdasarkan kriteria tertentu."
                ],
            },
            "en": {
                "title": "PerpuSeru: libraries as community learning centres",
                "slug": "perpuseru",
                "summary": "A programme of Coca-Cola Foundation Indonesia and the Bill & Melinda Gates Foundation that "
                "turns public libraries into learning centres built on information technology.",
                "goals": [
                    "Make the public library a place where the community learns and meets, with ICT.",
                    "Train librarians so that their services improve people's lives.",
                ],
                "groups": ["Women", "Young people", "Entrepreneurs and micro-businesses"],
                "places": ["Pamekasan Regency", "34 libraries in 16 provinces"],
                "figures": [
                    figure("partner libraries in Indonesia", "34", "", 2014, "Coca-Cola Foundation Indonesia"),
                    figure("provinces", "16", "", 2014, "Coca-Cola Foundation Indonesia"),
                    figure("regency and city libraries in Global Libraries", "40", "", 2011, "National Library"),
                    figure("library internet capacity", "60", "Mb", 2014, "Pamekasan Public Library"),
                ],
                "charts": [
                    chart(
                        "Library internet capacity",
                        "Internet capacity rose from 1 Mb to 60 Mb.",
                        "Mb",
                        [("Before", "1"), ("2014", "60")],
                    )
                ],
                "milestones": [
                    milestone(
                        date(2011, 10, 17),
                        "Launch in Jakarta",
                        "The Global Libraries programme for 40 regency and city libraries is launched.",
                        link.get("terpilih-global-libraries"),
                    ),
                    milestone(
                        date(2013, 6, 15),
                        "Digital marketing seminar",
                        "200 batik makers and traders.",
                        link.get("seminar-pemasaran-digital-batik"),
                    ),
                    milestone(
                        date(2014, 8, 26),
                        "National award",
                        "The most innovative library.",
                        link.get("perpustakaan-paling-inovatif"),
                    ),
                    milestone(
                        date(2014, 12, 29),
                        "Five pilot villages",
                        "15 computers for village libraries.",
                        link.get("lima-desa-percontohan"),
                    ),
                ],
                "body": [
                    "PerpuSeru is the name of the Global Libraries programme in Indonesia. Pamekasan is one of "
                    "the 40 regency and city libraries chosen against set criteria."
                ],
            },
        },
        {
            "start": date(2014, 11, 10),
            "end": None,
            "image": "village",
            "partners": ["ccfi", "pemkab"],
            "villages": True,
            "id": {
                "title": "Perpustakaan desa berbasis teknologi informasi",
                "slug": "perpustakaan-desa-berbasis-ti",
                "summary": "Lima desa percontohan mendapat komputer, internet dan pelatihan agar perpustakaan desa "
                "menumbuhkan budaya baca dan melek internet.",
                "goals": [
                    "Menumbuhkan budaya baca dan melek internet di desa.",
                    "Perpustakaan desa dikelola baik dan dimanfaatkan warga.",
                ],
                "groups": ["Perangkat desa", "Warga desa dari segala usia"],
                "places": [
                    "Poto'an Dajah (Palengaan)",
                    "Pagendingan (Galis)",
                    "Modung (Galis)",
                    "Bunder (Pademawu)",
                    "Bajang (Pakong)",
                ],
                "figures": [
                    figure("desa percontohan", "5", "", 2014),
                    figure("komputer diserahkan", "15", "unit", 2014),
                    figure("hari pelatihan komputer dan internet", "4", "", 2014),
                    figure("warga ikut lokakarya di Artodung", "50", "orang", 2015),
                ],
                "charts": [
                    chart(
                        "Komputer per desa percontohan",
                        "Setiap desa percontohan menerima tiga komputer.",
                        "unit",
                        [
                            ("Poto'an Dajah", "3"),
                            ("Pagendingan", "3"),
                            ("Modung", "3"),
                            ("Bunder", "3"),
                            ("Bajang", "3"),
                        ],
                    )
                ],
                "milestones": [
                    milestone(
                        date(2014, 11, 10),
                        "Pelatihan komputer dan internet",
                        "Empat hari untuk lima desa.",
                        link.get("warga-desa-menaklukkan-komputer"),
                    ),
                    milestone(
                        date(2014, 12, 29),
                        "Penyerahan 15 komputer",
                        "Oleh Wakil Bupati Pamekasan.",
                        link.get("lima-desa-percontohan"),
                    ),
                    milestone(
                        date(2015, 2, 8),
                        "Lokakarya di Desa Artodung",
                        "50 warga merancang perpustakaan desa.",
                        link.get("lokakarya-perpustakaan-desa-artodung"),
                    ),
                ],
                "body": [
                    "Desa-desa dipilih karena dukungan kuat kepala desanya. Bantuan ini merupakan apresiasi "
                    "PerpuSeru atas penghargaan nasional yang diraih perpustakaan."
                ],
            },
            "en": {
                "title": "Village libraries built on information technology",
                "slug": "ict-village-libraries",
                "summary": "Five pilot villages received computers, internet and training so that their libraries "
                "grow a reading and internet culture.",
                "goals": [
                    "Grow a reading and internet culture in the villages.",
                    "Village libraries that are well run and well used.",
                ],
                "groups": ["Village officials", "Villagers of all ages"],
                "places": [
                    "Poto'an Dajah (Palengaan)",
                    "Pagendingan (Galis)",
                    "Modung (Galis)",
                    "Bunder (Pademawu)",
                    "Bajang (Pakong)",
                ],
                "figures": [
                    figure("pilot villages", "5", "", 2014),
                    figure("computers handed over", "15", "", 2014),
                    figure("days of computer and internet training", "4", "", 2014),
                    figure("villagers at the Artodung workshop", "50", "people", 2015),
                ],
                "charts": [
                    chart(
                        "Computers per pilot village",
                        "Each pilot village received three computers.",
                        "",
                        [
                            ("Poto'an Dajah", "3"),
                            ("Pagendingan", "3"),
                            ("Modung", "3"),
                            ("Bunder", "3"),
                            ("Bajang", "3"),
                        ],
                    )
                ],
                "milestones": [
                    milestone(
                        date(2014, 11, 10),
                        "Computer and internet course",
                        "Four days for five villages.",
                        link.get("warga-desa-menaklukkan-komputer"),
                    ),
                    milestone(
                        date(2014, 12, 29),
                        "15 computers handed over",
                        "By the Deputy Regent of Pamekasan.",
                        link.get("lima-desa-percontohan"),
                    ),
                    milestone(
                        date(2015, 2, 8),
                        "Workshop in Artodung",
                        "50 villagers plan their village library.",
                        link.get("lokakarya-perpustakaan-desa-artodung"),
                    ),
                ],
                "body": [
                    "The villages were chosen for the strong support of their village heads. The help was "
                    "PerpuSeru's recognition of the library's national award."
                ],
            },
        },
        {
            "start": date(2013, 6, 15),
            "end": date(2013, 9, 5),
            "image": "batik",
            "partners": ["bni", "bpr", "rosebrand"],
            "id": {
                "title": "Pemasaran digital untuk perajin batik",
                "slug": "pemasaran-digital-batik",
                "summary": "Seminar dan pendampingan agar perajin dan pengusaha batik Pamekasan memasarkan batik "
                "secara daring dan mendapat bahan baku dengan harga terjangkau.",
                "goals": ["Memajukan pemasaran batik Pamekasan.", "Membuka lapangan kerja baru."],
                "groups": ["Perajin batik", "Pengusaha batik", "Mahasiswa"],
                "places": ["Perpustakaan Umum Pamekasan", "Pasar 17 Agustus, Pamekasan"],
                "figures": [
                    figure("peserta seminar", "200", "orang", 2013),
                    figure("kebutuhan tepung kanji sentra batik", "30", "ton/bulan", 2013),
                    figure("perajin diwawancarai", "10", "orang", 2013),
                ],
                "charts": [],
                "milestones": [
                    milestone(
                        date(2013, 6, 15),
                        "Seminar \u201cDigital Marketing\u201d",
                        "200 peserta.",
                        link.get("seminar-pemasaran-digital-batik"),
                    ),
                    milestone(
                        date(2013, 9, 5),
                        "Pertemuan di Pasar 17 Agustus",
                        "Perajin bertemu produsen tepung.",
                        link.get("perajin-batik-dan-tepung-kanji"),
                    ),
                ],
                "body": [
                    "Acara ini lahir dari rencana kerja pelatihan advokasi dan mobilisasi masyarakat program PerpuSeru."
                ],
            },
            "en": {
                "title": "Digital marketing for batik makers",
                "slug": "batik-digital-marketing",
                "summary": "A seminar and follow-up so that Pamekasan's batik makers and traders sell online and find "
                "raw materials at fair prices.",
                "goals": ["Help Pamekasan batik reach more buyers.", "Create new jobs."],
                "groups": ["Batik makers", "Batik traders", "University students"],
                "places": ["Pamekasan Public Library", "17 Agustus market, Pamekasan"],
                "figures": [
                    figure("seminar participants", "200", "people", 2013),
                    figure("starch needed by the batik centres", "30", "tonnes/month", 2013),
                    figure("batik makers interviewed", "10", "people", 2013),
                ],
                "charts": [],
                "milestones": [
                    milestone(
                        date(2013, 6, 15),
                        "\u201cDigital Marketing\u201d seminar",
                        "200 participants.",
                        link.get("seminar-pemasaran-digital-batik"),
                    ),
                    milestone(
                        date(2013, 9, 5),
                        "Meeting at the 17 Agustus market",
                        "Batik makers meet a starch producer.",
                        link.get("perajin-batik-dan-tepung-kanji"),
                    ),
                ],
                "body": [
                    "The event grew out of the work plan of PerpuSeru's advocacy and community mobilisation course."
                ],
            },
        },
        {
            "start": date(2013, 7, 1),
            "end": date(2014, 8, 26),
            "image": "award",
            "partners": ["ccfi", "pemkab"],
            "id": {
                "title": "Penghargaan perpustakaan",
                "slug": "penghargaan",
                "summary": "Penilaian nasional terhadap 34 nominator menobatkan Perpustakaan Umum Pamekasan sebagai "
                "perpustakaan paling inovatif, dengan tiga penghargaan sekaligus.",
                "goals": ["Membangun kesadaran pentingnya perpustakaan bagi warga.", "Membuka internet bagi semua."],
                "groups": ["Seluruh warga Pamekasan"],
                "places": ["Yogyakarta (penyerahan penghargaan)"],
                "figures": [
                    figure("nominator dinilai", "34", "", 2014),
                    figure("penghargaan diraih", "3", "", 2014),
                    figure("layanan internet tanpa kata sandi", "24", "jam", 2014),
                ],
                "charts": [
                    chart(
                        "Kapasitas internet",
                        "Kapasitas naik dari 1 Mb menjadi 60 Mb.",
                        "Mb",
                        [("Semula", "1"), ("2014", "60")],
                        kind="line",
                    )
                ],
                "milestones": [
                    milestone(date(2013, 7, 1), "Penilaian dimulai", "Penilaian berlangsung sampai April 2014."),
                    milestone(
                        date(2014, 8, 26),
                        "Penyerahan di Yogyakarta",
                        "Diterima Wakil Bupati Khalil Asy'ari.",
                        link.get("perpustakaan-paling-inovatif"),
                    ),
                ],
                "body": [
                    "Ibu Bupati Pamekasan, Ani Syafii, juga dinobatkan sebagai Bunda Baca 2014 oleh Kepala "
                    "Perpustakaan Nasional."
                ],
            },
            "en": {
                "title": "Library awards",
                "slug": "awards",
                "summary": "A national assessment of 34 nominees named Pamekasan Public Library the most innovative "
                "library, with three awards at once.",
                "goals": ["Build awareness of what a library means for people.", "Open the internet to everyone."],
                "groups": ["Everyone in Pamekasan"],
                "places": ["Yogyakarta (award ceremony)"],
                "figures": [
                    figure("nominees assessed", "34", "", 2014),
                    figure("awards won", "3", "", 2014),
                    figure("password-free internet service", "24", "hours", 2014),
                ],
                "charts": [
                    chart(
                        "Internet capacity",
                        "Capacity rose from 1 Mb to 60 Mb.",
                        "Mb",
                        [("Before", "1"), ("2014", "60")],
                        kind="line",
                    )
                ],
                "milestones": [
                    milestone(date(2013, 7, 1), "Assessment begins", "The assessment ran until April 2014."),
                    milestone(
                        date(2014, 8, 26),
                        "Ceremony in Yogyakarta",
                        "Received by Deputy Regent Khalil Asy'ari.",
                        link.get("perpustakaan-paling-inovatif"),
                    ),
                ],
                "body": [
                    "The Regent's wife, Ani Syafii, was also named Reading Mother (Bunda Baca) 2014 by the head of "
                    "the National Library."
                ],
            },
        },
    ]


# Five pilot villages. Coordinates are approximate (near each district centre); staff should refine them.
VILLAGES = [
    ("Poto'an Dajah", "Palengaan", "-7.085000", "113.420000", ("potoan-dajah", "potoan-dajah")),
    ("Pagendingan", "Galis", "-7.205000", "113.560000", ("pagendingan", "pagendingan")),
    ("Modung", "Galis", "-7.190000", "113.585000", ("modung", "modung")),
    ("Bunder", "Pademawu", "-7.215000", "113.515000", ("bunder", "bunder")),
    ("Bajang", "Pakong", "-7.045000", "113.560000", ("bajang", "bajang")),
]


def build(builder, home, news):
    partners = build_partners(builder)
    index = builder.ensure_page(home, ProgrammeIndexPage, *INDEX, show_in_menus=True)
    village_programme = None
    for item in programmes(news):
        fields = [programme_fields(builder, item, locale, partners) for locale in (builder.id, builder.en)]
        page = builder.ensure_page(
            index,
            ProgrammePage,
            *fields,
            period_start=item["start"],
            period_end=item["end"],
            lead_image=builder.images[item["image"]],
        )
        if item.get("villages"):
            village_programme = page
        milestone_news = [block["value"]["page"] for block in item["id"]["milestones"] if block["value"]["page"]]
        link_news_to(builder, page, [news_page for news_page in news.values() if news_page.pk in milestone_news])
    village_index = builder.ensure_page(index, VillageLibraryIndexPage, *VILLAGE_INDEX)
    for village, district, latitude, longitude, (slug_id, slug_en) in VILLAGES:
        shared = {
            "village": village,
            "district": district,
            "year_joined": 2014,
            "computers": 3,
            "internet": True,
            "latitude": latitude,
            "longitude": longitude,
            "programme": village_programme,
            "lead_image": builder.images["village"],
        }
        builder.ensure_page(
            village_index,
            VillageLibraryPage,
            {
                "title": f"Perpustakaan Desa {village}",
                "slug": slug_id,
                "summary": f"Perpustakaan desa percontohan "
                f"di Desa {village}, Kecamatan {district}, dengan tiga komputer dan internet.",
                "lead_image_alt": builder.images["village"].alt["id"],
            },
            {
                "title": f"{village} village library",
                "slug": slug_en,
                "summary": f"A pilot village library in "
                f"{village}, {district} district, with three computers and internet.",
                "lead_image_alt": builder.images["village"].alt["en"],
            },
            **shared,
        )


def build_partners(builder):
    """Partners by key, each as {locale id: partner}."""
    found = {}
    for key, (kind, website, name, description_id, description_en) in PARTNERS.items():
        fields = {"name": name, "kind": kind, "website": website, "description": description_id}
        partner, translation = builder.ensure_snippet(Partner, {"name": name}, fields, {"description": description_en})
        found[key] = {builder.id.pk: partner, builder.en.pk: translation}
    return found


def programme_fields(builder, item, locale, partners):
    words = item[locale.language_code]
    return {
        "title": words["title"],
        "slug": words["slug"],
        "summary": words["summary"],
        "lead_image_alt": builder.images[item["image"]].alt[locale.language_code],
        "goals": items("goal", words["goals"]),
        "target_groups": items("group", words["groups"]),
        "places": items("place", words["places"]),
        "partners": items("partner", [partners[key][locale.pk].pk for key in item["partners"]]),
        "figures": words["figures"],
        "charts": words["charts"],
        "milestones": words["milestones"],
        "body": builder.body([("paragraph", f"<p>{text}</p>") for text in words["body"]], locale),
    }


def link_news_to(builder, programme, news_pages):
    """Lists the programme among the related pages of these news items (both languages), once."""
    for news_page in news_pages:
        for version in (news_page, news_page.get_translation(builder.en)):
            version = version.specific
            if any(block.value.pk == programme.pk for block in version.related_pages):
                continue
            version.related_pages.append(("page", programme))
            version.save_revision().publish()
