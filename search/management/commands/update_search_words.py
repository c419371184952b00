from django.core.management.base import BaseCommand

from portal.textsearch import refresh_statistics
from search import words


class Command(BaseCommand):
    help = (
        "Makes again the list of page words that misspelt searches are compared with (PostgreSQL; after "
        "update_index). On SQLite, brings the statistics the search's queries are planned with up to date."
    )

    def handle(self, *args, **options):
        refresh_statistics()
        if not words.available():
            self.stdout.write("Only PostgreSQL compares misspelt words: nothing to do.")
            return
        words.update_all()
        self.stdout.write(f"{words.Word.objects.count()} words.")
