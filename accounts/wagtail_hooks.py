"""The staff accounts' admin pages and links."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from . import two_factor_views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor_views.urlpatterns


@hooks.register("register_account_menu_item")
def two_factor_settings_item(request):
    return {
        "url": reverse("accounts_settings"),
        "label": _("Two-step verification"),
        "help_text": _("Your authenticator app and recovery codes for signing in."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if request_user.has_perm("auth.change_user"):
        yield ListingButton(
            _("Reset two-step verification"), reverse("accounts_reset", args=[user.pk]), icon_name="key", priority=40
        )


@hooks.register("register_log_actions")
def register_two_factor_actions(actions):
    actions.register_action("accounts.otp_verified", _("Second step passed"), _("Signed in with a code"))
    actions.register_action("accounts.otp_failed", _("Second step failed"), _("Typed a wrong code"))
    actions.register_action("accounts.otp_enrolled", _("Second step set up"), _("Set up two-step verification"))
    actions.register_action("accounts.otp_reset", _("Second step reset"), _("Two-step verification removed"))
    actions.register_action("accounts.recovery_code_used", _("Recovery code used"), _("Signed in with a recovery code"))
