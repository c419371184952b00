"""Backups of the whole site in one archive, and putting one back.

An archive (`backup-2026-11-26T0430.tar.gz`) holds:

    manifest.json      when and from what it was made, and counts to check a restore against
    database.sqlite3   SQLite: a consistent copy made with SQLite's backup API, or
    database.pgdump    PostgreSQL: pg_dump's custom format
    media/             MEDIA_ROOT (original images, documents) without the image renditions

Renditions are left out, files and rows: Wagtail makes them again from the originals when a page
asks for them. The management commands `backup` and `restore` are the way in."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

import wagtail
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation, TranslationSource

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
COMMAND_TIMEOUT = 6 * 60 * 60  # a dump or restore that takes longer than this has hung
LOCK_WAIT, LOCK_SLEEP = 60, 0.25  # seconds an SQLite copy waits for other connections' writes


def connection():
    return connections[DEFAULT_DB_ALIAS]


def media_root():
    return Path(settings.MEDIA_ROOT)


def media_on_disk():
    """False when uploads live in a bucket (S3 storage): they are then copied with its own tools."""
    return isinstance(storages["default"], FileSystemStorage)


def rendition_model():
    return get_image_model().get_rendition_model()


def renditions_folder():
    """The folder under MEDIA_ROOT where Wagtail writes renditions ("images")."""
    return PurePosixPath(rendition_model()().get_upload_to("x")).parent.as_posix()


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


def vendor():
    vendor = connection().vendor
    if vendor not in DATABASE_FILES:
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


# Counts ------------------------------------------------------------------------------------


def counts():
    """What a person would check after a restore: pages and page revisions per language, all
    revisions, images, documents, translations and form messages."""
    locale_of = dict(Page.objects.exclude(depth=1).values_list("pk", "locale__language_code"))
    revisions = Counter()
    for object_id in Revision.page_revisions.values_list("object_id", flat=True).iterator():
        revisions[locale_of.get(int(object_id), "none")] += 1
    return {
        "pages": dict(sorted(Counter(locale_of.values()).items())),
        "page_revisions": dict(sorted(revisions.items())),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "translation_sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "form_submissions": FormSubmission.objects.count(),
    }


def counts_now():
    """The counts of the configured database, or none for a database that has no tables yet (a new
    server being restored onto)."""
    try:
        return counts()
    except DatabaseError:
        return {}


def flat_counts(values):
    """{"pages": {"id": 3}, "images": 2} as [("pages id", 3), ("images", 2)]."""
    rows = []
    for name, value in values.items():
        if isinstance(value, dict):
            rows += [(f"{name} {key}", number) for key, number in value.items()]
        else:
            rows.append((name, value))
    return rows


def count_table(expected, found, mark_differences=True):
    """Lines comparing the manifest's counts with the ones found now."""
    expected, found = dict(flat_counts(expected)), dict(flat_counts(found))
    names = list(expected) + [name for name in found if name not in expected]
    width = max(map(len, names), default=10)
    lines = [f"{'':{width}}  {'archive':>8}  {'now':>8}"]
    for name in names:
        differs = mark_differences and expected.get(name) != found.get(name)
        mark = "  <- differs" if differs else ""
        lines.append(f"{name:{width}}  {expected.get(name, '-'):>8}  {found.get(name, '-'):>8}{mark}")
    return lines


def missing_files():
    """Image and document files the database names but MEDIA_ROOT lacks."""
    missing = []
    for model in (get_image_model(), get_document_model()):
        for name in model.objects.values_list("file", flat=True).iterator():
            if name and not (media_root() / name).is_file():
                missing.append(name)
    return missing


# Backup --------------------------------------------------------------------------------------


def check_media_root():
    root = media_root()
    if not root.exists():
        if get_image_model().objects.exists() or get_document_model().objects.exists():
            raise CommandError(f"MEDIA_ROOT ({root}) does not exist, but the database has images or documents.")
        return False
    if not root.is_dir() or not os.access(root, os.R_OK | os.X_OK):
        raise CommandError(f"MEDIA_ROOT ({root}) is not a readable folder.")
    return True


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
    if vendor() == "postgresql":
        arguments, environment = postgres_command("pg_dump", connection().settings_dict)
        table = rendition_model()._meta.db_table
        arguments += ["--format=custom", "--no-owner", f"--exclude-table-data={table}", "--file", str(target)]
        run(arguments, environment, "pg_dump")
        return
    outside_transaction("backup")
    connection().ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection().connection.backup(copy, progress=lock_timeout(), sleep=LOCK_SLEEP)
        copy.execute(f'DELETE FROM "{rendition_model()._meta.db_table}"')  # noqa: S608 - a model's table name
        copy.commit()
    finally:
        copy.close()


