"""The demo site built once per test process and put back for each module that asks for it.

`load_demo_content` takes 15-30 s; a module's demo is built in a transaction rolled back at its
end, so a dozen modules built it a dozen times on each database. Here the first build's rows are
copied out of every table before its rollback, and later modules get them back in their own
transaction in a second or two: the same rows, ids and files (uploads stay in the run's MEDIA_ROOT)."""

import contextlib
import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

_rows = {}
BUILT_ON = "built on"  # beside the tables' rows: the day the demo was built
_media = Path(tempfile.mkdtemp(prefix="portal-test-demo-media-"))


def _tables(cursor):
    """Every table the site writes, without SQLite's own and the shadow tables of its full-text
    index (written by SQLite as rows of the index go in)."""
    names = connection.introspection.table_names(cursor)
    if connection.vendor != "sqlite":
        return names
    cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
    virtual = [name for (name,) in cursor.fetchall()]
    return [
        name
        for name in names
        if not name.startswith("sqlite_") and not any(name.startswith(f"{table}_") for table in virtual)
    ]


def _copy_out(cursor):
    rows = {}
    for table in _tables(cursor):
        quoted = connection.ops.quote_name(table)
        if connection.vendor == "postgresql":
            # COPY's text form gives back every type as it was (tsvector, jsonb, arrays).
            with cursor.cursor.copy(f"COPY {quoted} TO STDOUT") as copy:
                rows[table] = b"".join(bytes(block) for block in copy)
        else:
            cursor.execute(f"SELECT * FROM {quoted}")
            # Dates, times and decimals come back parsed; their str() is how Django stored them.
            rows[table] = [tuple(_stored(value) for value in row) for row in cursor.fetchall()]
    return rows


def _stored(value):
    return value if value is None or isinstance(value, str | int | float | bytes) else str(value)


def _copy_in(cursor, rows):
    if connection.vendor == "sqlite":
        # Rows go in table by table: their links are checked once all are back.
        cursor.execute("PRAGMA defer_foreign_keys = ON")
    for table, content in rows.items():
        quoted = connection.ops.quote_name(table)
        cursor.execute(f"DELETE FROM {quoted}")
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quoted} FROM STDIN") as copy:
                copy.write(content)
        elif content:
            marks = ", ".join(["%s"] * len(content[0]))
            cursor.executemany(f"INSERT INTO {quoted} VALUES ({marks})", content)
    if connection.vendor == "sqlite":
        cursor.execute("PRAGMA defer_foreign_keys = OFF")
    if connection.vendor == "postgresql":
        # Ids go on from the highest one put back (a transactional test's flush resets sequences).
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND (is_identity = 'YES' OR column_default LIKE 'nextval%%')"
        )
        for table, column in cursor.fetchall():
            if table in rows:
                quoted, field = connection.ops.quote_name(table), connection.ops.quote_name(column)
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({field}), 0) + 1, false)"
                    f" FROM {quoted}",
                    [quoted, column],
                )


def load_demo():
    """The demo site: built the first time, put back afterwards, with its files (a test may have
    emptied MEDIA_ROOT). Its events are dated from the day it is built: a test whose clock is
    elsewhere (time_machine) gets a demo built on its day, and the next one on today's again."""
    today = timezone.localdate()
    if _rows and _rows.get(BUILT_ON) == today:
        shutil.copytree(_media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        with transaction.atomic(), connection.cursor() as cursor:
            _copy_in(cursor, {table: rows for table, rows in _rows.items() if table != BUILT_ON})
        return
    call_command("load_demo_content", stdout=StringIO())
    shutil.copytree(settings.MEDIA_ROOT, _media, dirs_exist_ok=True)
    with connection.cursor() as cursor:
        _rows.clear()
        _rows.update(_copy_out(cursor), **{BUILT_ON: today})


@contextlib.contextmanager
def kept_for_module(django_db_blocker):
    """For a module's fixture: what it builds stays for the module's tests, in a transaction rolled
    back at the end (each test's own changes roll back to it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextlib.contextmanager
def demo_in_transaction(django_db_blocker):
    """For a module's fixture: the demo site in a transaction rolled back at the end."""
    with kept_for_module(django_db_blocker):
        load_demo()
        yield
