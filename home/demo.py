"""Demo contact page, in both languages, with the questions visitors ask the library most."""

from .models import ContactPage, FormField

WORDS = {
    "id": {
        "title": "Kontak",
        "slug": "kontak",
        "introduction": "Punya pertanyaan tentang keanggotaan, kunjungan rombongan sekolah atau sumbangan buku? "
        "Kirimkan pesan kepada kami.",
        "search_description": "Kirim pesan kepada Perpustakaan Umum Kabupaten Pamekasan.",
        "thank_you_text": "<p>Petugas kami membalas melalui e-mail dalam dua hari kerja. Untuk hal yang mendesak, "
        "silakan telepon kami pada jam buka.</p>",
    },
    "en": {
        "title": "Contact",
        "slug": "contact",
        "introduction": "A question about membership, a visit by a school group or a donation of books? "
        "Send us a message.",
        "search_description": "Send a message to Pamekasan Regency Public Library.",
        "thank_you_text": "<p>Our staff answer by e-mail within two working days. For anything urgent, please "
        "call us during opening hours.</p>",
    },
}

# (field type, label id, label en, choices id, choices en)
FIELDS = [
    ("singleline", "Nama", "Name", "", ""),
    ("email", "E-mail", "E-mail", "", ""),
    (
        "dropdown",
        "Perihal",
        "Subject",
        "Pertanyaan umum\nKeanggotaan\nKunjungan rombongan sekolah\nSumbangan buku",
        "General question\nMembership\nVisit by a school group\nDonation of books",
    ),
    ("multiline", "Pesan", "Message", "", ""),
]


def build(builder, home):
    page = home.get_children().filter(slug=WORDS["id"]["slug"]).specific().first()
    if page is None:
        page = ContactPage(locale=builder.id, show_in_menus=True, **WORDS["id"])
        for kind, label, _english, choices, _choices_en in FIELDS:
            page.form_fields.add(FormField(field_type=kind, label=label, choices=choices))
        page = home.add_child(instance=page)
        page.save_revision().publish()
        builder.log(f"Page {page.title} (id): created")
    if page.get_translation_or_none(builder.en) is None:
        translation = builder.english_copy(page)
        for field, value in WORDS["en"].items():
            setattr(translation, field, value)
        # The copied fields keep their names, so answers in both languages are stored alike.
        fields = list(translation.form_fields.all())
        for field, (_kind, _label, label, _choices, choices) in zip(fields, FIELDS, strict=True):
            field.label, field.choices = label, choices
        translation.form_fields = fields
        translation.save_revision().publish()
        builder.log(f"Page {translation.title} (en): created")
    return page
