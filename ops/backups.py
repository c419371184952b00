"""Backups of the whole site in one archive: what it holds, and making one.

An archive (`backup-2026-11-26T0430.tar.gz`) holds:

    manifest.json      when and from what it was made, and counts to check a restore against
    database.sqlite3   SQLite: a consistent copy made with SQLite's backup API, or
    database.pgdump    PostgreSQL: pg_dump's custom format
    media/             MEDIA_ROOT (original images, documents) without the image renditions

Renditions are left out, files and rows: Wagtail makes them again from the originals when a page
asks for them. The management commands `backup` and `restore` are the way in; the database's copy
is made and put back by ops/database_copy.py, an archive read, checked and restored by
ops/restoring.py."""

import json
import os
import tarfile
import tempfile
from collections import Counter
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.utils import timezone

import wagtail
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation, TranslationSource

from ops.database_copy import DATABASE_FILES, dump_database, program, vendor

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"


def media_root():
    return Path(settings.MEDIA_ROOT)


def media_on_disk():
    """False when uploads live in a bucket (S3 storage): they are then copied with its own tools."""
    return isinstance(storages["default"], FileSystemStorage)


def renditions_folder():
    """The folder under MEDIA_ROOT where Wagtail writes renditions ("images")."""
    rendition = get_image_model().get_rendition_model()()
    return PurePosixPath(rendition.get_upload_to("x")).parent.as_posix()


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
