"""Putting a backup archive back (ops/backups.py says what it holds): the whole archive is read
and checked before anything is changed, then the database and the media files are restored."""

import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import CommandError
from django.db.migrations.executor import MigrationExecutor

from ops.backups import FORMAT, MANIFEST, MEDIA, media_root, renditions_folder
from ops.database_copy import DATABASE_FILES, connection, database_problem, load_database, vendor


@dataclass
class Backup:
    """An archive that was read through and checked, with its manifest and database extracted."""

    path: Path
    manifest: dict
    database: Path
    staging: tempfile.TemporaryDirectory

    @property
    def vendor(self):
        return self.manifest["database"]["vendor"]

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
        if problem := database_problem(vendor_, backup.database, path):
            raise bad(path, problem)
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


def restore_database(backup):
    """Replaces the configured database's content with the archive's."""
    load_database(backup.vendor, backup.database)


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
