import pytest

from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile


def member_of(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, f"{username}@perpustakaan.example", "kata-sandi-2026")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return member_of(django_user_model, "Editors", "penulis")


@pytest.fixture
def moderator(django_user_model):
    return member_of(django_user_model, "Moderators", "penyunting")


def signed_in(client, django_user_model, group, username):
    """`client` signed in as a new member of `group`, whose admin is in Indonesian."""
    user = member_of(django_user_model, group, username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "id"
    profile.save()
    client.force_login(user)
    return client
