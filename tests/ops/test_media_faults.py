"""Media storage that cannot be written, made for real: the media folder made immutable (chattr +i),
so that not even root may create a file in it, as on a read-only or full disk. An editor's upload
gets a message in Indonesian and leaves nothing behind; a visitor's page that needs a new size of a
photo gets the 503 page, not a 500; once the folder can be written again, everything works."""

import json
import subprocess
from io import BytesIO

import pytest
from PIL import Image as PillowImage

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.editorial.conftest import signed_in
from tests.factories import NewsPageFactory
from tests.portal.images import sample_image

MESSAGE = "Berkas tidak dapat disimpan: penyimpanan server penuh atau tidak dapat ditulisi."


def photo(name="rak-buku.jpg"):
    buffer = BytesIO()
    PillowImage.new("RGB", (800, 600), "#2f4f4f").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")


def chattr(flag, folder):
    return subprocess.run(["chattr", "-R", flag, str(folder)], capture_output=True).returncode == 0


@pytest.fixture
def media(settings, tmp_path):
    """A media folder of the test's own: `media.lock()` makes it and its folders unwritable."""
    folder = tmp_path / "media"
    for name in ("original_images", "images", "documents"):  # as a site in use has them
        (folder / name).mkdir(parents=True)
    settings.MEDIA_ROOT = folder

    class Media:
        path = folder

        def lock(self):
            if not chattr("+i", folder):
                pytest.skip("chattr +i is not permitted here")

        def unlock(self):
            assert chattr("-i", folder)

        def files(self):
            return [path for path in folder.rglob("*") if path.is_file()]

    yield Media()
    chattr("-i", folder)


@pytest.fixture
def editor_client(client, django_user_model):
    return signed_in(client, django_user_model, "Editors", "penulis")


# As in production, no transaction around the request: in the test's own, Django would mark the
# failed insert's transaction for rollback and the next query of the request would fail.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_upload_to_storage_that_cannot_be_written_says_so_and_leaves_nothing(media, editor_client):
    media.lock()
    form = {"title": "Rak buku", "description": "Rak buku kayu di ruang baca anak", "file": photo()}
    response = editor_client.post("/admin/images/add/", form, follow=True)
    assert response.status_code == 200 and MESSAGE in response.text
    assert response.redirect_chain == [("/admin/images/add/", 302)]  # the form again, to try later

    # The uploader that takes several photos at once shows the message under the photo.
    response = editor_client.post(
        "/admin/images/multiple/add/", {"files[]": photo()}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    answer = json.loads(response.content)
    assert answer["success"] is False and MESSAGE in answer["error_message"]

    document = SimpleUploadedFile("laporan.pdf", b"%PDF-1.4\nLaporan tahunan\n", "application/pdf")
    response = editor_client.post("/admin/documents/add/", {"title": "Laporan", "file": document}, follow=True)
    assert MESSAGE in response.text
    assert not get_image_model().objects.exists() and not get_document_model().objects.exists()
    assert media.files() == []

    media.unlock()
    response = editor_client.post("/admin/images/add/", {**form, "file": photo()})
    assert response.status_code == 302 and get_image_model().objects.filter(title="Rak buku").exists()


def test_a_page_that_needs_a_new_photo_size_answers_503_until_storage_is_back(media, client, news_index):
    news = NewsPageFactory(
        parent=news_index, lead_image=sample_image(), lead_image_alt="Ruang baca", title="Ruang baca baru"
    )
    media.lock()  # the photo is there; its sizes for the page are not made yet
    response = client.get(news.url)
    assert response.status_code == 503 and "Sedang tidak tersedia" in response.text
    assert response["Retry-After"] == "60" and "Traceback" not in response.text
    media.unlock()
    response = client.get(news.url)
    assert response.status_code == 200 and "Ruang baca baru" in response.text
