"""The demo site's words, in Indonesian and English, written from the facts the library
publishes today (its building, its programmes with PerpuSeru, its awards, its village libraries).

Each entry holds both languages side by side so a translation never drifts from its source."""

from datetime import time

IMAGES = {
    "building": {
        "title": "Gedung Perpustakaan Umum Pamekasan (ilustrasi)",
        "alt": {
            "id": "Ilustrasi gedung perpustakaan dua lantai dengan atap merah dan pohon di kedua sisinya",
            "en": "Illustration of a two-storey library building with a red roof and a tree on each side",
        },
        "draw": "building",
    },
    "shelves": {
        "title": "Rak buku (ilustrasi)",
        "alt": {
            "id": "Ilustrasi rak kayu penuh buku berwarna merah, nila dan oker",
            "en": "Illustration of wooden shelves full of red, indigo and ochre books",
        },
        "draw": "bookshelf",
    },
    "village": {
        "title": "Perpustakaan desa (ilustrasi)",
        "alt": {
            "id": "Ilustrasi deretan rumah desa; di salah satu jendela menyala layar komputer",
            "en": "Illustration of a row of village houses, a computer screen glowing in one window",
        },
        "draw": "village",
    },
}

PROFILE = {
    "id": {
        "name": "Perpustakaan Umum Kabupaten Pamekasan",
        "short_name": "Perpustakaan Pamekasan",
        "tagline": "Pusat belajar warga Pamekasan, dari kota sampai ke desa.",
        "address": "Jl. Jokotole No. 55\nPamekasan, Madura\nJawa Timur",
        "hours_note": "Tutup pada hari libur nasional.",
    },
    "en": {
        "name": "Pamekasan Regency Public Library",
        "short_name": "Pamekasan Library",
        "tagline": "A learning centre for the people of Pamekasan, in town and in the villages.",
        "address": "Jl. Jokotole No. 55\nPamekasan, Madura\nEast Java, Indonesia",
        "hours_note": "Closed on national holidays.",
    },
}

# Weekday (0 = Monday), opens, closes. Friday has a break for Friday prayers.
OPENING_HOURS = [
    (0, time(7, 30), time(15, 30)),
    (1, time(7, 30), time(15, 30)),
    (2, time(7, 30), time(15, 30)),
    (3, time(7, 30), time(15, 30)),
    (4, time(7, 30), time(11, 0)),
    (4, time(13, 0), time(15, 0)),
    (5, time(8, 0), time(13, 0)),
]

# National holidays on which the library closes: (month, day) and the name in both languages.
# The demo schedules their next occurrence, so a fresh demo always shows them ahead.
HOLIDAYS = [
    (
        (12, 25),
        {"name": "Hari Raya Natal", "note": "Libur nasional."},
        {"name": "Christmas Day", "note": "National holiday."},
    ),
    (
        (1, 1),
        {"name": "Tahun Baru", "note": "Libur nasional."},
        {"name": "New Year's Day", "note": "National holiday."},
    ),
]

YEAR_END_ALERT = {
    "id": {
        "title": "Libur akhir tahun",
        "message": "Perpustakaan tutup pada Hari Raya Natal dan Tahun Baru. Pojok internet Wi-Fi tetap menyala.",
    },
    "en": {
        "title": "Year-end holidays",
        "message": "The library is closed on Christmas Day and New Year's Day. The Wi-Fi stays on.",
    },
}

# Jl. Jokotole, Pamekasan: approximate, to be checked on the ground by the library.
LIBRARY_LOCATION = {"latitude": "-7.158900", "longitude": "113.483700"}

