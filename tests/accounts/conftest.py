import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.users.models import UserProfile

PASSWORD = "kata-sandi-yang-benar-2026"


def staff(django_user_model, username, group=None, language="id", superuser=False):
    """A member of `group` (or a superuser) whose admin speaks `language`."""
    make = django_user_model.objects.create_superuser if superuser else django_user_model.objects.create_user
    user = make(username, f"{username}@perpustakaan.example", PASSWORD, first_name="Siti", last_name="Aminah")
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def sign_in(client, username, password=PASSWORD, address="203.0.113.7"):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def administrator(django_user_model):
    return staff(django_user_model, "kepala", superuser=True)


@pytest.fixture
def axes(settings):
    """Sign-in throttling on, as in production (tests/ops/test_security.py)."""
    settings.AXES_ENABLED = True
