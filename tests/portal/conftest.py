"""The demo site's public addresses, built once for each bad-input test module that asks for them."""

from io import StringIO

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction

from wagtail.documents import get_document_model

from tests.portal.addresses import public_addresses


@pytest.fixture(scope="module")
def demo_addresses(django_db_setup, django_db_blocker):
    """The demo site, and its public addresses: built for the module, in a transaction rolled back
    at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=StringIO())
        document = get_document_model().objects.create(
            title="Laporan tahunan", file=ContentFile(b"Laporan tahunan\n", name="laporan.txt")
        )
        yield public_addresses(document)
        transaction.set_rollback(True)
