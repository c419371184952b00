from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from registrations.models import Registration


class Command(BaseCommand):
    help = (
        "Deletes the personal data of registrations REGISTRATION_RETENTION_DAYS days after their event "
        "(Indonesia's personal data protection law, UU 27/2022): name, e-mail, answers and cancel link go; "
        "the status and attendance stay, so the counts of who registered and who came remain."
    )

    def handle(self, *args, **options):
        before = timezone.now() - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
        ended = Q(event__end__lt=before) | Q(event__end=None, event__start__lt=before)
        purged = Registration.objects.filter(ended, purged_at=None).update(
            name="", email="", answers={}, token=None, purged_at=timezone.now()
        )
        self.stdout.write(f"Registrations made anonymous: {purged}")
