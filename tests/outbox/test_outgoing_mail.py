"""Mail the site sends waits in the outbox while the mail server is down, and nothing is lost: a
real SMTP server (aiosmtpd) the test starts on a port, and the same port with nothing listening.
Staff see what has not gone out, in Indonesian, and send it again; cron's `send_queued_mail`
tries again by itself."""

import contextlib
import re
import time
from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from post_office.models import STATUS, Email

from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from bench.stack import free_port
from home.forms import SIGNING_SALT
from outbox.views import SEND_AT_ONCE
from tests.editorial.conftest import signed_in

# `send_queued_mail` closes the database connection after each batch, as a cron job may: no test
# transaction around it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECIPIENT = "layanan@perpustakaan.example"
QUESTION = "Apakah perpustakaan buka pada hari Minggu?"


class Inbox:
    """aiosmtpd's handler: keeps every message the server accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's naming)
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@contextlib.contextmanager
def mail_server(port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_port(settings):
    """The production e-mail settings for a mail server on this port (nothing listens yet)."""
    port = free_port()
    settings.EMAIL_BACKEND = "post_office.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    return port


@pytest.fixture
def message_sent(client, contact_page, library, smtp_port):
    """A visitor sends the contact form while the mail server is down."""
    library.contact_recipients = RECIPIENT
    library.save()
    shown_at = signing.dumps(time.time() - 60, salt=SIGNING_SALT)
    response = client.post("/id/kontak/", {"pesan": QUESTION, "your-website": "", "shown-at": shown_at})
    assert response.status_code == 200 and "Terima kasih" in response.text
    call_command("send_queued_mail", verbosity=0)  # cron's run: the server refuses the connection
    return Email.objects.get()


@pytest.fixture
def moderator_client(client, django_user_model):
    return signed_in(client, django_user_model, "Moderators", "penyunting")


REPORT = reverse("outbox_undelivered")


def test_nothing_is_lost_while_the_mail_server_is_down(message_sent, smtp_port, moderator_client):
    # The visitor's message is in the admin's Forms, and its e-mail waits for the next try.
    assert QUESTION in FormSubmission.objects.get().form_data["pesan"]
    assert message_sent.status == STATUS.requeued and message_sent.to == [RECIPIENT]

    # A moderator, in Indonesian: the report says what is waiting, to whom, and why.
    html = moderator_client.get(REPORT).text
    assert "Surel keluar" in html and RECIPIENT in html and "Akan dicoba lagi" in html
    assert "Connection refused" in html
    assert "Kirim ulang semua sekarang" in html
    assert "E-mail not delivered" not in html and "Outgoing e-mail" not in html

    # Still down: sending again says so, and the message stays.
    response = moderator_client.post(reverse("outbox_send_again"), follow=True)
    assert "Server surel masih menolak pesan: 1 pesan menunggu" in response.text
    assert Email.objects.get().status == STATUS.queued  # for cron, a minute later
    assert "Menunggu dikirim" in response.text and "1 pesan" in response.text and "Email" not in response.text
    assert re.search(r"<td[^>]*>\s*2\s*</td>", response.text)  # failed tries: cron's and this one

    # Back: the moderator sends it again, and it reaches the library's inbox.
    with mail_server(smtp_port) as inbox:
        response = moderator_client.post(reverse("outbox_send_again"), follow=True)
    assert "1 pesan terkirim." in response.text
    assert "Semua pesan sudah terkirim." in response.text
    (received,) = inbox.messages
    assert received.rcpt_tos == [RECIPIENT] and QUESTION in received.content.decode()
    assert Email.objects.get().status == STATUS.sent


def test_cron_sends_it_once_the_mail_server_is_back(message_sent, smtp_port):
    with mail_server(smtp_port) as inbox:
        call_command("send_queued_mail", verbosity=0)
        assert inbox.messages == []  # not before its next try, 10 minutes on
        with time_machine.travel(timezone.now() + timedelta(minutes=11)):
            call_command("send_queued_mail", verbosity=0)
    (received,) = inbox.messages
    assert received.rcpt_tos == [RECIPIENT]
    assert Email.objects.get().status == STATUS.sent


def test_the_dashboard_warns_of_mail_that_is_late(message_sent, moderator_client):
    assert "Surel tidak terkirim" not in moderator_client.get("/admin/").text  # just written
    with time_machine.travel(timezone.now() + timedelta(minutes=20)):
        html = moderator_client.get("/admin/").text
    assert "Surel tidak terkirim" in html and "1 pesan dari situs belum sampai" in html
    assert REPORT in html


def test_editors_do_not_see_visitors_messages(message_sent, client, django_user_model):
    editor = signed_in(client, django_user_model, "Editors", "penulis")
    assert editor.get(REPORT).status_code in (302, 403)
    assert editor.post(reverse("outbox_send_again")).status_code in (302, 403)
    assert Email.objects.get().status == STATUS.requeued
    assert "Surel tidak terkirim" not in editor.get("/admin/").text


def test_many_messages_go_partly_at_once_and_the_rest_with_cron(message_sent, smtp_port, moderator_client):
    for number in range(SEND_AT_ONCE + 4):
        Email.objects.create(
            from_email="pustaka@example.id", to=[RECIPIENT], subject=f"Pesan {number}", status=STATUS.failed
        )
    with mail_server(smtp_port) as inbox:
        response = moderator_client.post(reverse("outbox_send_again"), follow=True)
        assert f"{SEND_AT_ONCE} pesan terkirim." in response.text
        assert "5 pesan lagi dikirim" in response.text
        assert len(inbox.messages) == SEND_AT_ONCE
        call_command("send_queued_mail", verbosity=0)
        assert len(inbox.messages) == SEND_AT_ONCE + 5
    assert not Email.objects.exclude(status=STATUS.sent).exists()
