"""Every block of every StreamField that has a template renders its preview, as the block picker
of the page editor shows it (Wagtail's block preview view): a missing or broken template fails
here, and a block with words in its preview value shows them."""

import pytest
from lxml import html

from django.apps import apps
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.blocks import StructValue
from wagtail.fields import StreamField
from wagtail.rich_text import RichText


def walk(block, path):
    """The block and, depth first, the blocks inside it (StreamBlock, StructBlock, ListBlock)."""
    yield path, block
    if getattr(block, "child_blocks", None):
        for name, child in block.child_blocks.items():
            yield from walk(child, f"{path}.{name}")
    elif getattr(block, "child_block", None):
        yield from walk(block.child_block, f"{path}.item")


def templated_blocks():
    """(path, block) for each block with a template in the models' StreamFields, once per block
    class and template: the same block in another field renders the same preview."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for path, block in walk(field.stream_block, f"{model._meta.label}.{field.name}"):
                    template = getattr(block.meta, "template", None)
                    if template:
                        found.setdefault((type(block), template), (path, block))
    return sorted(found.values(), key=lambda item: item[0])


def texts(value):
    """The words in a preview value: strings, rich text without its markup, inside structs and lists."""
    if isinstance(value, RichText):
        return [strip_tags(value.source).strip()]
    if isinstance(value, str):
        return [value.strip()]
    if isinstance(value, StructValue | dict):
        return [text for child in value.values() for text in texts(child)]
    if isinstance(value, list | tuple):
        return [text for child in value for text in texts(child)]
    return []


BLOCKS = templated_blocks()


def test_the_sites_blocks_are_walked():
    names = {type(block).__name__ for _path, block in BLOCKS}
    assert {"SlideBlock", "HeadingBlock", "QuoteBlock", "CaptionedImageBlock", "DocumentLinkBlock"} <= names
    assert {"FacilityBlock", "FigureBlock", "ChartBlock", "MilestoneBlock", "RichTextBlock"} <= names


@pytest.mark.parametrize("path, block", BLOCKS, ids=[path for path, _block in BLOCKS])
def test_each_block_preview_renders(admin_client, home, path, block):
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    shown = " ".join(html.fromstring(response.content).xpath("//main")[0].text_content().split())
    words = max(texts(block.get_preview_value()), key=len, default="")
    assert " ".join(words.split()) in shown, (path, words)
