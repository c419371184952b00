"""The outgoing e-mail report in Reports, and a dashboard warning while mail is not going out."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views

# A message waiting longer than this has missed a few runs of the sending job.
LATE = timedelta(minutes=15)


class OutgoingMailMenuItem(MenuItem):
    def is_shown(self, request):
        return views.permission_policy.user_has_permission(request.user, "view")


class UndeliveredMailPanel(Component):
    """Shown only while some message is late or given up on, to those who may send it again."""

    name = "undelivered-mail"
    order = 90  # above the lists of pages: mail that did not go out needs someone now
    template_name = "outbox/dashboard_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse("outbox_undelivered")}


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return views.urlpatterns


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return OutgoingMailMenuItem(
        _("Outgoing e-mail"), reverse("outbox_undelivered"), name="outgoing-email", icon_name="mail", order=1400
    )


@hooks.register("construct_homepage_panels")
def add_undelivered_mail_panel(request, panels):
    if views.permission_policy.user_has_permission(request.user, "view"):
        count = views.undelivered().filter(created__lt=timezone.now() - LATE).count()
        if count:
            panels.append(UndeliveredMailPanel(count))
