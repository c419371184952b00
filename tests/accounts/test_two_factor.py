"""Two-step sign-in as staff meet it: the password, then a code from their phone, or enrolment
for the roles that must have one; recovery codes; the lockout; an administrator's reset."""

import base64
import re
import time

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.second_step

PASSWORD = "kata-sandi-yang-panjang-2026"
KEY = "3132333435363738393031323334353637383930"


@pytest.fixture
def staff(django_user_model, db):
    """Makes a member of a group (or a superuser for "Administrators") with an admin language."""

    def staff(group, language="id", username=None):
        username = username or f"{group.lower()}-{language}"
        if group == "Administrators":
            user = django_user_model.objects.create_superuser(username, f"{username}@example.id", PASSWORD)
        else:
            user = django_user_model.objects.create_user(username, f"{username}@example.id", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return staff


def sign_in(client, user, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": password}, follow=True)


def with_authenticator(user):
    return TOTPDevice.objects.create(user=user, name="authenticator", key=KEY, confirmed=True)


def code(key=KEY, later=0):
    return f"{totp(bytes.fromhex(key), t0=-30 * later):06d}"


def enter(client, value, path=None):
    return client.post(path or reverse("accounts_verify"), {"code": value, "next": "/admin/"}, follow=True)


SETUP_TITLE = {"id": "Siapkan verifikasi dua langkah", "en": "Set up two-step verification"}
VERIFY_TITLE = {"id": "Verifikasi dua langkah", "en": "Two-step verification"}
DASHBOARD = {"id": "Dasbor", "en": "Dashboard"}


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_editor_without_an_authenticator_signs_in_with_the_password(client, staff, language):
    response = sign_in(client, staff("Editors", language))
    assert response.redirect_chain[-1][0] == "/admin/"
    assert DASHBOARD[language] in response.text


@pytest.mark.parametrize("group", ["Moderators", "Administrators"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_moderators_and_administrators_must_enrol_first(client, staff, group, language):
    response = sign_in(client, staff(group, language))
    assert response.redirect_chain[-1][0].startswith(reverse("accounts_setup"))
    assert f"<h1>{SETUP_TITLE[language]}</h1>" in response.text
    assert "<svg" in response.text and "</svg>" in response.text  # the QR code, drawn by the site
    # Nothing of the admin opens before the second step.
    for path in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/account/"):
        assert client.get(path).url.startswith(reverse("accounts_setup")), path


@pytest.mark.parametrize("language", ["id", "en"])
def test_enrolment_with_the_key_shown_then_ten_recovery_codes(client, staff, language):
    user = staff("Moderators", language)
    page = sign_in(client, user)
    secret = re.search(r"data-secret>([A-Z2-7 ]+)<", page.text).group(1).replace(" ", "")
    key = TOTPDevice.objects.get(user=user, confirmed=False).key
    assert bytes.fromhex(key) == base64.b32decode(secret)
    wrong = enter(client, "000000" if code(key) != "000000" else "111111", reverse("accounts_setup"))
    assert {"id": "Kode ini tidak benar", "en": "This code is not right"}[language] in wrong.text
    time.sleep(1.1)  # django-otp waits a second after a wrong code, two after two...
    done = enter(client, code(key), reverse("accounts_setup"))
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.text)
    assert len(codes) == 10
    assert {"id": "Kode pemulihan Anda", "en": "Your recovery codes"}[language] in done.text
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Administrators"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_with_an_authenticator_the_code_follows_the_password(client, staff, group, language):
    user = staff(group, language)
    with_authenticator(user)
    page = sign_in(client, user)
    assert page.redirect_chain[-1][0].startswith(reverse("accounts_verify"))
    assert f"<h1>{VERIFY_TITLE[language]}</h1>" in page.text
    assert client.get("/admin/pages/").url.startswith(reverse("accounts_verify"))
    assert enter(client, code(later=5)).redirect_chain == []  # a code from the wrong time: the form again
    time.sleep(1.1)
    response = enter(client, code())
    assert response.redirect_chain[-1][0] == "/admin/"
    assert DASHBOARD[language] in response.text


def test_a_code_is_accepted_once(client, staff):
    user = staff("Editors")
    with_authenticator(user)
    sign_in(client, user)
    assert enter(client, code()).redirect_chain[-1][0] == "/admin/"
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, user)
    assert enter(client, code()).redirect_chain == []  # someone who saw it type it cannot reuse it


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_recovery_code_signs_in_once_and_says_how_many_are_left(client, staff, language):
    from accounts import two_factor

    user = staff("Moderators", language)
    with_authenticator(user)
    recovery = two_factor.new_recovery_codes(user)
    sign_in(client, user)
    response = enter(client, recovery[0].upper())  # as read aloud from paper
    assert response.redirect_chain[-1][0] == "/admin/"
    left = {"id": "tersisa 9", "en": "9 are left"}[language]
    assert left in response.text
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, user)
    assert enter(client, recovery[0]).redirect_chain == []
    time.sleep(1.1)
    assert enter(client, recovery[1]).redirect_chain[-1][0] == "/admin/"


def test_wrong_codes_lock_the_sign_in_like_wrong_passwords(client, staff, settings):
    settings.AXES_ENABLED = True
    user = staff("Moderators", "en")
    with_authenticator(user)
    sign_in(client, user)
    answers = [enter(client, "123456" if code() != "123456" else "654321") for _ in range(5)]
    assert [answer.status_code for answer in answers[:4]] == [200] * 4
    assert answers[4].status_code == 429 and "/admin/login/" in answers[4].text  # django-axes' page
    assert "_auth_user_id" not in client.session  # the half-open session ends
    failures = ModelLogEntry.objects.filter(object_id=str(user.pk)).values_list("action", flat=True)
    assert sorted(failures) == ["accounts.locked_out", *["accounts.otp_failed"] * 5, "accounts.signed_in"]
    assert sign_in(client, user).status_code == 429  # even the right password, for now


def test_an_administrator_resets_a_lost_phone_and_the_user_enrols_again(client, staff):
    moderator = staff("Moderators", username="penyunting")
    with_authenticator(moderator)
    administrator = staff("Administrators", "en", username="kepala")
    with_authenticator(administrator)
    sign_in(client, administrator)
    enter(client, code())
    users = client.get("/admin/users/")
    reset = reverse("accounts_reset", args=[moderator.pk])
    assert reset in users.text and "Reset two-step verification" in users.text
    assert "penyunting will no longer be able to sign in" in client.get(reset).text
    done = client.post(reset, follow=True)
    assert "Two-step verification of penyunting is reset" in done.text
    assert not TOTPDevice.objects.filter(user=moderator).exists()

    client.post(reverse("wagtailadmin_logout"))
    again = sign_in(client, moderator)
    assert again.redirect_chain[-1][0].startswith(reverse("accounts_setup"))


def test_an_editor_cannot_reset_anyone(client, staff):
    editor = staff("Editors")
    sign_in(client, editor)
    assert client.get(reverse("accounts_reset", args=[editor.pk])).status_code in (302, 403)
    assert client.post(reverse("accounts_reset", args=[editor.pk])).status_code in (302, 403)


def test_an_editor_may_turn_it_off_a_moderator_may_not(client, staff):
    editor = staff("Editors", "en")
    with_authenticator(editor)
    sign_in(client, editor)
    enter(client, code())
    page = client.get(reverse("accounts_settings"))
    assert "Two-step verification is on" in page.text and 'name="turn_off"' in page.text
    client.post(reverse("accounts_settings"), {"turn_off": ""})
    assert not TOTPDevice.objects.filter(user=editor).exists()

    client.post(reverse("wagtailadmin_logout"))
    moderator = staff("Moderators", "en")
    with_authenticator(moderator)
    sign_in(client, moderator)
    enter(client, code())
    assert 'name="turn_off"' not in client.get(reverse("accounts_settings")).text
    client.post(reverse("accounts_settings"), {"turn_off": ""})
    assert TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()


def test_everyone_must_enrol_when_the_setting_says_so(client, staff, settings):
    settings.TWO_FACTOR_FOR = "everyone"
    response = sign_in(client, staff("Editors"))
    assert response.redirect_chain[-1][0].startswith(reverse("accounts_setup"))
