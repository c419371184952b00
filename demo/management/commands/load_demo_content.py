from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import DemoLoader
from home.models import HomePage


class Command(BaseCommand):
    help = "Builds the demo library site in Indonesian and English. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has a home page (used by 'make run').",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("The site already has content; demo content not loaded.")
            return
        with transaction.atomic():
            DemoLoader(log=self.stdout.write).build()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
