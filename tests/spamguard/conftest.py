"""A site with spam seeded where defacers put it, and the staff who look at it."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Site

from portal.models import LibrarySettings
from tests.editorial.conftest import editor, moderator  # noqa: F401 (the staff fixtures, shared)
from tests.factories import PartnerFactory, StandardPageFactory


@pytest.fixture
def spam_page(home):
    """Spam in the visible text of a live page."""
    introduction = "Daftar SLOT GACOR hari ini."
    return StandardPageFactory(parent=home, title="Info layanan", slug="info", introduction=introduction)


@pytest.fixture
def seeded(home, spam_page):
    """Spam in each kind of published content: a link in a StreamField paragraph, a link hidden in a
    rich-text field, a document's title, a snippet and a site setting."""
    StandardPageFactory(
        parent=home,
        title="Jadwal kegiatan",
        slug="jadwal",
        body=[("paragraph", '<p>Lihat <a href="https://gacor-maxwin.top/daftar">jadwal</a>.</p>')],
    )
    home.welcome_text = '<p>Perpustakaan untuk semua warga.<a href="https://bandar88.xyz/"></a></p>'
    home.save_revision().publish()
    get_document_model().objects.create(title="Link alternatif resmi", file=ContentFile(b"%PDF-1.4", "jadwal.pdf"))
    PartnerFactory(name="Mitra baru", website="https://www.promo-kilat.net/mitra", locale=home.locale)
    settings = LibrarySettings.for_site(Site.objects.get(is_default_site=True))
    settings.catalogue_search_url = "https://opac.sbobet.example/?q={query}"
    settings.save()
