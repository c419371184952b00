from io import StringIO

import pytest
from PIL import Image

from django.core.management import CommandError, call_command

from wagtail.images import get_image_model

from local_content.models import CollectionItemPage, Subject

HEADER = "title,creators,subjects,description,date,type,language,identifier,coverage,image,image_alt\n"


@pytest.fixture
def folder(tmp_path):
    Image.new("RGB", (800, 600), "#7a1f1f").save(tmp_path / "kawung.jpg")
    (tmp_path / "notes.txt").write_text("not an image")
    return tmp_path


def run(csv_text, folder):
    path = folder / "items.csv"
    path.write_text(csv_text, encoding="utf-8")
    out = StringIO()
    call_command("import_collection_items", str(path), images=str(folder), stdout=out)
    return out.getvalue()


def test_import_creates_items_with_images_and_subjects(collection, folder):
    output = run(
        HEADER
        + "Motif kawung,Tim Perpustakaan;Ida Rizal,Batik;Ekonomi kreatif,Motif dari pasar,2013-09-05,StillImage,id,"
        "KM-1,Pakong,kawung.jpg,Motif kawung merah\n" + "Cerita lisan,,Sejarah lisan,,c. 1900,Sound,mad,KM-2,,,\n",
        folder,
    )
    assert "[1/2] Motif kawung" in output and "Imported 2 items" in output
    kawung = CollectionItemPage.objects.get(identifier="KM-1", alias_of=None)
    assert kawung.live and kawung.creator_list == ["Tim Perpustakaan", "Ida Rizal"]
    assert kawung.year == 2013 and kawung.coverage.name == "Pakong"
    assert sorted(subject.name for subject in kawung.subjects.all()) == ["Batik", "Ekonomi kreatif"]
    assert kawung.images[0].value.contextual_alt_text == "Motif kawung merah"
    assert CollectionItemPage.objects.get(identifier="KM-2", alias_of=None).year == 1900
    # Each has its English twin at once, showing the Indonesian item until it is translated.
    english = CollectionItemPage.objects.get(alias_of=kawung)
    assert english.locale.language_code == "en" and english.live


def test_bad_rows_are_reported_by_line_and_nothing_is_saved(collection, folder):
    before = (CollectionItemPage.objects.count(), get_image_model().objects.count(), Subject.objects.count())
    with pytest.raises(CommandError) as raised:
        run(
            HEADER
            + "Baik,,Batik,,2014,Text,id,KM-3,,kawung.jpg,Foto\n"
            + ",,,,2014,Text,id,,,,\n"
            + "Jenis salah,,,,2014,Painting,klingon,,,,\n"
            + "Gambar hilang,,,,2014,StillImage,id,,,hilang.jpg,Foto\n"
            + "Bukan gambar,,,,2014,StillImage,id,,,notes.txt,Foto\n"
            + "Tanpa alt,,,,2014,StillImage,id,,,kawung.jpg,\n"
            + "Terlalu panjang,,,,2014,Text,id,"
            + "x" * 300
            + ",,,\n",
            folder,
        )
    message = str(raised.value)
    assert "Nothing was imported." in message
    assert "Line 3: the title is empty" in message
    assert "Line 4: type 'Painting'" in message and "Line 4: language 'klingon'" in message
    assert "Line 5: image 'hilang.jpg' is not in the images folder" in message
    assert "Line 6: image 'notes.txt' is not a JPEG, PNG or WebP file" in message
    assert "Line 7: image 'kawung.jpg' needs a description" in message
    assert "Line 8: identifier:" in message
    assert (CollectionItemPage.objects.count(), get_image_model().objects.count(), Subject.objects.count()) == before


def test_unknown_columns_and_unreadable_files_are_refused(collection, folder):
    with pytest.raises(CommandError, match="Line 1"):
        run("judul,warna\nA,merah\n", folder)
    (folder / "latin1.csv").write_bytes("title\nCaf\xe9\n".encode("latin-1"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_collection_items", str(folder / "latin1.csv"), stdout=StringIO())
