"""{% responsive_image %}: one source per width, so a small photo still gives valid HTML."""

import re

import pytest

from django.template import Context, Template

from tests.portal.images import sample_image

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    "{% load responsive_images %}"
    '{% responsive_image image width-{400,800,1600} format-webp sizes="100vw" alt="Ruang baca" loading="lazy" %}'
)


def render(image):
    return TEMPLATE.render(Context({"image": image}))


def test_a_large_photo_gets_every_width():
    html = render(sample_image(size=(2000, 1000)))
    assert re.findall(r" (\d+)w", html) == ["400", "800", "1600"]
    assert 'sizes="100vw"' in html and 'alt="Ruang baca"' in html and 'loading="lazy"' in html


def test_a_photo_narrower_than_the_widest_rendition_repeats_no_width():
    html = render(sample_image(size=(600, 400)))
    assert re.findall(r" (\d+)w", html) == ["400", "600"]


def test_a_photo_smaller_than_every_rendition_gets_one_source_without_sizes():
    html = render(sample_image(size=(300, 200)))
    assert "srcset" not in html and "sizes" not in html
    assert 'width="300"' in html and ".webp" in html


def test_no_image_renders_nothing():
    assert render(None) == ""
