"""StreamField blocks shared by every page type's body."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import blocks as image_blocks
from wagtail.models import Page

from .i18n import localized_ids

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class ImageBlock(image_blocks.ImageBlock):
    """Wagtail's image with its description (alt text). Wagtail leaves the chooser itself without a
    label, so editors read "Image" in English; here it has one."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        chooser = image_blocks.ImageChooserBlock(required=required, label=_("Image"))
        chooser.set_name("image")
        self.child_blocks["image"] = chooser


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use section headings for the main parts of the page."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A title that splits a long page into parts readers can scan.")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Layanan perpustakaan", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        description = _("A photo across the text column, with its description, caption and credit.")
        template = "blocks/image_block.html"
        preview_value = {"caption": "Ruang baca umum di lantai satu"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("Words someone said, set apart from the text, with who said them.")
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Perpustakaan adalah pusat belajar seluruh warga.",
            "attribution": "Kepala Perpustakaan",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=150,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        description = _("A link to download a PDF or other document from the library's documents.")
        template = "blocks/document_block.html"
        preview_value = {"title": "Laporan tahunan 2024 (PDF)"}


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
        preview_value="<p>Perpustakaan buka setiap hari kerja untuk semua warga.</p>",
        description=_("Text with bold, italic, lists and links."),
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Video or embed"),
        icon="media",
        template="blocks/embed_block.html",
        help_text=_("Paste a YouTube or other page address."),
        description=_("A video or post from another site, shown inside the page."),
    )
    document = DocumentLinkBlock()
    table = TableBlock(
        label=_("Table"),
        template="blocks/table_block.html",
        description=_("Rows and columns, such as a timetable or fees; the first row can be headings."),
    )

    class Meta:
        label = _("Body")


class SlideBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    title = blocks.CharBlock(label=_("Title"), max_length=100)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=220)
    page = blocks.PageChooserBlock(label=_("Links to"), required=False, help_text=_("The page the slide leads to."))

    class Meta:
        icon = "image"
        label = _("Slide")
        description = _("One picture of the home page carousel, with a title and the page it opens.")
        template = "blocks/slide_block.html"
        preview_value = {"title": "Selamat datang", "caption": "Perpustakaan untuk semua warga"}


class RelatedPagesBlock(blocks.StreamBlock):
    """Pages listed under a page as "Read more about this" (components/related_pages.html)."""

    page = blocks.PageChooserBlock(label=_("Page"))

    @staticmethod
    def pages(value):
        """The chosen pages, in the visitor's language where translated, for their titles and
        addresses: read in one query from the ids the field stores."""
        ids = [block["value"] for block in value.raw_data]
        return [page for page in localized_ids(ids, Page.objects.live()) if page]
