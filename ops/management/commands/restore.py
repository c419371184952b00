import json

from django.core.management.base import BaseCommand, CommandError

from ops import backups, restoring


class Command(BaseCommand):
    help = (
        "Puts a backup archive back: replaces the database's content with the archive's and restores "
        "the media files, then compares the archive's counts with the ones found."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A backup-....tar.gz written by `manage.py backup`.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes, **options):
        with restoring.open_backup(archive) as backup:
            manifest = backup.manifest
            self.stdout.write(
                f"Archive {backup.path}: made {manifest.get('created')} on {manifest['database']['vendor']} "
                f"(Django {manifest.get('versions', {}).get('django')}, "
                f"Wagtail {manifest.get('versions', {}).get('wagtail')})."
            )
            for line in backups.count_table(manifest["counts"], backups.counts_now(), mark_differences=False):
                self.stdout.write("  " + line)
            if not yes:
                self.confirm()
            self.stdout.write("Restoring the database...")
            restoring.restore_database(backup)
            if not manifest.get("media_included", True):
                self.stdout.write("The archive holds no media files (they were in a bucket): restore the bucket apart.")
            elif not backups.media_on_disk():
                self.stdout.write(
                    self.style.WARNING(
                        "This site keeps uploads in a bucket: copy the archive's media/ folder there yourself."
                    )
                )
            else:
                self.stdout.write("Restoring the media files...")
                restoring.restore_media(backup, log=self.stdout.write)
            found = backups.counts()
            self.stdout.write("Counts in the archive and found now:")
            for line in backups.count_table(manifest["counts"], found):
                self.stdout.write("  " + line)
            for line in restoring.migration_warnings():
                self.stdout.write(self.style.WARNING(line))
            if manifest.get("missing_files"):
                self.stdout.write(
                    self.style.WARNING(
                        "Files that were already missing when the backup was made: "
                        + json.dumps(manifest["missing_files"])
                    )
                )
            if found != manifest["counts"]:
                self.stdout.write(self.style.WARNING("The counts differ: check the site before using it."))
            self.stdout.write(self.style.SUCCESS(f"Restored {backup.path}."))

    def confirm(self):
        self.stdout.write(
            "This replaces everything in the database (the 'now' column above) and the media files of the "
            "same name with the archive's content."
        )
        try:
            answer = input("Type 'yes' to restore: ")
        except EOFError:
            answer = ""
        if answer.strip().lower() != "yes":
            raise CommandError("Restore cancelled; nothing was changed.")