def media_files(skip_renditions=True):
    """(path on disk, name in the archive) of every file under MEDIA_ROOT but the renditions."""
    root = media_root().resolve()
    renditions = root / renditions_folder()
    for folder, subfolders, files in os.walk(root, followlinks=True, onerror=raise_unreadable):
        here = Path(folder)
        if skip_renditions and here == root:
            subfolders[:] = [name for name in subfolders if root / name != renditions]
        subfolders.sort()
        for name in sorted(files):
            path = here / name
            yield path, (PurePosixPath(MEDIA) / path.relative_to(root).as_posix()).as_posix()


def raise_unreadable(error):
    raise CommandError(f"Cannot read {error.filename} under MEDIA_ROOT: {error.strerror}.")


def archive_name(folder):
    stamp = timezone.localtime().strftime("%Y-%m-%dT%H%M")
    path, number = folder / f"backup-{stamp}.tar.gz", 1
    while path.exists():
        number += 1
        path = folder / f"backup-{stamp}-{number}.tar.gz"
    return path


def create(folder, log=print):
    """Writes a backup archive into `folder` and returns its path."""
    vendor_ = vendor()
    if vendor_ == "postgresql":
        program("pg_dump")
    on_disk = media_on_disk()
    has_media = on_disk and check_media_root()
    if not on_disk:
        log(
            f"Uploads are kept by {type(storages['default']).__name__}, not in MEDIA_ROOT: this archive holds "
            "the database only. Copy the bucket with its own tools."
        )
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = archive_name(folder)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=folder) as staging:
        database = Path(staging) / DATABASE_FILES[vendor_]
        log(f"Copying the {vendor_} database...")
        dump_database(database)
        missing = missing_files() if on_disk else []
        for name in missing:
            log(f"Warning: {name} is in the database but not in MEDIA_ROOT.")
        manifest = {
            "format": FORMAT,
            "created": timezone.localtime().isoformat(timespec="seconds"),
            "database": {"vendor": vendor_, "file": database.name},
            "versions": {"django": django.get_version(), "wagtail": wagtail.__version__},
            "media_root": str(media_root()) if on_disk else None,
            "media_included": on_disk,
            "counts": counts(),
            "missing_files": missing,
        }
        (Path(staging) / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
        log("Packing the database and the media files...")
        # Written under a temporary name first: an archive with the final name is always complete.
        partial = Path(staging) / "archive.tar.gz"
        partial.touch(mode=0o600)  # the database holds password hashes and form messages
        with tarfile.open(partial, "w:gz", dereference=True) as archive:
            archive.add(Path(staging) / MANIFEST, MANIFEST)
            archive.add(database, database.name)
            if has_media:
                archive.add(media_root().resolve(), MEDIA, recursive=False)
                for path, name in media_files():
                    add_file(archive, path, name)
        os.replace(partial, target)
    return target


def add_file(archive, path, name):
    try:
        archive.add(path, name, recursive=False)
    except FileNotFoundError:
        pass  # deleted while the backup ran: the database copy, made before, may still name it
    except PermissionError as error:
        raise CommandError(f"Cannot read {path} under MEDIA_ROOT: {error.strerror}.") from None


# Restore -------------------------------------------------------------------------------------


@dataclass
class Backup:
    """An archive that was read through and checked, with its manifest and database extracted."""

    path: Path
    manifest: dict
    database: Path
    staging: tempfile.TemporaryDirectory

    def close(self):
        self.staging.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def bad(path, reason):
    return CommandError(f"{path} is not a usable backup archive: {reason}")


def open_backup(path):
    """Reads the whole archive and checks it before anything is changed; CommandError if it is
    not a backup of this kind of database."""
    path = Path(path)
    if not path.is_file():
        raise CommandError(f"{path} does not exist or is not a file.")
    try:
        with tarfile.open(path, "r:*") as archive:
            members = archive.getmembers()  # reads to the end: a truncated archive fails here
            names = {member.name: member for member in members}
            manifest = read_manifest(path, archive, names.get(MANIFEST))
            vendor_ = check_vendor(path, manifest)
            database_name = DATABASE_FILES[vendor_]
            member = names.get(database_name)
            if member is None or not member.isfile():
                raise bad(path, f"{database_name} is missing.")
            for other in members:
                check_member(path, other, database_name)
            staging = tempfile.TemporaryDirectory(prefix="portal-restore-")
            archive.extract(member, staging.name, filter="data")
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError) as error:
        raise bad(path, f"it cannot be read as a .tar.gz file ({error}).") from None
    backup = Backup(path, manifest, Path(staging.name) / database_name, staging)
    try:
        check_database_file(backup)
    except BaseException:
        backup.close()
        raise
    return backup


def is_media(member):
    return member.name == MEDIA or member.name.startswith(MEDIA + "/")


