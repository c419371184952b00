"""The reminder the day before (once per person, whatever cron does) and the deletion of personal
data REGISTRATION_RETENTION_DAYS after the event, the counts kept."""

from datetime import datetime, time, timedelta
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from registrations.models import Registration
from tests.registrations.conftest import register, register_url

pytestmark = pytest.mark.django_db


def run(command):
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def move_event(page, start):
    type(page).objects.filter(translation_key=page.translation_key).update(start=start)


def test_the_reminder_goes_the_day_before_once_in_each_language(client, event, event_en):
    register(client, event, "id", name="Satu", email="satu@example.com")
    register(client, event_en, "en", name="Two", email="two@example.com")
    register(client, event_en, "en", name="Waiting", email="wait@example.com")  # on the waitlist
    register(client, event, "id", name="Tanpa surel", email="")
    mail.outbox.clear()
    assert "Reminders sent: 0" in run("send_event_reminders")  # a week away

    tomorrow = timezone.localdate() + timedelta(days=1)
    move_event(event, timezone.make_aware(datetime.combine(tomorrow, time(9))))
    assert "Reminders sent: 2" in run("send_event_reminders")
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    with translation.override("id"):
        indonesian = translation.gettext("Tomorrow: %(title)s") % {"title": "Pelatihan Internet"}
    assert subjects == {"two@example.com": "Tomorrow: Internet training", "satu@example.com": indonesian}

    assert "Reminders sent: 0" in run("send_event_reminders")
    assert len(mail.outbox) == 2
    assert Registration.objects.exclude(reminded_at=None).count() == 2


def test_personal_data_is_deleted_after_the_retention_days_counts_kept(client, event, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    register(client, event, "id", name="Satu", email="satu@example.com")
    register(client, event, "id", name="Dua", email="dua@example.com")
    Registration.objects.filter(name="Satu").update(attended=True)
    token = Registration.objects.get(name="Dua").token

    move_event(event, timezone.now() - timedelta(days=29))
    assert "anonymous: 0" in run("purge_registrations")

    move_event(event, timezone.now() - timedelta(days=31))
    assert "anonymous: 2" in run("purge_registrations")
    assert list(Registration.objects.values_list("name", "email", "answers", "token")) == [("", "", {}, None)] * 2
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2
    assert Registration.objects.filter(event=event, attended=True).count() == 1
    assert client.get(f"/id/registration/{token}/cancel/").status_code == 404
    assert "anonymous: 0" in run("purge_registrations")


def test_the_form_says_how_long_data_is_kept(client, event_en, settings):
    settings.REGISTRATION_RETENTION_DAYS = 45
    assert "deleted 45 days after it" in client.get(register_url(event_en, "en")).text
