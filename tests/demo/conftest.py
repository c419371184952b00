import pytest

from tests.snapshot import demo_in_transaction


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo site for a whole module (tests/snapshot.py); each test's changes roll back."""
    with demo_in_transaction(django_db_blocker):
        yield


@pytest.fixture
def demo_site(demo_module, db):
    """Here, the module's demo site rather than one built for each test."""