HOME = {
    "id": {
        "title": "Beranda",
        "slug": "beranda",
        "search_description": "Perpustakaan Umum Kabupaten Pamekasan di Jl. Jokotole No. 55: koleksi buku, "
        "internet, pelatihan dan perpustakaan desa untuk seluruh warga.",
        "welcome_title": "Selamat datang di perpustakaan kita bersama",
        "welcome_text": (
            "<p>Gedung dua lantai di Jalan Jokotole No. 55 ini berdiri di atas lahan sekitar 600 meter "
            "persegi. Di sini warga Pamekasan meminjam buku, membaca dengan tenang, memakai internet, dan "
            "belajar keterampilan baru bersama-sama.</p>"
            "<p>Kami ingin menjadi pusat belajar masyarakat yang religius dan dinamis, sejalan dengan "
            "semangat <i>Gerbang Salam</i>. Program kami terutama menyapa perempuan, remaja, dan pelaku "
            "usaha kecil, di kota maupun di desa.</p>"
        ),
        "slides": [
            {
                "image": "building",
                "title": "Perpustakaan untuk semua warga",
                "caption": "Dua lantai ruang baca, internet, dan aula pelatihan di Jalan Jokotole.",
                "page": "about",
            },
            {
                "image": "village",
                "title": "Perpustakaan desa berbasis internet",
                "caption": "Lima desa percontohan menerima komputer dan jaringan internet.",
                "page": "services",
            },
            {
                "image": "shelves",
                "title": "Datang, baca, pinjam",
                "caption": "Lihat jam buka dan cara menuju perpustakaan.",
                "page": "visit",
            },
        ],
    },
    "en": {
        "title": "Home",
        "slug": "home",
        "search_description": "Pamekasan Regency Public Library at Jl. Jokotole No. 55: books, internet, "
        "training and village libraries for everyone in the regency.",
        "welcome_title": "Welcome to the library we share",
        "welcome_text": (
            "<p>Our two-storey building on Jalan Jokotole No. 55 stands on a plot of about 600 square "
            "metres. People from all over Pamekasan come here to borrow books, read in quiet, go online "
            "and learn new skills together.</p>"
            "<p>We want to be a learning centre for the community that is both faithful and lively, in "
            "the spirit of the regency's <i>Gerbang Salam</i> motto. Our programmes reach out above all "
            "to women, young people and small business owners, in town and in the villages.</p>"
        ),
        "slides": [
            {
                "title": "A library for everyone",
                "caption": "Two floors of reading rooms, internet and a training hall on Jalan Jokotole.",
            },
            {
                "title": "Village libraries online",
                "caption": "Five pilot villages received computers and an internet connection.",
            },
            {
                "title": "Come in, read, borrow",
                "caption": "See the opening hours and how to find us.",
            },
        ],
    },
}

