"""Images in the library need a description (alt text) or an explicit "decorative" choice."""

from io import BytesIO

from PIL import Image as PillowImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model


def jpeg(name="foto.jpg"):
    buffer = BytesIO()
    PillowImage.new("RGB", (64, 48), "#7a1f1f").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def upload(client, **fields):
    return client.post(reverse("wagtailimages:add"), {"title": "Ruang baca", "file": jpeg(), **fields})


def test_an_image_without_description_is_refused(admin_client):
    response = upload(admin_client, description="")
    assert response.status_code == 200
    assert "Jelaskan gambar untuk orang yang tidak dapat melihatnya" in str(
        response.context["form"].errors["description"]
    )
    assert not get_image_model().objects.exists()


def test_an_image_with_a_description_is_saved(admin_client):
    assert upload(admin_client, description="Rak buku anak-anak di lantai satu").status_code == 302
    assert get_image_model().objects.get().description == "Rak buku anak-anak di lantai satu"


def test_a_decorative_image_needs_no_description(admin_client):
    assert upload(admin_client, description="", decorative="on").status_code == 302
    image = get_image_model().objects.get()
    assert image.description == ""
    # Opened again, nothing is ticked for the editor: the choice is made again on each save.
    edit = admin_client.get(reverse("wagtailimages:edit", args=[image.pk]))
    assert not edit.context["form"]["decorative"].value()


def test_the_multiple_uploader_asks_for_the_description_on_its_second_step(admin_client):
    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": jpeg()})
    assert response.json()["success"]
    image = get_image_model().objects.get()

    prefix = f"image-{image.pk}"
    step_two = {
        f"{prefix}-title": "Ruang baca",
        f"{prefix}-description": "",
        f"{prefix}-collection": image.collection_id,
    }
    response = admin_client.post(reverse("wagtailimages:edit_multiple", args=[image.pk]), step_two)
    assert not response.json()["success"]
    step_two[f"{prefix}-description"] = "Ruang baca yang terang"
    response = admin_client.post(reverse("wagtailimages:edit_multiple", args=[image.pk]), step_two)
    assert response.json()["success"]
