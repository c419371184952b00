"""Checks on uploaded documents: the file's first bytes must match its extension, so that a web
page or a program renamed to ".pdf" never reaches the library's visitors as a "report".

Images need no such check: Wagtail opens every image with Pillow and refuses what is not one."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

# How many bytes are read: enough for the signatures below and for a look at a text file.
HEAD_SIZE = 8192

ZIP = (b"PK\x03\x04",)  # Office Open XML (.docx, .xlsx, .pptx) and OpenDocument (.odt) are ZIP files

# What each allowed extension's file starts with; None for plain text, checked apart.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "rtf": (b"{\\rtf",),
    "csv": None,
    "txt": None,
}

# Starts of files that are never plain text: programs, archives, PDFs, images.
BINARY_STARTS = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"PK\x03\x04", b"%PDF-", b"\x89PNG")
# Starts of markup that a browser would run as a page.
MARKUP_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe")
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def head_of(uploaded):
    position = uploaded.tell()
    uploaded.seek(0)
    head = uploaded.read(HEAD_SIZE)
    uploaded.seek(position)
    return head


def looks_like_text(head):
    if head.startswith(UTF16_BOMS):
        return True  # "Unicode text" from spreadsheet programs: UTF-16, full of zero bytes
    if b"\x00" in head or head.startswith(BINARY_STARTS):
        return False
    start = head.removeprefix(UTF8_BOM).lstrip().lower()
    return not start.startswith(MARKUP_STARTS)


def content_matches(extension, head):
    """Whether a file with these first bytes is what its extension says. Extensions without a
    known signature pass: WAGTAILDOCS_EXTENSIONS decides which are allowed at all."""
    if extension not in SIGNATURES:
        return True
    signatures = SIGNATURES[extension]
    if signatures is None:
        return looks_like_text(head)
    if extension == "pdf":
        return b"%PDF-" in head[:1024]  # readers accept a little junk before the header
    return head.startswith(signatures)


class DocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): refuses a file whose content
    does not match its extension, in the single and the multiple upload and in the chooser."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            extension = uploaded.name.rpartition(".")[2].lower()
            if not content_matches(extension, head_of(uploaded)):
                raise ValidationError(
                    _(
                        "This file is not a real .%(extension)s file: its content does not match its name. "
                        "Open it in the program that made it and save or export it as .%(extension)s again."
                    ),
                    code="disguised_file",
                    params={"extension": extension},
                )
        return uploaded
