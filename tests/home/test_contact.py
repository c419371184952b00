import re
import smtplib
import time
from datetime import timedelta

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from home.forms import SIGNING_SALT
from home.models import FormField
from tests.factories import ContactPageFactory

# (field type, label id, label en, choices id, choices en)
FIELDS = [
    ("singleline", "Nama", "Name", "", ""),
    ("email", "E-mail", "E-mail", "", ""),
    ("dropdown", "Perihal", "Subject", "Pertanyaan umum\nKeanggotaan", "General question\nMembership"),
    ("multiline", "Pesan", "Message", "", ""),
]


@pytest.fixture
def contact(home, library, locale_en):
    library.contact_recipients = "layanan@perpustakaan.example, kepala@perpustakaan.example"
    library.save()
    page = ContactPageFactory(parent=home)
    for kind, label, _english, choices, _choices_en in FIELDS:
        page.form_fields.add(FormField(field_type=kind, label=label, choices=choices))
    page.save_revision().publish()
    translation = page.copy_for_translation(locale_en)
    translation.title, translation.slug = "Contact", "contact"
    translation.thank_you_text = "<p>We answer within two working days.</p>"
    fields = list(translation.form_fields.all())
    for field, (_kind, _label, label, _choices, choices) in zip(fields, FIELDS, strict=True):
        field.label, field.choices = label, choices
    translation.form_fields = fields
    translation.save_revision().publish()
    return page


def shown_at(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=SIGNING_SALT)


def message(**changes):
    data = {
        "nama": "Siti Aminah",
        "e_mail": "siti@example.com",
        "perihal": "Keanggotaan",
        "pesan": "Apakah pelajar SMP boleh menjadi anggota?",
        "your-website": "",
        "shown-at": shown_at(),
    }
    return {**data, **changes}


def english(**changes):
    return message(perihal="Membership", pesan="Can secondary school pupils become members?", **changes)


def test_contact_page_renders_in_both_languages(client, contact):
    indonesian = client.get("/id/kontak/")
    assert indonesian.status_code == 200
    assert '<label for="id_nama">Nama</label>' in indonesian.text
    assert "Kirim pesan" in indonesian.text
    assert "Biarkan kolom ini kosong" in indonesian.text
    assert "(0324) 322 001" in indonesian.text

    english_page = client.get("/en/contact/")
    assert english_page.status_code == 200
    assert '<label for="id_nama">Name</label>' in english_page.text
    assert "Send message" in english_page.text
    assert "Leave this field empty" in english_page.text
    assert '<option value="Membership">Membership</option>' in english_page.text


def test_message_is_stored_mailed_and_thanked_for(client, contact):
    page = client.get("/id/kontak/")
    token = re.search(r'name="shown-at" value="([^"]+)"', page.text)[1]
    with time_machine.travel(timezone.now() + timedelta(seconds=20)):
        response = client.post("/id/kontak/", message(**{"shown-at": token}))

    assert response.status_code == 200
    assert "Terima kasih, pesan Anda sudah kami terima." in response.text
    assert "Petugas kami membalas" in response.text
    submission = FormSubmission.objects.get(page=contact)
    assert submission.form_data["nama"] == "Siti Aminah"
    assert submission.form_data["pesan"] == "Apakah pelajar SMP boleh menjadi anggota?"
    assert set(submission.form_data) == {"nama", "e_mail", "perihal", "pesan"}

    [email] = mail.outbox
    assert email.to == ["layanan@perpustakaan.example", "kepala@perpustakaan.example"]
    assert email.from_email == "webmaster@localhost"
    assert email.reply_to == ["siti@example.com"]
    assert "Nama:\nSiti Aminah" in email.body
    assert "Perihal:\nKeanggotaan" in email.body
    assert "Apakah pelajar SMP boleh menjadi anggota?" in email.body
    assert f"http://testserver/admin/forms/submissions/{contact.pk}/" in email.body


def test_english_message_is_thanked_for_in_english(client, contact, locale_en):
    response = client.post("/en/contact/", english())
    assert response.status_code == 200
    assert "Thank you, we have received your message." in response.text
    assert "We answer within two working days." in response.text
    submission = FormSubmission.objects.get(page=contact.get_translation(locale_en))
    # Stored under the same names as Indonesian messages, whatever the labels say.
    assert submission.form_data["perihal"] == "Membership"
    assert "Subject:\nMembership" in mail.outbox[0].body


