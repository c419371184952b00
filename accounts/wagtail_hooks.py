"""The staff accounts' admin pages and links: two-step sign-in, the account events' names in
Wagtail's log, and the staff activity report in Reports."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from . import activity, two_factor_views
from .actions import ACCOUNT_ACTIONS


class StaffActivityMenuItem(MenuItem):
    def is_shown(self, request):
        return activity.is_administrator(request.user)


@hooks.register("register_log_actions")
def register_account_actions(actions):
    for action, label in ACCOUNT_ACTIONS.items():
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def register_activity_urls():
    return activity.urlpatterns


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor_views.urlpatterns


@hooks.register("register_reports_menu_item")
def register_activity_menu_item():
    return StaffActivityMenuItem(
        _("Staff activity"), reverse("accounts_staff_activity"), name="staff-activity", icon_name="key", order=1010
    )


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
