"""Two-step sign-in for the admin: a code from an authenticator app (TOTP) after the password, or
one of ten recovery codes kept on paper. django-otp holds the devices and checks the codes; this
module says who must use it and keeps the admin closed until they have.

Moderators and Administrators must (they can publish); Editors may, unless TWO_FACTOR_FOR is
"everyone". A wrong code counts as a failed sign-in for django-axes, so guessing codes locks the
account like guessing passwords."""

from functools import cache

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import logout, user_login_failed
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from ops.security import admin_prefix

RECOVERY_CODES = 10
# The groups whose members can publish or manage accounts (editorial's ensure_accounts makes them).
REQUIRED_GROUPS = ("Moderators", "Administrators")


def must_use(user):
    if settings.TWO_FACTOR_FOR == "everyone":
        return True
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_GROUPS).exists()


def authenticator(user, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


def recovery_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def new_authenticator(user):
    """The unconfirmed authenticator this user is enrolling, made once so that reloading the page
    shows the same QR code."""
    device = authenticator(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


@transaction.atomic
def confirm(user, device):
    """`device` becomes the user's one authenticator, with ten fresh recovery codes (returned)."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(user)


@transaction.atomic
def new_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_all(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def check_code(request, code):
    """The device that accepts `code` (an authenticator's code, or a recovery code, used up), marking
    the session as past the second step; None after counting a failed sign-in (django-axes then
    locks like for a wrong password: the session ends too)."""
    user = request.user
    code = "".join(code.split()).lower()
    for device in (authenticator(user), recovery_device(user)):
        if device is None:
            continue
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(code):
            otp_login(request, device)
            return device
    user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=request)
    if getattr(request, "axes_locked_out", False):
        logout(request)
    return None


@cache
def open_paths():
    """What a signed-in user reaches before the second step: its own pages, signing out, and what
    the admin's pages load (the translations for its scripts, the icons)."""
    names = ("accounts_verify", "accounts_setup", "wagtailadmin_logout", "wagtailadmin_javascript_catalog")
    return tuple(reverse(name) for name in (*names, "wagtailadmin_sprite"))


class SecondStepMiddleware:
    """Keeps the admin closed to a signed-in user who has not passed the second step: to the code
    form when they have an authenticator, to enrolment when they must have one. Public pages are
    not looked at (no session or user is read for them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith(admin_prefix()) and not path.startswith(open_paths()):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                target = None
                if authenticator(user):
                    target = "accounts_verify"
                elif must_use(user):
                    target = "accounts_setup"
                if target:
                    return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
