"""The database's copy in a backup archive, per vendor: SQLite's backup API or PostgreSQL's pg_dump
and pg_restore. Making one, checking one read from an archive, and putting one in place of the
configured database's content. Rows of the image renditions are left out (ops/backups.py)."""

import os
import shutil
import sqlite3
import subprocess

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from wagtail.images import get_image_model

DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
COMMAND_TIMEOUT = 6 * 60 * 60  # a dump or restore that takes longer than this has hung
LOCK_WAIT, LOCK_SLEEP = 60, 0.25  # seconds an SQLite copy waits for other connections' writes


def connection():
    return connections[DEFAULT_DB_ALIAS]


def vendor():
    vendor = connection().vendor
    if vendor not in DATABASE_FILES:
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def program(name):
    """The path of a PostgreSQL client program, or a CommandError saying how to install it."""
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            f"{name} was not found on this machine. It comes with PostgreSQL's client programs: "
            f"on Debian or Ubuntu, `apt-get install postgresql-client` (the same major version as the server)."
        )
    return path


def postgres_command(name, settings_dict):
    """Arguments and environment to run pg_dump or pg_restore against the configured database."""
    arguments = [program(name)]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments += [option, str(settings_dict[key])]
    arguments += ["--dbname", settings_dict["NAME"]]
    environment = {**os.environ}
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"), ("passfile", "PGPASSFILE")):
        if settings_dict.get("OPTIONS", {}).get(option):
            environment[variable] = str(settings_dict["OPTIONS"][option])
    return arguments, environment


def run(arguments, environment, what):
    try:
        subprocess.run(arguments, env=environment, check=True, capture_output=True, timeout=COMMAND_TIMEOUT)
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode(errors="replace").strip() or f"exit status {error.returncode}"
        raise CommandError(f"{what} failed: {message}") from None
    except subprocess.TimeoutExpired:
        raise CommandError(f"{what} did not finish within {COMMAND_TIMEOUT // 3600} hours.") from None


def outside_transaction(what):
    if connection().in_atomic_block:
        raise CommandError(f"The {what} cannot run inside a database transaction: it would wait for its own locks.")


def lock_timeout():
    """A progress callback for SQLite's backup API, which otherwise retries a locked database for
    ever: the copy is abandoned after waiting LOCK_WAIT seconds for other connections' writes."""
    waited = 0.0

    def progress(status, remaining, total):
        nonlocal waited
        if status not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            waited = 0.0
            return
        waited += LOCK_SLEEP
        if waited > LOCK_WAIT:
            raise CommandError(f"The SQLite database stayed locked by another connection for {LOCK_WAIT} s.")

    return progress


def dump_database(target):
    """Writes the configured database into the file `target`, without the renditions' rows."""
    table = get_image_model().get_rendition_model()._meta.db_table
    if vendor() == "postgresql":
        arguments, environment = postgres_command("pg_dump", connection().settings_dict)
        arguments += ["--format=custom", "--no-owner", f"--exclude-table-data={table}", "--file", str(target)]
        run(arguments, environment, "pg_dump")
        return
    outside_transaction("backup")
    connection().ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection().connection.backup(copy, progress=lock_timeout(), sleep=LOCK_SLEEP)
        copy.execute(f'DELETE FROM "{table}"')  # noqa: S608 - a model's table name
        copy.commit()
    finally:
        copy.close()


def database_problem(vendor, database, archive):
    """Why the database file `database`, read from `archive`, is not one to restore, or None."""
    if vendor == "postgresql":
        arguments = [program("pg_restore"), "--list", str(database)]
        run(arguments, {**os.environ}, f"Reading {database.name} from {archive}")
        return None
    try:
        copy = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            (result,) = copy.execute("PRAGMA quick_check").fetchone()
            copy.execute("SELECT count(*) FROM django_migrations").fetchone()
        finally:
            copy.close()
    except sqlite3.DatabaseError as error:
        return f"{database.name} is not a site database ({error})."
    if result != "ok":
        return f"{database.name} is damaged ({result})."
    return None


def load_database(vendor, database):
    """Replaces the configured database's content with the file `database`'s."""
    outside_transaction("restore")
    connections.close_all()  # nothing of ours may hold the tables (an in-memory SQLite database stays open)
    if vendor == "postgresql":
        arguments, environment = postgres_command("pg_restore", connection().settings_dict)
        # One transaction: a restore that fails half-way leaves the database as it was.
        arguments += ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(database)]
        run(arguments, environment, "pg_restore")
    else:
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            connection().ensure_connection()
            source.backup(connection().connection, progress=lock_timeout(), sleep=LOCK_SLEEP)
        except sqlite3.DatabaseError as error:
            name = connection().settings_dict["NAME"]
            raise CommandError(f"Copying the database into {name} failed: {error}") from None
        finally:
            source.close()
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()  # cached pages, menus and renditions describe the database that was replaced
