from io import BytesIO

from PIL import Image as PillowImage

from django.core.files.base import ContentFile

from wagtail.images import get_image_model


def sample_image(title="Ruang baca", colour="#7a1f1f", size=(1600, 900)):
    buffer = BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "JPEG")
    return get_image_model().objects.create(title=title, file=ContentFile(buffer.getvalue(), name="foto.jpg"))