@pytest.mark.parametrize(
    "path, data, expected",
    [
        ("/id/kontak/", message(nama="", e_mail="bukan-email"), ["Kolom ini harus diisi.", "Masukkan alamat email"]),
        ("/en/contact/", english(nama="", e_mail="not-an"), ["This field is required.", "Enter a valid email"]),
    ],
)
def test_errors_are_shown_in_the_visitors_language_with_the_input_kept(client, contact, path, data, expected):
    response = client.post(path, data)
    assert response.status_code == 200
    assert 'class="error-summary"' in response.text
    words = " ".join(response.text.split())
    for text in expected:
        assert text in words
    assert 'href="#id_nama"' in response.text
    assert 'aria-describedby="id_nama_error"' in response.text
    assert data["pesan"] in response.text
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_a_filled_honeypot_is_dropped_without_telling_the_bot(client, contact):
    response = client.post("/id/kontak/", message(**{"your-website": "https://spam.example"}))
    assert response.status_code == 200
    assert "Terima kasih, pesan Anda sudah kami terima." in response.text
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "path, token, expected",
    [
        ("/id/kontak/", lambda: shown_at(seconds_ago=0), "Formulir terkirim terlalu cepat."),
        ("/en/contact/", lambda: shown_at(seconds_ago=1), "The form was sent too quickly."),
        ("/id/kontak/", lambda: shown_at() + "x", "Formulir ini sudah kedaluwarsa."),
        ("/en/contact/", lambda: "", "This form has expired."),
        ("/en/contact/", lambda: "not-a-token\x00", "This form has expired."),
    ],
)
def test_a_form_sent_too_fast_or_with_a_bad_token_is_shown_again(client, contact, path, token, expected):
    data = message if path.startswith("/id/") else english
    response = client.post(path, data(**{"shown-at": token()}))
    assert response.status_code == 200
    assert expected in response.text
    assert 'value="Siti Aminah"' in response.text
    assert not FormSubmission.objects.exists()


def test_a_token_older_than_a_day_has_expired(client, contact):
    with time_machine.travel(timezone.now() - timedelta(days=2)):
        token = shown_at()
    response = client.post("/id/kontak/", message(**{"shown-at": token}))
    assert "Formulir ini sudah kedaluwarsa." in response.text
    assert not FormSubmission.objects.exists()


def test_posts_from_one_address_are_limited(client, contact):
    for _ in range(5):
        assert client.post("/id/kontak/", message()).status_code == 200
    response = client.post("/id/kontak/", message())
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    assert "Terlalu banyak pesan" in response.text
    assert "(0324) 322 001" in response.text
    assert FormSubmission.objects.count() == 5
    # Reading the page is not limited, and another address may still write.
    assert client.get("/id/kontak/").status_code == 200
    assert client.post("/id/kontak/", message(), REMOTE_ADDR="203.0.113.9").status_code == 200


class DownMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


def test_the_message_is_kept_when_the_mail_server_is_down(client, contact, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.DownMailServer"
    response = client.post("/id/kontak/", message())
    assert response.status_code == 200
    assert "Terima kasih, pesan Anda sudah kami terima." in response.text
    assert FormSubmission.objects.get(page=contact).form_data["nama"] == "Siti Aminah"
    assert "could not be e-mailed" in caplog.text


def test_without_recipients_the_message_is_kept_in_the_admin_only(client, contact, library):
    library.contact_recipients = ""
    library.save()
    assert client.post("/id/kontak/", message()).status_code == 200
    assert FormSubmission.objects.filter(page=contact).exists()
    assert not mail.outbox


def test_odd_query_strings_show_the_form(client, contact):
    response = client.get("/id/kontak/?nama=%3Cscript%3E&%ff=%00&page=-1")
    assert response.status_code == 200
    assert "<script>" not in response.text


@pytest.mark.parametrize(
    "body",
    [
        "nama=Siti%00Aminah&e_mail=siti%40example.com&perihal=Keanggotaan&pesan=Halo%00",
        "nama=" + "a" * 10_000 + "&e_mail=siti%40example.com&perihal=Keanggotaan&pesan=" + "b" * 10_000,
        b"nama=\xff\xfe&e_mail=\xc3\x28&perihal=\xe2\x82&pesan=\xf0\x28\x8c\x28&shown-at=\xff",
        "perihal=Tidak+ada+pilihan+ini&e_mail=" + "x" * 10_000 + "%40example.com",
    ],
)
def test_garbage_posts_never_give_a_server_error(client, contact, body):
    response = client.post("/id/kontak/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert 'class="error-summary"' in response.text
    assert not FormSubmission.objects.exists()


def test_editors_see_the_messages_in_the_admin(client, contact):
    client.post("/id/kontak/", message())
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "password")
    client.force_login(admin)
    response = client.get(reverse("wagtailforms:list_submissions", args=[contact.pk]))
    assert response.status_code == 200
    assert "Siti Aminah" in response.text
    assert client.get(reverse("wagtailforms:index")).status_code == 200
