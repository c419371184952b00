from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from registrations import mail
from registrations.models import Registration


class Command(BaseCommand):
    help = (
        "E-mails a reminder to everyone with a seat at tomorrow's events (Asia/Jakarta days). Each "
        "reminder is recorded on its registration, so running it again sends nothing twice."
    )

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + timedelta(days=1)
        start = timezone.make_aware(datetime.combine(tomorrow, time.min))
        due = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminded_at=None,
            event__start__gte=start,
            event__start__lt=start + timedelta(days=1),
            event__live=True,
        ).exclude(email="")
        sent = 0
        for registration in due.select_related("event"):
            mail.send(registration, "reminder")
            registration.reminded_at = timezone.now()
            registration.save(update_fields=["reminded_at"])
            sent += 1
        self.stdout.write(f"Reminders sent: {sent}")
