"""The demo site's public addresses, built once for each bad-input test module that asks for them."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from tests.portal.addresses import public_addresses
from tests.snapshot import demo_in_transaction


@pytest.fixture(scope="module")
def demo_addresses(django_db_setup, django_db_blocker):
    """The demo site, and its public addresses: for the module, in a
    transaction rolled back at its end."""
    with demo_in_transaction(django_db_blocker):
        document = get_document_model().objects.create(
            title="Laporan tahunan", file=ContentFile(b"Laporan tahunan\n", name="laporan.txt")
        )
        yield public_addresses(document)