# Pages under the home page, in menu order. Body blocks use the StreamField's raw form;
# "image" values name an entry of IMAGES.
PAGES = {
    "about": {
        "type": "standard",
        "id": {
            "title": "Tentang Kami",
            "slug": "tentang-kami",
            "introduction": "Perpustakaan daerah yang tumbuh menjadi pusat belajar warga: dari ruang baca "
            "di Jalan Jokotole sampai komputer di balai desa.",
            "search_description": "Sejarah, tujuan, program dan penghargaan Perpustakaan Umum Kabupaten Pamekasan.",
            "body": [
                ("heading", "Rumah belajar di tengah kota"),
                (
                    "paragraph",
                    "<p>Perpustakaan Umum Kabupaten Pamekasan menempati gedung dua lantai di "
                    "Jalan Jokotole No. 55. Selain menyediakan bahan bacaan yang dibutuhkan warga, kami "
                    "membuka layanan berbasis teknologi informasi agar setiap orang bisa belajar dengan cara "
                    "yang sesuai zamannya.</p>"
                    "<p>Lima fungsi perpustakaan menjadi pegangan kami: penelitian, pendidikan, pelestarian, "
                    "informasi, dan rekreasi, dijalankan dengan nilai-nilai keislaman yang hidup di tengah "
                    "masyarakat Pamekasan.</p>",
                ),
                ("image", "building", "Gedung perpustakaan di Jalan Jokotole No. 55 (ilustrasi)."),
                ("heading", "Bersama PerpuSeru"),
                (
                    "paragraph",
                    "<p>Sejak 2011, Coca-Cola Foundation Indonesia dan Bill &amp; Melinda Gates "
                    "Foundation menjalankan program PerpuSeru untuk mengubah perpustakaan umum menjadi pusat "
                    "belajar masyarakat berbasis teknologi informasi. Pamekasan termasuk perpustakaan "
                    "kabupaten yang dipilih; secara nasional program ini bermitra dengan 34 perpustakaan di "
                    "16 provinsi.</p>"
                    "<p>Melalui program ini pustakawan kami mendapat pelatihan dan pendampingan, dan "
                    "perpustakaan mulai menggelar pelatihan komputer, internet, serta pemasaran digital bagi "
                    "pemuda, perempuan, dan wirausaha.</p>",
                ),
                (
                    "quote",
                    "Kami membuka internet 24 jam tanpa kata sandi, dan kapasitasnya naik dari 1 Mb menjadi 60 Mb.",
                    "Akhmad Zaini, Kepala Perpustakaan, 2014",
                ),
                ("heading", "Penghargaan nasional"),
                (
                    "paragraph",
                    "<p>Pada 2014 perpustakaan ini dinilai sebagai perpustakaan paling inovatif "
                    "di antara 34 nominator dari seluruh Indonesia, setelah penilaian sejak Juli 2013 hingga "
                    "April 2014. Penghargaan diterima di Yogyakarta oleh Wakil Bupati Pamekasan, Khalil "
                    "Asy'ari.</p>",
                ),
                (
                    "table",
                    [
                        ["Tahun", "Capaian"],
                        ["2011", "Terpilih sebagai mitra program PerpuSeru"],
                        ["2013", "Seminar pemasaran digital untuk 200 perajin dan pengusaha batik"],
                        ["2014", "Penghargaan perpustakaan paling inovatif tingkat nasional"],
                        ["2014", "Lima perpustakaan desa mendapat 15 unit komputer dan internet"],
                    ],
                ),
            ],
        },
        "en": {
            "title": "About us",
            "slug": "about",
            "introduction": "A regency library that grew into a learning centre for its people: from the "
            "reading rooms on Jalan Jokotole to computers in village halls.",
            "search_description": "History, purpose, programmes and awards of Pamekasan Regency Public Library.",
            "body": [
                ("heading", "A house of learning in the heart of town"),
                (
                    "paragraph",
                    "<p>Pamekasan Regency Public Library occupies a two-storey building at "
                    "Jalan Jokotole No. 55. Besides the books and reading material people ask for, we offer "
                    "services built on information technology, so that everyone can learn in ways that fit "
                    "the times.</p>"
                    "<p>Five functions guide our work: research, education, preservation, information and "
                    "recreation, carried out with the Islamic values that are part of daily life in "
                    "Pamekasan.</p>",
                ),
                ("image", "building", "The library building at Jalan Jokotole No. 55 (illustration)."),
                ("heading", "Together with PerpuSeru"),
                (
                    "paragraph",
                    "<p>Since 2011, Coca-Cola Foundation Indonesia and the Bill &amp; Melinda "
                    "Gates Foundation have run the PerpuSeru programme to turn public libraries into "
                    "community learning centres built on information technology. Pamekasan was one of the "
                    "regency libraries chosen; across the country the programme works with 34 libraries in "
                    "16 provinces.</p>"
                    "<p>Through the programme our librarians received training and mentoring, and the "
                    "library began to run computer, internet and digital marketing courses for young "
                    "people, women and entrepreneurs.</p>",
                ),
                (
                    "quote",
                    "We opened the internet 24 hours a day with no password, and raised its capacity "
                    "from 1 Mb to 60 Mb.",
                    "Akhmad Zaini, head of the library, 2014",
                ),
                ("heading", "A national award"),
                (
                    "paragraph",
                    "<p>In 2014 the library was judged the most innovative among 34 nominees from "
                    "all over Indonesia, after an assessment that ran from July 2013 to April 2014. The "
                    "Deputy Regent of Pamekasan, Khalil Asy'ari, received the award in Yogyakarta.</p>",
                ),
                (
                    "table",
                    [
                        ["Year", "Milestone"],
                        ["2011", "Chosen as a partner library of the PerpuSeru programme"],
                        ["2013", "Digital marketing seminar for 200 batik makers and traders"],
                        ["2014", "National award as the most innovative library"],
                        ["2014", "Five village libraries receive 15 computers and internet access"],
                    ],
                ),
            ],
        },
    },
    "services": {
        "type": "standard",
        "id": {
            "title": "Layanan dan Keanggotaan",
            "slug": "layanan",
            "introduction": "Semua warga boleh membaca di tempat tanpa biaya. Dengan kartu anggota, buku "
            "bisa dibawa pulang.",
            "search_description": "Layanan Perpustakaan Umum Pamekasan dan cara menjadi anggota.",
            "body": [
                ("heading", "Layanan kami"),
                (
                    "paragraph",
                    "<ul><li>Ruang baca umum dan ruang baca anak</li>"
                    "<li>Peminjaman buku untuk anggota</li>"
                    "<li>Pojok internet dan Wi-Fi gratis</li>"
                    "<li>Koleksi muatan lokal Madura</li>"
                    "<li>Pelatihan komputer, internet, dan pemasaran digital</li>"
                    "<li>Pendampingan perpustakaan desa</li></ul>",
                ),
                ("heading", "Cara menjadi anggota"),
                (
                    "paragraph",
                    "<ol><li>Datang ke meja layanan dengan membawa KTP atau kartu pelajar.</li>"
                    "<li>Isi formulir pendaftaran dan serahkan satu pas foto.</li>"
                    "<li>Kartu anggota bisa langsung dipakai untuk meminjam buku.</li></ol>"
                    "<p>Pelajar dan rombongan sekolah juga dapat mengatur kunjungan bersama untuk mengenal "
                    "perpustakaan dan belajar membuat ringkasan bacaan.</p>",
                ),
                ("heading", "Perpustakaan desa"),
                (
                    "paragraph",
                    "<p>Bersama PerpuSeru, lima desa dipilih sebagai percontohan perpustakaan "
                    "desa berbasis teknologi informasi: Poto'an Dajah (Palengaan), Pagendingan dan Modung "
                    "(Galis), Bunder (Pademawu), serta Bajang (Pakong). Setiap desa menerima tiga komputer "
                    "dan jaringan internet.</p>",
                ),
                ("image", "village", "Perpustakaan desa membawa buku dan internet ke kampung (ilustrasi)."),
            ],
        },
        "en": {
            "title": "Services and membership",
            "slug": "services",
            "introduction": "Anyone may read in the library free of charge. With a membership card you can "
            "take books home.",
            "search_description": "Services of Pamekasan Public Library and how to become a member.",
            "body": [
                ("heading", "What we offer"),
                (
                    "paragraph",
                    "<ul><li>A general reading room and a children's reading room</li>"
                    "<li>Book loans for members</li>"
                    "<li>An internet corner and free Wi-Fi</li>"
                    "<li>The Madura local-content collection</li>"
                    "<li>Computer, internet and digital marketing courses</li>"
                    "<li>Support for village libraries</li></ul>",
                ),
                ("heading", "How to become a member"),
                (
                    "paragraph",
                    "<ol><li>Come to the service desk with your identity card (KTP) or student "
                    "card.</li><li>Fill in the registration form and hand in one passport photo.</li>"
                    "<li>Your card can be used to borrow books straight away.</li></ol>"
                    "<p>Schools can also arrange group visits, where pupils get to know the library and "
                    "practise summarising what they read.</p>",
                ),
                ("heading", "Village libraries"),
                (
                    "paragraph",
                    "<p>With PerpuSeru, five villages were chosen to pilot village libraries "
                    "built on information technology: Poto'an Dajah (Palengaan), Pagendingan and Modung "
                    "(Galis), Bunder (Pademawu) and Bajang (Pakong). Each village received three computers "
                    "and an internet connection.</p>",
                ),
                ("image", "village", "Village libraries bring books and the internet to the villages (illustration)."),
            ],
        },
    },
    "visit": {
        "type": "visit",
        "id": {
            "title": "Kunjungi Kami",
            "slug": "kunjungi",
            "introduction": "Perpustakaan berada di pusat kota Pamekasan, mudah dicapai dengan angkutan umum "
            "maupun kendaraan pribadi.",
            "search_description": "Alamat, jam buka dan fasilitas Perpustakaan Umum Kabupaten Pamekasan.",
            "facilities": [
                ("reading", "Ruang baca umum", "Di lantai dasar: rak terbuka, meja baca yang luas dan meja layanan."),
                (
                    "internet",
                    "Pojok internet",
                    "Komputer untuk umum dan Wi-Fi gratis tanpa kata sandi, menyala 24 jam dengan kecepatan 60 Mb.",
                ),
                ("children", "Pojok anak", "Buku bergambar dan dongeng untuk pembaca kecil, di lantai dasar."),
                (
                    "study",
                    "Aula dan ruang pelatihan",
                    "Di lantai 2, untuk pelatihan komputer, seminar dan pertemuan komunitas.",
                ),
                (
                    "accessibility",
                    "Aksesibilitas",
                    "Pintu masuk utama sejajar jalan. Petugas siap membantu Anda naik ke lantai 2.",
                ),
            ],
            "membership": "<p>Siapa saja boleh membaca di tempat tanpa mendaftar. Untuk meminjam buku, "
            "daftarlah sebagai anggota di meja layanan:</p><ul><li>bawa KTP, kartu pelajar atau kartu "
            "mahasiswa;</li><li>isi formulir pendaftaran;</li>"
            "<li>petugas akan memberi tahu kapan kartu Anda siap.</li></ul>"
            "<p>Rombongan sekolah dapat mengatur kunjungan bersama petugas agar para siswa sekaligus belajar "
            "cara mendaftar.</p>",
            "body": [
                ("heading", "Cara ke sini"),
                (
                    "paragraph",
                    "<p>Perpustakaan berada di Jl. Jokotole No. 55, di tengah kota Pamekasan. Tersedia tempat "
                    "parkir sepeda motor dan mobil di depan gedung.</p>",
                ),
            ],
        },
        "en": {
            "title": "Visit us",
            "slug": "visit",
            "introduction": "The library is in the centre of Pamekasan town, easy to reach by public "
            "transport or by car and motorbike.",
            "search_description": "Address, opening hours and facilities of Pamekasan Regency Public Library.",
            "facilities": [
                (
                    "reading",
                    "General reading room",
                    "On the ground floor: open shelves, large tables and the service desk.",
                ),
                (
                    "internet",
                    "Internet corner",
                    "Public computers and free Wi-Fi with no password, on around the clock at 60 Mb.",
                ),
                (
                    "children",
                    "Children's corner",
                    "Picture books and story times for young readers, on the ground floor.",
                ),
                (
                    "study",
                    "Hall and training room",
                    "On the first floor, for computer courses, seminars and community meetings.",
                ),
                (
                    "accessibility",
                    "Accessibility",
                    "The main entrance is level with the street. Staff will help you up to the first floor.",
                ),
            ],
            "membership": "<p>Anyone may read in the library without signing up. To borrow books, become a "
            "member at the service desk:</p><ul><li>bring your identity card (KTP) or a student card;</li>"
            "<li>fill in the registration form;</li><li>the staff will tell you when your card is ready.</li></ul>"
            "<p>Schools can arrange a group visit with our staff, so that pupils learn how to join at the "
            "same time.</p>",
            "body": [
                ("heading", "Getting here"),
                (
                    "paragraph",
                    "<p>The library is at Jl. Jokotole No. 55, in the centre of Pamekasan town. There is parking "
                    "for motorbikes and cars in front of the building.</p>",
                ),
            ],
        },
    },
}
