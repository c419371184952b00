from django.core.management.base import BaseCommand

from search import words


class Command(BaseCommand):
    help = (
        "Makes again the list of page words that misspelt searches are compared with (PostgreSQL; after update_index)."
    )

    def handle(self, *args, **options):
        if not words.available():
            self.stdout.write("Only PostgreSQL compares misspelt words: nothing to do.")
            return
        words.update_all()
        self.stdout.write(f"{words.Word.objects.count()} words.")
