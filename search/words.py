"""The words of the site's pages, for searches on PostgreSQL: a misspelt word ("perpustkaan") is
replaced by the page word it most resembles ("perpustakaan"), found with pg_trgm in the list of
words, and the pages are then searched with the index like any word. Comparing the misspelt word
with the text of every page instead took seconds at 10,000 pages.

The list grows with each page published (its words are added) and is made again whole by
`manage.py update_search_words` (after `update_index`, from cron, and by the demo's commands);
a search that finds it empty makes it first. Other databases have no such search."""

from django.db import connection, transaction

from wagtail.search.models import IndexEntry
from wagtail.signals import page_published

from .models import Word

# The words of the search index's entries (all of them, or one) as written, without stemming.
ENTRY_WORDS = (
    "SELECT word FROM ts_stat($$SELECT to_tsvector('simple', title_text || ' ' || body_text) "
    f"FROM {IndexEntry._meta.db_table}{{where}}$$)"
)
INSERT = f"INSERT INTO {Word._meta.db_table} (word) {{select}} ON CONFLICT DO NOTHING"


def available():
    return connection.vendor == "postgresql"


def update_all():
    """The list made again from the whole search index."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Word._meta.db_table}")
        cursor.execute(INSERT.format(select=ENTRY_WORDS.format(where="")))


def add_words_of(page):
    """The words of one page's entry in the search index added to the list."""
    where = f" WHERE object_id = '{int(page.pk)}' AND content_type_id = {int(page.content_type_id)}"
    with connection.cursor() as cursor:
        cursor.execute(INSERT.format(select=ENTRY_WORDS.format(where=where)))


def page_published_handler(sender, instance, **kwargs):
    if available():
        # Once committed: the page's entry in the search index is written by then.
        transaction.on_commit(lambda: add_words_of(instance))


def connect_signals():
    page_published.connect(page_published_handler, dispatch_uid="search_words_published")


def corrected(words):
    """The words, each unknown one replaced by the page word it most resembles; None when no word
    could be replaced (or the database cannot compare words)."""
    if not available():
        return None
    if not Word.objects.exists():
        update_all()
    known = set(Word.objects.filter(word__in=[word.casefold() for word in words]).values_list("word", flat=True))
    result, changed = [], False
    with connection.cursor() as cursor:
        for word in words:
            if word.casefold() in known:
                result.append(word)
                continue
            cursor.execute(
                f"SELECT word FROM {Word._meta.db_table} WHERE word %% %s ORDER BY word <-> %s LIMIT 1",
                [word.casefold(), word.casefold()],
            )
            row = cursor.fetchone()
            result.append(row[0] if row else word)
            changed = changed or row is not None
    return result if changed else None
