"""Demo news, stories and events, written anew in both languages from the library's own reports."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from news.models import EventIndexPage, EventPage, NewsCategory, NewsIndexPage, NewsPage

IMAGES = {
    "students": {
        "title": "Rombongan pelajar (ilustrasi)",
        "draw": "group",
        "alt": {
            "id": "Ilustrasi rombongan pelajar berfoto bersama dalam dua baris",
            "en": "Illustration of a group of students posing in two rows",
        },
    },
    "training": {
        "title": "Ruang pelatihan komputer (ilustrasi)",
        "draw": "computers",
        "alt": {
            "id": "Ilustrasi ruang pelatihan dengan deretan meja dan layar komputer",
            "en": "Illustration of a training room with rows of desks and computer screens",
        },
    },
    "award": {
        "title": "Piala penghargaan (ilustrasi)",
        "draw": "trophy",
        "alt": {
            "id": "Ilustrasi piala emas di atas alas merah dengan latar nila",
            "en": "Illustration of a golden cup on a red stand against indigo",
        },
    },
    "batik": {
        "title": "Motif batik kawung",
        "draw": "kawung",
        "alt": {
            "id": "Motif batik kawung berwarna oker di atas merah tua",
            "en": "Ochre kawung batik motif on deep red",
        },
    },
}

CATEGORIES = {
    "activities": ({"name": "Kegiatan", "slug": "kegiatan"}, {"name": "Activities", "slug": "activities"}),
    "awards": ({"name": "Penghargaan", "slug": "penghargaan"}, {"name": "Awards", "slug": "awards"}),
    "programme": ({"name": "Program", "slug": "program"}, {"name": "Programmes", "slug": "programmes"}),
    "impact": (
        {"name": "Cerita Dampak", "slug": "cerita-dampak"},
        {"name": "Impact stories", "slug": "impact-stories"},
    ),
    "notices": ({"name": "Pengumuman", "slug": "pengumuman"}, {"name": "Announcements", "slug": "announcements"}),
}

INDEXES = {
    "news": (
        {
            "title": "Berita",
            "slug": "berita",
            "introduction": "Kabar kegiatan, program, penghargaan dan cerita warga dari Perpustakaan Umum Pamekasan.",
        },
        {
            "title": "News",
            "slug": "news",
            "introduction": "Activities, programmes, awards and stories of the people of Pamekasan Public Library.",
        },
    ),
    "events": (
        {
            "title": "Agenda",
            "slug": "agenda",
            "introduction": "Pelatihan, kunjungan dan lokakarya yang akan datang. Semua warga boleh ikut.",
        },
        {
            "title": "Events",
            "slug": "events",
            "introduction": "Upcoming trainings, visits and workshops. Everyone is welcome.",
        },
    ),
}

# Each item: shared fields, then (Indonesian, English) words. Bodies are lists of paragraphs.
NEWS = [
    {
        "date": date(2015, 2, 28),
        "category": "activities",
        "image": "students",
        "tags": ["pelajar", "kunjungan"],
        "id": {
            "title": "65 pelajar MA Nasrul Ulum Bagandan belajar mengenal perpustakaan",
            "slug": "pelajar-ma-nasrul-ulum-berkunjung",
            "summary": "Siswa kelas 10 sampai 12 dari Bagandan datang untuk mengenal layanan perpustakaan, "
            "mendaftar sebagai anggota dan berlatih membaca lalu meringkas.",
            "caption": "Rombongan pelajar di ruang baca umum (ilustrasi).",
            "body": [
                "Sebanyak 65 siswa MA Nasrul Ulum Bagandan, dari kelas 10, 11 dan 12, berkunjung ke Kantor "
                "Perpustakaan Umum dan Arsip Kabupaten Pamekasan. Kepala kantor, Akhmad Zaini, M.Pd., bersama "
                "Kepala Seksi Perpustakaan, Makhfudz, M.Si., menjelaskan untuk apa perpustakaan umum didirikan "
                "dan apa saja yang bisa dimanfaatkan pelajar di sana.",
                "Para siswa juga diajak melihat cara mendaftar menjadi anggota. Setelah itu mereka membaca di ruang "
                "baca umum dan menulis ringkasan bacaan masing-masing, yang kemudian diserahkan kepada guru "
                "pendamping.",
            ],
        },
        "en": {
            "title": "65 students from MA Nasrul Ulum Bagandan get to know the library",
            "slug": "ma-nasrul-ulum-students-visit",
            "summary": "Pupils from years 10 to 12 came from Bagandan to learn about the library's services, "
            "sign up as members and practise reading and summarising.",
            "caption": "The student group in the general reading room (illustration).",
            "body": [
                "Sixty-five pupils of MA Nasrul Ulum Bagandan, from years 10, 11 and 12, visited the Pamekasan "
                "Public Library and Archives Office. The head of the office, Akhmad Zaini, M.Pd., and the head of "
                "the library section, Makhfudz, M.Si., explained why a public library exists and how students can "
                "use it.",
                "The pupils were also shown how to become members. They then read in the general reading room and "
                "each wrote a summary of what they had read, which they handed to the teachers who came with them.",
            ],
        },
    },
    {
        "date": date(2015, 2, 11),
        "category": "programme",
        "image": "village",
        "tags": ["perpustakaan-desa", "lokakarya"],
        "id": {
            "title": "Desa Artodung menggelar lokakarya strategi perpustakaan desa",
            "slug": "lokakarya-perpustakaan-desa-artodung",
            "summary": "Pada 8 Februari 2015 Perpustakaan Dharma Bakti di Desa Artodung mengajak 50 warga "
            "merancang masa depan perpustakaan desa mereka.",
            "caption": "Perpustakaan desa menjadi tempat warga berkumpul dan belajar (ilustrasi).",
            "body": [
                "Minggu, 8 Februari 2015, Perpustakaan Dharma Bakti di Desa Artodung menyelenggarakan lokakarya "
                "strategi pengembangan perpustakaan desa. Lima puluh warga desa ikut serta sebagai peserta.",
                "Hadir pula camat, kepala Kantor Perpustakaan Umum dan Arsip Kabupaten Pamekasan, kepala seksi "
                "perpustakaan umum, anggota BPD dan pengurus PKK kecamatan. Kegiatan ini terlaksana bersama mitra "
                "swasta setempat.",
            ],
        },
        "en": {
            "title": "Artodung village holds a workshop on its village library",
            "slug": "artodung-village-library-workshop",
            "summary": "On 8 February 2015 the Dharma Bakti library in Artodung village invited 50 villagers to "
            "plan the future of their village library.",
            "caption": "The village library is a place to meet and learn (illustration).",
            "body": [
                "On Sunday 8 February 2015 the Dharma Bakti library in Artodung village held a workshop on how to "
                "develop the village library. Fifty villagers took part.",
                "The district head, the head of the Pamekasan Public Library and Archives Office, the head of the "
                "public library section, members of the village council (BPD) and the district PKK also attended. "
                "The event was run with a local private-sector partner.",
            ],
        },
    },
    {
        "date": date(2015, 2, 10),
        "category": "impact",
        "image": "training",
        "tags": ["pelatihan", "perpustakaan-desa"],
        "feature": True,
        "id": {
            "title": "Warga desa menaklukkan komputer dan internet",
            "slug": "warga-desa-menaklukkan-komputer",
            "summary": "Empat hari pelatihan komputer dan internet bagi lima desa membuktikan bahwa teknologi "
            "bukan hanya milik anak muda.",
            "caption": "Ruang pelatihan di lantai 2 perpustakaan (ilustrasi).",
            "body": [
                "PerpuSeru bersama fasilitator inti Perpustakaan Umum Daerah Kabupaten Pamekasan menggelar "
                "pelatihan komputer dan internet bertema pengembangan perpustakaan desa berbasis teknologi "
                "informasi. Peserta datang dari lima desa dan belajar selama empat hari, 10 sampai 13 November "
                "2014, di aula lantai 2 perpustakaan.",
                "Salah satu peserta yang paling bersemangat adalah Ibu Sulha dari Desa Bajang, Kecamatan Pakong. "
                "Usianya sekitar empat puluhan sampai lima puluhan, tetapi ia mampu mengikuti materi sejajar "
                "dengan peserta remaja. Niat dan tekad, katanya, lebih menentukan daripada umur.",
            ],
        },
        "en": {
            "title": "Villagers take on computers and the internet",
            "slug": "villagers-take-on-computers",
            "summary": "Four days of computer and internet training for five villages showed that technology is "
            "not only for the young.",
            "caption": "The training room on the library's first floor (illustration).",
            "body": [
                "PerpuSeru and the core facilitators of Pamekasan's regional public library ran a computer and "
                "internet course on developing village libraries with information technology. Participants came "
                "from five villages and studied for four days, from 10 to 13 November 2014, in the hall on the "
                "library's first floor.",
                "One of the keenest was Ibu Sulha from Bajang village in Pakong district. In her forties or "
                "fifties, she kept pace with the teenagers on the course. Will and determination, she said, "
                "matter more than age.",
            ],
        },
    },
    {
        "date": date(2014, 12, 29),
        "category": "programme",
        "image": "village",
        "tags": ["perpustakaan-desa", "perpuseru"],
        "id": {
            "title": "Lima desa menjadi percontohan perpustakaan desa berbasis internet",
            "slug": "lima-desa-percontohan",
            "summary": "Poto'an Dajah, Pagendingan, Modung, Bunder dan Bajang masing-masing menerima tiga "
            "komputer dan jaringan internet dari program PerpuSeru.",
            "caption": "Komputer dan internet kini hadir di perpustakaan desa (ilustrasi).",
            "body": [
                "PerpuSeru Indonesia memilih lima desa di Pamekasan sebagai percontohan perpustakaan desa berbasis "
                "teknologi informasi: Poto'an Dajah (Kecamatan Palengaan), Pagendingan dan Modung (Kecamatan "
                "Galis), Bunder (Kecamatan Pademawu), serta Bajang (Kecamatan Pakong).",
                "Lima belas komputer diserahkan oleh Wakil Bupati Pamekasan, Khalil Asy'ari, di aula perpustakaan, "
                "lalu perangkat desa penerima mengikuti sosialisasi. Menurut Kepala Perpustakaan Daerah Akhmad "
                "Zaini, desa-desa ini dipilih karena dukungan kuat dari kepala desanya, dan tujuannya menumbuhkan "
                "budaya baca dan melek internet di desa.",
            ],
        },
        "en": {
            "title": "Five villages pilot internet-connected village libraries",
            "slug": "five-pilot-villages",
            "summary": "Poto'an Dajah, Pagendingan, Modung, Bunder and Bajang each received three computers and "
            "an internet connection from the PerpuSeru programme.",
            "caption": "Computers and the internet now reach the village libraries (illustration).",
            "body": [
                "PerpuSeru Indonesia chose five villages in Pamekasan to pilot village libraries built on "
                "information technology: Poto'an Dajah (Palengaan district), Pagendingan and Modung (Galis "
                "district), Bunder (Pademawu district) and Bajang (Pakong district).",
                "The Deputy Regent of Pamekasan, Khalil Asy'ari, handed over fifteen computers in the library hall, "
                "followed by a briefing for the village officials. The head of the regional library, Akhmad Zaini, "
                "said the villages were chosen for the strong support of their village heads, and that the aim is "
                "a reading and internet culture in the villages.",
            ],
        },
    },
    {
        "date": date(2014, 12, 11),
        "category": "impact",
        "image": "students",
        "tags": ["pelatihan", "perpuseru"],
        "id": {
            "title": "Wajah-wajah baru yang kini betah di perpustakaan",
            "slug": "wajah-baru-di-perpustakaan",
            "summary": "Peserta pelatihan komputer dan strategi perpustakaan kembali datang, kali ini sebagai "
            "pengunjung tetap. Catatan Madinatul M. (Didin).",
            "caption": "Peserta pelatihan yang kini rutin datang (ilustrasi).",
            "body": [
                "Belakangan perpustakaan ramai oleh orang-orang yang dulu jarang terlihat. Mereka adalah peserta "
                "pelatihan komputer dan internet dasar serta pelatihan strategi pengembangan perpustakaan yang "
                "berlangsung dari 10 November sampai 4 Desember 2014.",
                "Pelatihan ini bagian dari program PerpuSeru yang didukung Coca-Cola Foundation Indonesia dan "
                "Bill &amp; Melinda Gates Foundation, dengan sasaran pemuda, perempuan dan wirausaha di bidang "
                "pendidikan, kesehatan dan ekonomi.",
            ],
        },
        "en": {
            "title": "New faces who now feel at home in the library",
            "slug": "new-faces-at-the-library",
            "summary": "Participants of the computer and library-strategy courses keep coming back, now as "
            "regular visitors. A note by Madinatul M. (Didin).",
            "caption": "Course participants who now visit regularly (illustration).",
            "body": [
                "Lately the library has been busy with people who were rarely seen there before. They took part in "
                "the basic computer and internet course and the library development strategy course held from 10 "
                "November to 4 December 2014.",
                "The courses are part of the PerpuSeru programme supported by Coca-Cola Foundation Indonesia and "
                "the Bill &amp; Melinda Gates Foundation, aimed at young people, women and entrepreneurs in "
                "education, health and the economy.",
            ],
        },
    },
    {
        "date": date(2014, 8, 26),
        "category": "awards",
        "image": "award",
        "tags": ["penghargaan", "perpuseru"],
        "feature": True,
        "id": {
            "title": "Perpustakaan Pamekasan dinobatkan paling inovatif se-Indonesia",
            "slug": "perpustakaan-paling-inovatif",
            "summary": "Di antara 34 nominator, perpustakaan ini meraih tiga penghargaan nasional, antara lain "
            "untuk advokasi dan layanan internet 24 jam.",
            "caption": "Penghargaan nasional untuk perpustakaan paling inovatif (ilustrasi).",
            "body": [
                "Selasa, 26 Agustus 2014, Wakil Bupati Pamekasan Khalil Asy'ari, didampingi Kepala Perpustakaan "
                "Daerah Zaini, menerima penghargaan di Hotel Eastparc, Yogyakarta. Penilaian terhadap 34 "
                "nominator dari seluruh Indonesia berlangsung sejak Juli 2013 sampai April 2014.",
                "Tiga penghargaan diraih sekaligus. Di bidang advokasi, perpustakaan terus membangun kesadaran "
                "tentang pentingnya perpustakaan bagi kehidupan warga. Di bidang internet, layanan dibuka 24 jam "
                "tanpa kata sandi dan kapasitasnya dinaikkan dari 1 Mb menjadi 60 Mb.",
            ],
        },
        "en": {
            "title": "Pamekasan library named the most innovative in Indonesia",
            "slug": "most-innovative-library",
            "summary": "Among 34 nominees, the library won three national awards, among them for advocacy and "
            "its 24-hour internet service.",
            "caption": "A national award for the most innovative library (illustration).",
            "body": [
                "On Tuesday 26 August 2014 the Deputy Regent of Pamekasan, Khalil Asy'ari, with the head of the "
                "regional library, Zaini, received the award at the Eastparc Hotel in Yogyakarta. The assessment of "
                "34 nominees from across Indonesia ran from July 2013 to April 2014.",
                "The library won three awards at once. In advocacy, it keeps building awareness of what a library "
                "means for people's lives. For the internet, it opened a 24-hour service with no password and "
                "raised its capacity from 1 Mb to 60 Mb.",
            ],
        },
    },
    {
        "date": date(2014, 4, 30),
        "category": "programme",
        "image": "shelves",
        "tags": ["perpuseru"],
        "id": {
            "title": "PerpuSeru: perpustakaan sebagai pusat belajar masyarakat",
            "slug": "perpuseru-pusat-belajar",
            "summary": "Sejak 2011 program Coca-Cola Foundation Indonesia dan Bill & Melinda Gates Foundation "
            "ini bermitra dengan 34 perpustakaan di 16 provinsi.",
            "caption": "Koleksi dan layanan teknologi untuk warga (ilustrasi).",
            "body": [
                "PerpuSeru membantu perpustakaan umum di Indonesia menjadi pusat belajar masyarakat berbasis "
                "teknologi informasi, sekaligus membekali pustakawan agar layanan mereka meningkatkan kualitas "
                "hidup warga, termasuk pemuda, perempuan dan pengusaha mikro.",
                "Sejak diluncurkan pada 2011, program ini telah bermitra dengan 34 perpustakaan di 16 provinsi. "
                "Direktur Pelaksana Coca-Cola Foundation Indonesia, Titie Sadarini, menyebut bantuan fasilitas "
                "TIK, pelatihan dan pendampingan staf sebagai inti kemitraan tersebut.",
            ],
        },
        "en": {
            "title": "PerpuSeru: libraries as community learning centres",
            "slug": "perpuseru-learning-centres",
            "summary": "Since 2011 this programme of Coca-Cola Foundation Indonesia and the Bill & Melinda Gates "
            "Foundation has partnered with 34 libraries in 16 provinces.",
            "caption": "Collections and technology services for everyone (illustration).",
            "body": [
                "PerpuSeru helps public libraries in Indonesia become community learning centres built on "
                "information technology, and trains librarians so that their services improve people's lives, "
                "including young people, women and micro-entrepreneurs.",
                "Since its launch in 2011 the programme has partnered with 34 libraries in 16 provinces. The "
                "managing director of Coca-Cola Foundation Indonesia, Titie Sadarini, named ICT equipment, "
                "training and staff mentoring as the heart of the partnership.",
            ],
        },
    },
    {
        "date": date(2013, 10, 8),
        "category": "programme",
        "image": "building",
        "tags": ["perpuseru"],
        "id": {
            "title": "Pamekasan terpilih dalam program Global Libraries",
            "slug": "terpilih-global-libraries",
            "summary": "Perpustakaan Umum dan Arsip Kabupaten Pamekasan termasuk 40 perpustakaan kabupaten/kota "
            "yang dipilih untuk program yang diluncurkan di Jakarta pada 17 Oktober 2011.",
            "caption": "Gedung perpustakaan di Jalan Jokotole (ilustrasi).",
            "body": [
                "Program Global Libraries, yang di Indonesia dikenal sebagai PerpuSeru, dialokasikan untuk 40 "
                "perpustakaan kabupaten dan kota berdasarkan kriteria tertentu. Pamekasan termasuk salah satunya. "
                "Temanya: menjadikan perpustakaan umum pusat belajar yang menyentuh perempuan, remaja dan wirausaha "
                "di wilayahnya.",
                "Dalam peluncurannya di Jakarta, 17 Oktober 2011, Kepala Perpustakaan Nasional menyebut program ini "
                "sejalan dengan prioritas pengembangan perpustakaan berbasis TIK dan dengan Undang-Undang Nomor 43 "
                "Tahun 2007 tentang Perpustakaan.",
            ],
        },
        "en": {
            "title": "Pamekasan chosen for the Global Libraries programme",
            "slug": "chosen-for-global-libraries",
            "summary": "The Pamekasan Public Library and Archives is one of 40 regency and city libraries chosen "
            "for the programme launched in Jakarta on 17 October 2011.",
            "caption": "The library building on Jalan Jokotole (illustration).",
            "body": [
                "The Global Libraries programme, known in Indonesia as PerpuSeru, was allocated to 40 regency and "
                "city libraries selected against set criteria, Pamekasan among them. Its theme: making the public "
                "library a learning centre that reaches the women, young people and entrepreneurs of its area.",
                "At the launch in Jakarta on 17 October 2011, the head of the National Library said the programme "
                "fits the priority of ICT-based libraries and Law No. 43 of 2007 on Libraries.",
            ],
        },
    },
    {
        "date": date(2013, 9, 9),
        "category": "activities",
        "image": "batik",
        "tags": ["batik", "wirausaha"],
        "id": {
            "title": "Perpustakaan mempertemukan perajin batik dengan produsen tepung kanji",
            "slug": "perajin-batik-dan-tepung-kanji",
            "summary": "Di Pasar 17 Agustus, tim perpustakaan membantu memetakan kebutuhan tepung kanji para "
            "perajin batik, yang mencapai sekitar 30 ton sebulan.",
            "caption": "Batik Pamekasan dijual setiap Kamis dan Minggu (motif kawung).",
            "body": [
                "Kamis, 5 September 2013, perpustakaan memfasilitasi pertemuan antara tim Rose Brand dan para "
                "perajin serta pengusaha batik di Pasar 17 Agustus. Pertemuan ini menindaklanjuti seminar "
                "pemasaran digital bulan Juni, yang mengungkap kebutuhan sekitar 30 ton tepung kanji per bulan "
                "di sentra-sentra batik Pamekasan.",
                "Tim perpustakaan mewawancarai penjual dan sepuluh perajin. Mereka tidak mementingkan merek; yang "
                "penting tepung selalu tersedia dengan harga terjangkau. Rencana lanjutannya: uji coba tepung oleh "
                "perajin dan pelatihan membuat kue tradisional untuk 100 ibu dan remaja putri pada Oktober 2013.",
            ],
        },
        "en": {
            "title": "The library brings batik makers and a starch producer together",
            "slug": "batik-makers-meet-starch-producer",
            "summary": "At the 17 Agustus market, the library team helped map how much starch batik makers "
            "need: about 30 tonnes a month.",
            "caption": "Pamekasan batik is sold every Thursday and Sunday (kawung motif).",
            "body": [
                "On Thursday 5 September 2013 the library hosted a meeting between the Rose Brand team and batik "
                "makers and traders at the 17 Agustus market. It followed up June's digital marketing seminar, "
                "which had revealed a need for some 30 tonnes of starch a month across Pamekasan's batik centres.",
                "The library team interviewed traders and ten batik makers. Brand mattered little to them; what "
                "counts is steady supply at a fair price. Next steps: trials of the starch by batik makers and a "
                "traditional cake-making course for 100 women and girls in October 2013.",
            ],
        },
    },
    {
        "date": date(2013, 6, 15),
        "category": "activities",
        "image": "batik",
        "tags": ["batik", "pemasaran-digital", "wirausaha"],
        "id": {
            "title": "200 perajin dan pengusaha batik belajar pemasaran digital",
            "slug": "seminar-pemasaran-digital-batik",
            "summary": "Seminar gratis di perpustakaan mengajarkan cara murah dan mudah memasarkan batik secara "
            "daring.",
            "caption": "Batik khas Pamekasan (motif kawung).",
            "body": [
                "Sejak Pamekasan dinobatkan sebagai kota batik, jumlah perajin dan pengusaha batik tumbuh pesat, "
                "tetapi pemasarannya belum banyak memanfaatkan internet. Karena itu perpustakaan menggelar seminar "
                "gratis \u201cDigital Marketing\u201d pada 15 Juni 2013 bertema cara murah dan mudah memasarkan "
                "batik secara daring.",
                "Dua ratus peserta hadir, dari perajin, pengusaha sampai mahasiswa. Bank BNI dan BPR Jatim membuka "
                "peluang permodalan, sementara produsen tepung kanji menawarkan bahan yang lebih aman daripada zat "
                "kimia yang biasa dipakai membatik. Seminar ini lahir dari rencana kerja pelatihan advokasi "
                "program PerpuSeru.",
            ],
        },
        "en": {
            "title": "200 batik makers and traders learn digital marketing",
            "slug": "batik-digital-marketing-seminar",
            "summary": "A free seminar at the library showed cheap and easy ways to sell batik online.",
            "caption": "Pamekasan batik (kawung motif).",
            "body": [
                "Since Pamekasan was named a batik town, the number of batik makers and traders has grown fast, "
                "but few of them sell online. So the library held a free \u201cDigital Marketing\u201d seminar on "
                "15 June 2013 on cheap and easy ways to market batik on the internet.",
                "Two hundred people came, from craftspeople and traders to university students. BNI and BPR Jatim "
                "offered access to credit, and a starch producer offered a safer alternative to the chemicals often "
                "used in batik making. The seminar grew out of the PerpuSeru advocacy course's work plan.",
            ],
        },
    },
    {
        "date": None,  # the day the demo is built: an announcement of the next course
        "category": "notices",
        "image": "training",
        "tags": ["pelatihan"],
        "id": {
            "title": "Pendaftaran pelatihan komputer dan internet dasar dibuka",
            "slug": "pendaftaran-pelatihan-komputer",
            "summary": "Pelatihan gratis empat hari untuk warga yang ingin belajar komputer dan internet dari "
            "awal. Tempat terbatas.",
            "caption": "Ruang pelatihan komputer di lantai 2 (ilustrasi).",
            "body": [
                "Perpustakaan membuka pendaftaran pelatihan komputer dan internet dasar. Pelatihan berlangsung "
                "empat hari di ruang pelatihan lantai 2 dan tidak dipungut biaya.",
                "Daftar langsung di meja layanan dengan membawa KTP. Lihat agenda untuk tanggal dan jamnya.",
            ],
        },
        "en": {
            "title": "Registration open for the basic computer and internet course",
            "slug": "computer-course-registration",
            "summary": "A free four-day course for anyone who wants to learn computers and the internet from the "
            "start. Places are limited.",
            "caption": "The computer training room on the first floor (illustration).",
            "body": [
                "The library is taking registrations for its basic computer and internet course. It runs for four "
                "days in the training room on the first floor and is free of charge.",
                "Sign up at the service desk with your identity card. See the events page for dates and times.",
            ],
        },
    },
]

# Events: days from the day the demo is built (negative: in the past), or a fixed date.
EVENTS = [
    {
        "days": 10,
        "start": time(8, 0),
        "end_days": 13,
        "end": time(12, 0),
        "image": "training",
        "id": {
            "title": "Pelatihan komputer dan internet dasar",
            "slug": "pelatihan-komputer-dasar",
            "summary": "Empat pagi belajar menyalakan komputer, mengetik, mencari informasi dan memakai e-mail.",
            "organiser": "Perpustakaan Umum Kabupaten Pamekasan",
            "body": ["Untuk pemula dari segala usia. Komputer disediakan. Daftar di meja layanan dengan KTP."],
        },
        "en": {
            "title": "Basic computer and internet course",
            "slug": "basic-computer-course",
            "summary": "Four mornings learning to start a computer, type, search for information and use e-mail.",
            "organiser": "Pamekasan Regency Public Library",
            "body": ["For beginners of all ages. Computers are provided. Sign up at the service desk with your ID."],
        },
    },
    {
        "days": 21,
        "start": time(9, 0),
        "end": time(11, 0),
        "image": "students",
        "id": {
            "title": "Hari kunjungan sekolah: mengenal perpustakaan",
            "slug": "hari-kunjungan-sekolah",
            "summary": "Sekolah dan madrasah diundang mengenal layanan perpustakaan dan berlatih meringkas bacaan.",
            "organiser": "Seksi Layanan Perpustakaan",
            "body": [
                "Guru dapat mendaftarkan rombongan kelas melalui meja layanan paling lambat tiga hari sebelumnya."
            ],
        },
        "en": {
            "title": "School visit day: getting to know the library",
            "slug": "school-visit-day",
            "summary": "Schools and madrasahs are invited to discover the library and practise summarising.",
            "organiser": "Library services section",
            "body": ["Teachers can book a class visit at the service desk at least three days ahead."],
        },
    },
    {
        "days": 35,
        "all_day": True,
        "image": "batik",
        "id": {
            "title": "Lokakarya pemasaran daring untuk perajin batik",
            "slug": "lokakarya-pemasaran-batik",
            "summary": "Sehari penuh praktik memotret batik, membuat katalog dan berjualan lewat internet.",
            "venue": "Aula lantai 2 Perpustakaan Umum Pamekasan",
            "organiser": "Perpustakaan Umum Kabupaten Pamekasan",
            "body": ["Bawa telepon genggam dan beberapa lembar batik untuk dipotret."],
        },
        "en": {
            "title": "Online selling workshop for batik makers",
            "slug": "batik-online-selling-workshop",
            "summary": "A full day of practice photographing batik, building a catalogue and selling online.",
            "venue": "First-floor hall, Pamekasan Public Library",
            "organiser": "Pamekasan Regency Public Library",
            "body": ["Bring your phone and a few pieces of batik to photograph."],
        },
    },
    {
        "date": date(2015, 2, 8),
        "start": time(8, 0),
        "end": time(13, 0),
        "image": "village",
        "id": {
            "title": "Lokakarya strategi pengembangan perpustakaan desa",
            "slug": "lokakarya-strategi-perpustakaan-desa",
            "summary": "Lima puluh warga Desa Artodung merancang perpustakaan desa bersama camat dan perpustakaan "
            "daerah.",
            "venue": "Perpustakaan Dharma Bakti, Desa Artodung",
            "organiser": "Perpustakaan Dharma Bakti",
            "body": ["Lokakarya dihadiri camat, kepala perpustakaan daerah, BPD dan PKK kecamatan."],
        },
        "en": {
            "title": "Village library development workshop",
            "slug": "village-library-workshop",
            "summary": "Fifty villagers of Artodung planned their village library with the district head and the "
            "regional library.",
            "venue": "Dharma Bakti library, Artodung village",
            "organiser": "Dharma Bakti library",
            "body": ["Attended by the district head, the head of the regional library, the BPD and the district PKK."],
        },
    },
    {
        "date": date(2013, 6, 15),
        "start": time(8, 30),
        "end": time(14, 0),
        "image": "batik",
        "id": {
            "title": "Seminar \u201cDigital Marketing\u201d untuk perajin batik",
            "slug": "seminar-digital-marketing",
            "summary": "Cara murah dan mudah memasarkan batik secara daring, untuk 200 peserta.",
            "organiser": "Perpustakaan Umum Kabupaten Pamekasan",
            "body": ["Didukung Bank BNI, BPR Jatim dan produsen tepung kanji."],
        },
        "en": {
            "title": "\u201cDigital Marketing\u201d seminar for batik makers",
            "slug": "digital-marketing-seminar",
            "summary": "Cheap and easy ways to sell batik online, for 200 participants.",
            "organiser": "Pamekasan Regency Public Library",
            "body": ["Supported by BNI, BPR Jatim and a starch producer."],
        },
    },
]


def build(builder, home):
    """Builds news and events; returns the Indonesian news pages by slug for other sections to link to."""
    categories = build_categories(builder)
    news_index = builder.ensure_page(home, NewsIndexPage, *INDEXES["news"], show_in_menus=True)
    pages = {}
    for item in NEWS:
        pages[item["id"]["slug"]] = builder.ensure_page(
            news_index,
            NewsPage,
            *(news_fields(builder, item, locale, categories) for locale in (builder.id, builder.en)),
            tags=item["tags"],
            date=item["date"] or timezone.localdate(),
            lead_image=builder.images[item["image"]],
            feature_on_home=item.get("feature", False),
        )
    event_index = builder.ensure_page(home, EventIndexPage, *INDEXES["events"], show_in_menus=True)
    for item in EVENTS:
        builder.ensure_page(
            event_index,
            EventPage,
            *(event_fields(builder, item, locale) for locale in (builder.id, builder.en)),
            lead_image=builder.images[item["image"]],
            all_day=item.get("all_day", False),
            **event_times(item),
        )
    return pages


def build_categories(builder):
    """Categories by key, each as {locale id: category}."""
    found = {}
    for key, (words_id, words_en) in CATEGORIES.items():
        category, translation = builder.ensure_snippet(NewsCategory, {"slug": words_id["slug"]}, words_id, words_en)
        found[key] = {builder.id.pk: category, builder.en.pk: translation}
    return found


def news_fields(builder, item, locale, categories):
    words = item[locale.language_code]
    return {
        "title": words["title"],
        "slug": words["slug"],
        "summary": words["summary"],
        "lead_image_alt": builder.images[item["image"]].alt[locale.language_code],
        "lead_image_caption": words["caption"],
        "category": categories[item["category"]][locale.pk],
        "body": builder.body([("paragraph", f"<p>{text}</p>") for text in words["body"]], locale),
    }


def event_fields(builder, item, locale):
    words = item[locale.language_code]
    return {
        "title": words["title"],
        "slug": words["slug"],
        "summary": words["summary"],
        "venue": words.get("venue", ""),
        "organiser": words["organiser"],
        "lead_image_alt": builder.images[item["image"]].alt[locale.language_code],
        "body": builder.body([("paragraph", f"<p>{text}</p>") for text in words["body"]], locale),
    }


def event_times(item):
    day = item.get("date") or timezone.localdate() + timedelta(days=item["days"])
    end_day = timezone.localdate() + timedelta(days=item["end_days"]) if "end_days" in item else day
    if item.get("all_day"):
        return {"start": _at(day, time.min), "end": None}
    return {"start": _at(day, item["start"]), "end": _at(end_day, item["end"])}


def _at(day, clock):
    return timezone.make_aware(datetime.combine(day, clock))
