from django.core.management.base import BaseCommand, CommandError

from spamguard.published import SiteScan


class Command(BaseCommand):
    help = (
        "Scans everything published (pages, snippets, settings, documents) for online-gambling spam "
        "and links to outside domains not on the allowlist; prints each finding and exits with 1 "
        "when there is any, 0 when the site is clean (silently with -v 0). For cron."
    )

    def handle(self, *args, **options):
        found = SiteScan().findings()
        for finding in found:
            where = f"{finding.type_label} “{finding.title}”"
            self.stdout.write(f"{where} | {finding.field_label} | {finding.what} | {finding.edit_url}")
        if found:
            raise CommandError(f"{len(found)} finding(s) of possible spam.")
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("No spam found."))