def in_media_root(member):
    """The media member as it is extracted into MEDIA_ROOT: "media/documents/a.pdf" as "documents/a.pdf"."""
    return member.replace(name=member.name[len(MEDIA) + 1 :], deep=False)


def check_member(path, member, database_name):
    """Only the files a backup has, none that would land outside its folder (../, absolute, links out)."""
    if member.name in (MANIFEST, database_name, MEDIA):
        return
    if not is_media(member):
        raise bad(path, f"unexpected entry {member.name!r}.")
    if not (member.isfile() or member.isdir()):
        raise bad(path, f"{member.name!r} is neither a file nor a folder.")
    try:
        tarfile.data_filter(in_media_root(member), "/restore")
    except tarfile.FilterError as error:
        raise bad(path, f"unsafe entry {member.name!r} ({error}).") from None


def read_manifest(path, archive, member):
    if member is None or not member.isfile():
        raise bad(path, f"{MANIFEST} is missing.")
    try:
        manifest = json.load(archive.extractfile(member))
    except ValueError:
        raise bad(path, f"{MANIFEST} is not valid JSON.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or "counts" not in manifest:
        raise bad(path, f"{MANIFEST} is not a manifest of format {FORMAT}.")
    return manifest


def check_vendor(path, manifest):
    archived = (manifest.get("database") or {}).get("vendor")
    current = vendor()
    if archived not in DATABASE_FILES:
        raise bad(path, f"unknown database vendor {archived!r} in the manifest.")
    if archived != current:
        raise CommandError(
            f"{path} holds a {archived} database, and this site runs on {current}. "
            f"Restore it on a {archived} site (a dump cannot be loaded into another kind of database)."
        )
    return archived


def check_database_file(backup):
    if backup.manifest["database"]["vendor"] == "postgresql":
        arguments = [program("pg_restore"), "--list", str(backup.database)]
        run(arguments, {**os.environ}, f"Reading {backup.database.name} from {backup.path}")
        return
    try:
        copy = sqlite3.connect(f"file:{backup.database}?mode=ro", uri=True)
        try:
            (result,) = copy.execute("PRAGMA quick_check").fetchone()
            copy.execute("SELECT count(*) FROM django_migrations").fetchone()
        finally:
            copy.close()
    except sqlite3.DatabaseError as error:
        raise bad(backup.path, f"{backup.database.name} is not a site database ({error}).") from None
    if result != "ok":
        raise bad(backup.path, f"{backup.database.name} is damaged ({result}).")


def restore_database(backup):
    """Replaces the configured database's content with the archive's."""
    outside_transaction("restore")
    connections.close_all()  # nothing of ours may hold the tables (an in-memory SQLite database stays open)
    if backup.manifest["database"]["vendor"] == "postgresql":
        arguments, environment = postgres_command("pg_restore", connection().settings_dict)
        # One transaction: a restore that fails half-way leaves the database as it was.
        arguments += ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(backup.database)]
        run(arguments, environment, "pg_restore")
    else:
        source = sqlite3.connect(f"file:{backup.database}?mode=ro", uri=True)
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


def restore_media(backup, log=print):
    """Puts the archive's media files into MEDIA_ROOT, over files of the same name. Other files are
    left alone; the renditions folder is emptied, since the restored database has no renditions."""
    root = media_root()
    restored = 0
    try:
        root.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(root / renditions_folder(), ignore_errors=True)
        with tarfile.open(backup.path, "r:*") as archive:
            for member in archive:
                if not is_media(member) or member.name == MEDIA:
                    continue
                inside = in_media_root(member)
                if inside.isfile() and (root / inside.name).is_dir():
                    shutil.rmtree(root / inside.name)
                archive.extract(inside, root, filter="data")
                restored += inside.isfile()
    except (OSError, tarfile.TarError) as error:
        raise CommandError(
            f"Restoring the media files into {root} failed after {restored} files: {error}. The database is "
            "restored already: fix the cause and run the restore again."
        ) from None
    log(f"Restored {restored} media files into {root}.")


def migration_warnings():
    """Lines for an archive made by another version of the site's code."""
    executor = MigrationExecutor(connection())
    disk = executor.loader.disk_migrations
    known = set(disk) | {replaced for migration in disk.values() for replaced in migration.replaces}
    unknown = [key for key in executor.loader.applied_migrations if key not in known]
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    lines = []
    if pending:
        lines.append(f"The archive predates {len(pending)} migrations of this code: run `manage.py migrate` now.")
    if unknown:
        lines.append(
            f"The archive was made by newer code ({len(unknown)} migrations unknown here, "
            f"e.g. {unknown[0][0]}.{unknown[0][1]}): deploy that version of the site."
        )
    return lines
