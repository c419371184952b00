from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ops import backups


class Command(BaseCommand):
    help = (
        "Writes one dated archive (backup-YYYY-MM-DDTHHMM.tar.gz) with the database and the media files "
        "(original images and documents; renditions are made again when needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=settings.BASE_DIR / "backups",
            help="Folder for the archive (created when missing). Default: backups/ in the project.",
        )

    def handle(self, *args, output, **options):
        archive = backups.create(output, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {archive.resolve()}"))
