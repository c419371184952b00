"""The block picker in the page editor shows a preview of every block that has one: each of the
site's blocks renders its preview value with its own template, through Wagtail's preview view."""

import pytest

from django.urls import reverse

from wagtail.blocks import Block

PROJECT_APPS = ("portal", "home", "news", "gallery", "programmes", "local_content")


def previewable_blocks():
    """The site's own block definitions (one per field use) that editors see a preview of."""
    return sorted(
        (
            (key, block)
            for key, block in Block.definition_registry.items()
            if type(block).__module__.split(".")[0] in PROJECT_APPS and block.is_previewable
        ),
        key=lambda item: f"{type(item[1]).__name__} {item[0]}",
    )


def test_the_sites_blocks_have_previews():
    names = {type(block).__name__ for _key, block in previewable_blocks()}
    assert {"SlideBlock", "HeadingBlock", "QuoteBlock", "CaptionedImageBlock", "DocumentLinkBlock"} <= names


@pytest.mark.parametrize(
    "key", [key for key, _block in previewable_blocks()], ids=[type(b).__name__ for _k, b in previewable_blocks()]
)
def test_each_block_preview_renders(admin_client, home, key):
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": key})
    assert response.status_code == 200
    assert "block-preview" in response.text or "<body" in response.text
