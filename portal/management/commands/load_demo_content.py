from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = "Builds the demo library site in Indonesian and English. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            DemoBuilder(log=self.stdout.write).build()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
