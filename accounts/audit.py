"""Who did what: sign-ins, failed sign-ins, lockouts and password changes go into Wagtail's own log
against the User, and every entry of that log (publishes included) carries the client's address.

The address comes from the request when a signal brings one, else from the request being served
(addresses.py)."""

from axes.signals import user_locked_out

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from .actions import LOCKED_OUT, OTP_FAILED, PASSWORD_CHANGED, SIGN_IN_FAILED, SIGNED_IN
from .addresses import address_of, client_address
from .notices import notify_security_change


def account_named(username):
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first() if username else None


@receiver(pre_save, sender=PageLogEntry)
@receiver(pre_save, sender=ModelLogEntry)
def add_client_address(sender, instance, **kwargs):
    address = client_address.get()
    if address and instance._state.adding and "address" not in (instance.data or {}):
        instance.data = {**(instance.data or {}), "address": address}


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    log(instance=user, action=SIGNED_IN, user=user, data={"address": address_of(request)})


# Failures and lockouts are kept only for a user name that exists: the log's entries belong to an
# object, and a mistyped name is often a password typed in the wrong box. django-axes counts all.
@receiver(user_login_failed)
def log_sign_in_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get(get_user_model().USERNAME_FIELD)
    if account := account_named(username):
        data = {"address": address_of(request), "username": username}
        # A wrong code after the right password counts for django-axes like a wrong password
        # (two_factor.check_code sends it); here it keeps its own name.
        action = OTP_FAILED if sender == "accounts.two_factor" else SIGN_IN_FAILED
        log(instance=account, action=action, user=account, data=data)


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    if account := account_named(username):
        log(instance=account, action=LOCKED_OUT, user=account, data={"address": ip_address, "username": username})


@receiver(post_save, sender=get_user_model())
def log_password_change(sender, instance, created, **kwargs):
    """Any new password: the account page, an administrator's edit, a reset link, `changepassword`.
    set_password() keeps the new password in `_password` until save() has told the password
    validators; a hash upgraded at sign-in clears it first, so that is not a change."""
    if created or getattr(instance, "_password", None) is None:
        return
    # The user who did it comes from Wagtail's log context (the admin's views set it).
    log(instance=instance, action=PASSWORD_CHANGED)
    notify_security_change(instance, PASSWORD_CHANGED, None)
