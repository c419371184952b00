from io import StringIO

import pytest

from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo site built once for a whole module (about 15 s); each test's changes roll back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(demo_module, db):
    """Here, the module's demo site rather than one built for each test."""
