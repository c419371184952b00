"""Text searches on PostgreSQL through the text-search indexes (search/migrations/0001_initial.py,
0002_page_id_as_text_index.py), for the site search and the collection's own."""

import contextlib

from django.db import connection

SET_PLANNER = "SELECT set_config('enable_seqscan', %s, false), set_config('cpu_operator_cost', %s, false)"


@contextlib.contextmanager
def preferring_indexes():
    """On PostgreSQL, queries that use the text-search indexes rather than reading the whole
    index table: the planner underrates matching each entry's whole text (Wagtail's backend
    joins title and body for each entry, which costs far more than the one operator the planner
    counts), so it reads the table, or another index and then every entry's text, when a word is on
    most pages. Counting a word on 11,000 of 17,000 entries took 90 ms reading the table, 58 ms
    through the index of content types, 25-33 ms through the text-search index. Elsewhere, nothing
    changes."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        # For this connection until set back: one query each way, with or without a transaction.
        cursor.execute(SET_PLANNER, ["off", "0.05"])  # default: on, 0.0025
        try:
            yield
        finally:
            cursor.execute(SET_PLANNER, ["on", "0.0025"])


def refresh_statistics():
    """SQLite plans with table statistics that only ANALYZE gathers, never by itself: without them a
    search among 5,000 collection items probed the text index once per item (90 ms) rather than
    reading its matches (6 ms). PostgreSQL's autovacuum keeps its own up to date."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
