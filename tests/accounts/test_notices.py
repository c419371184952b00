"""A password change, however it is made, is logged and e-mailed to the user in their admin language."""

from datetime import UTC, datetime

import pytest
import time_machine

from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import ModelLogEntry

from accounts.actions import OTP_RESET, PASSWORD_CHANGED
from accounts.notices import notify_security_change
from tests.accounts.conftest import PASSWORD, staff

NEW_PASSWORD = "kata-sandi-baru-yang-panjang-2027"


def change_own_password(client, user, address="203.0.113.40"):
    """The admin's account page, sent with the password panel filled in and the others as they were."""
    data = {
        "name_email-first_name": user.first_name,
        "name_email-last_name": user.last_name,
        "name_email-email": user.email,
        "locale-preferred_language": user.wagtail_userprofile.preferred_language,
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "password-old_password": PASSWORD,
        "password-new_password1": NEW_PASSWORD,
        "password-new_password2": NEW_PASSWORD,
    }
    return client.post(reverse("wagtailadmin_account"), data, REMOTE_ADDR=address)


@pytest.mark.parametrize(("language", "when"), [("id", "17 Agustus 2026, 10.05"), ("en", "17 August 2026, 10:05")])
def test_the_user_is_told_in_their_language(client, django_user_model, language, when):
    user = staff(django_user_model, "pustakawan", "Editors", language=language)
    client.force_login(user)
    with time_machine.travel(datetime(2026, 8, 17, 3, 5, tzinfo=UTC), tick=False):
        assert change_own_password(client, user).status_code == 302
    [message] = mail.outbox
    assert message.to == ["pustakawan@perpustakaan.example"]
    with translation.override(language):
        assert message.subject.startswith(gettext("Your password was changed"))
        assert gettext("If it was you, there is nothing more to do.") in message.body
    # When (in Jakarta's time) and from where, in the user's language.
    assert when in message.body and "203.0.113.40" in message.body
    assert "http://testserver/admin/account/" in message.body
    entry = ModelLogEntry.objects.get(action=PASSWORD_CHANGED)
    assert (entry.object_id, entry.user, entry.data["address"]) == (str(user.pk), user, "203.0.113.40")


def test_an_administrators_reset_names_the_administrator(client, django_user_model, administrator):
    librarian = staff(django_user_model, "pustakawan", "Editors")
    client.force_login(administrator)
    data = {
        "username": "pustakawan",
        "email": librarian.email,
        "first_name": librarian.first_name,
        "last_name": librarian.last_name,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "is_active": "on",
        "groups": [librarian.groups.get().pk],
    }
    response = client.post(reverse("wagtailusers_users:edit", args=[librarian.pk]), data, REMOTE_ADDR="203.0.113.2")
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action=PASSWORD_CHANGED)
    assert (entry.object_id, entry.user, entry.data["address"]) == (str(librarian.pk), administrator, "203.0.113.2")
    assert [message.to for message in mail.outbox] == [[librarian.email]]


def test_a_new_account_or_a_sign_in_is_no_password_change(client, django_user_model):
    staff(django_user_model, "pustakawan", "Editors")
    client.post(reverse("wagtailadmin_login"), {"username": "pustakawan", "password": PASSWORD})
    assert not ModelLogEntry.objects.filter(action=PASSWORD_CHANGED).exists()
    assert mail.outbox == []


def test_the_second_factor_notice_for_the_two_factor_sign_in(django_user_model, rf):
    user = staff(django_user_model, "pustakawan", "Editors", language="en")
    notify_security_change(user, OTP_RESET, rf.get("/", REMOTE_ADDR="198.51.100.3"))
    [message] = mail.outbox
    assert message.subject.startswith("Your second factor was reset")
    assert "from the address 198.51.100.3" in message.body
