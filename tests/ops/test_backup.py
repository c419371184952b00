"""`manage.py backup` and `manage.py restore`: a whole site goes into one archive and comes back
from it, on SQLite and on PostgreSQL (run the file with DATABASE_URL set)."""

import io
import json
import re
import shutil
import tarfile
from io import StringIO

import pytest

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage
from ops import backups, database_copy
from tests.factories import StandardPageFactory
from tests.portal.images import sample_image

REPORT = "Laporan tahunan perpustakaan 2025"


def translated_with_localize(parent):
    """A page translated field by field in wagtail-localize's editor, and published in English."""
    page = StandardPageFactory(
        parent=parent, title="Layanan keliling", slug="layanan-keliling", introduction="Mobil datang setiap Sabtu."
    )
    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=english)
    words = {"Layanan keliling": "Mobile library", "Mobil datang setiap Sabtu.": "The van comes every Saturday."}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data=words.get(segment.string.data, segment.string.data),
            translation_type="manual",
        )
    translation.save_target(publish=True)
    return page.get_translation(english)


def snapshot():
    """What must come back: every page in both languages, revision, image, document, translation."""
    return {
        "pages": sorted(Page.objects.exclude(depth=1).values_list("locale__language_code", "url_path", "title")),
        "revisions": sorted(Revision.objects.values_list("pk", "object_id", "object_str")),
        "images": sorted(get_image_model().objects.values_list("title", "file", "description")),
        "documents": sorted(get_document_model().objects.values_list("title", "file")),
        "sources": sorted(TranslationSource.objects.values_list("object_id", "locale__language_code")),
        "translations": sorted(
            Translation.objects.values_list("source__object_id", "target_locale__language_code", "enabled")
        ),
        "string_translations": StringTranslation.objects.count(),
        "sites": list(Site.objects.values_list("hostname", "root_page__title")),
    }


def wipe_site():
    """Everything a bad day could take: pages, images, documents, revisions, translations, files."""
    for page in Page.get_first_root_node().get_children():
        page.delete()
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()
    Revision.objects.all().delete()
    Translation.objects.all().delete()
    TranslationSource.objects.all().delete()
    for path in settings.MEDIA_ROOT.iterdir():
        shutil.rmtree(path) if path.is_dir() else path.unlink()


@pytest.fixture
def content_types_cached():
    """`restore` empties Django's content type cache (a restored database may number them otherwise).
    The next transactional test reloads the initial data, and model constructors that look up their
    content type would create them twice with an empty cache: fill it again from the restored database."""
    yield
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_brings_back_the_whole_site(client, demo_site, tmp_path, content_types_cached):
    document = get_document_model().objects.create(
        title=REPORT, file=ContentFile(b"Jumlah pengunjung: 48.210\n", name="laporan-2025.txt")
    )
    english = translated_with_localize(HomePage.objects.get(locale__language_code="id"))
    assert english.title == "Mobile library"
    assert client.get("/id/").status_code == 200  # renditions made, to be left out of the archive
    before = snapshot()
    assert {locale for locale, _path, _title in before["pages"]} == {"id", "en"}
    assert before["translations"] and before["revisions"] and before["images"]
    homes = Site.objects.get().root_page.get_translations(inclusive=True)
    home_titles = {page.locale.language_code: page.title for page in homes}

    output = StringIO()
    call_command("backup", output=tmp_path / "backups", stdout=output)
    (archive,) = (tmp_path / "backups").glob("backup-*.tar.gz")
    assert f"Backup written to {archive}" in output.getvalue()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert database_copy.DATABASE_FILES[connection.vendor] in names
    assert f"media/{document.file.name}" in names
    assert not any(name.startswith("media/images/") for name in names)  # renditions are made again
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"] == backups.counts()
    assert manifest["counts"]["documents"] == 1
    assert manifest["missing_files"] == []

    wipe_site()
    assert not Page.objects.filter(depth__gt=1).exists()
    assert not Site.objects.exists()
    assert not any(settings.MEDIA_ROOT.iterdir())

    output = StringIO()
    call_command("restore", str(archive), yes=True, stdout=output)

    assert snapshot() == before
    for image in get_image_model().objects.all():
        assert (settings.MEDIA_ROOT / image.file.name).is_file(), image.file.name
    restored = get_document_model().objects.get(title=REPORT)
    assert (settings.MEDIA_ROOT / restored.file.name).read_bytes() == b"Jumlah pengunjung: 48.210\n"
    for language, title in home_titles.items():
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert title in response.text
    assert "The van comes every Saturday." in client.get(english.url).text
    report = output.getvalue()
    assert "Counts in the archive and found now" in report
    assert "differs" not in report.split("Counts in the archive and found now")[1]
    pages = manifest["counts"]["pages"]["id"]
    assert re.search(rf"pages id +{pages} +{pages}\n", report), report


