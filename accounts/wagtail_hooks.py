"""The account events' names in Wagtail's log, and the staff activity report in Reports."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import activity
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


@hooks.register("register_reports_menu_item")
def register_activity_menu_item():
    return StaffActivityMenuItem(
        _("Staff activity"), reverse("accounts_staff_activity"), name="staff-activity", icon_name="key", order=1010
    )