def make_archive(path, members):
    """A tar.gz with these (name, bytes) entries."""
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def manifest_for(vendor):
    return json.dumps({"format": 1, "database": {"vendor": vendor}, "counts": {}}).encode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"Bukan arsip sama sekali", "cannot be read as a .tar.gz"),
        ([("catatan.txt", b"halo")], "manifest.json is missing"),
        ([("manifest.json", b"{not json")], "not valid JSON"),
        ([("manifest.json", b'{"format": 99}')], "not a manifest of format 1"),
        ([("manifest.json", "VENDOR")], "is missing"),
        ([("manifest.json", "OTHER")], "Restore it on a"),
        ([("manifest.json", "VENDOR"), ("DATABASE", b"bukan basis data")], "not a site database|not appear to be"),
        ([("manifest.json", "VENDOR"), ("DATABASE", b""), ("media/../../../etc/cron.d/x", b"")], "unsafe entry"),
        ([("manifest.json", "VENDOR"), ("DATABASE", b""), ("/etc/passwd", b"")], "unexpected entry"),
    ],
)
def test_a_bad_archive_changes_nothing(home, tmp_path, content, message):
    vendor = connection.vendor
    database = database_copy.DATABASE_FILES[vendor]
    other = "sqlite" if vendor == "postgresql" else "postgresql"
    path = tmp_path / "backup-2026-11-26T0430.tar.gz"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        substitutions = {"VENDOR": manifest_for(vendor), "OTHER": manifest_for(other)}
        members = [(database if name == "DATABASE" else name, substitutions.get(data, data)) for name, data in content]
        make_archive(path, members)
    pages = snapshot()["pages"]
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), yes=True, stdout=StringIO())
    assert snapshot()["pages"] == pages


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_truncated_archive_changes_nothing(home, tmp_path):
    sample_image()
    call_command("backup", output=tmp_path, stdout=StringIO())
    (archive,) = tmp_path.glob("backup-*.tar.gz")
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("restore", str(archive), yes=True, stdout=StringIO())
    assert Page.objects.filter(pk=home.pk).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_asks_first(home, tmp_path, monkeypatch):
    call_command("backup", output=tmp_path, stdout=StringIO())
    (archive,) = tmp_path.glob("backup-*.tar.gz")
    home.title = "Beranda baru"
    home.save()
    monkeypatch.setattr("builtins.input", lambda prompt: "tidak")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(archive), stdout=StringIO())
    assert Page.objects.get(pk=home.pk).title == "Beranda baru"


def test_backup_says_what_is_missing(home, tmp_path, monkeypatch, settings):
    with monkeypatch.context() as patched:
        patched.setenv("PATH", str(tmp_path))
        with pytest.raises(CommandError, match="postgresql-client"):
            database_copy.program("pg_dump")
    sample_image()
    settings.MEDIA_ROOT = tmp_path / "nowhere"
    with pytest.raises(CommandError, match="MEDIA_ROOT .* does not exist"):
        call_command("backup", output=tmp_path / "backups", stdout=StringIO())
    assert not list((tmp_path / "backups").glob("*.tar.gz"))
