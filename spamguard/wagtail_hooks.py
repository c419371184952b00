"""The spam check in the admin: report, dashboard panel, and the check on every save of a page or
snippet (spamguard/guard.py)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from . import views
from .guard import SaveCheck, is_moderator, warn_after_save


@hooks.register("register_admin_urls")
def register_report_urls():
    return views.urlpatterns


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    url = reverse("spamguard_report")
    return ModeratorMenuItem(_("Spam check"), url, name="spam-check", icon_name="warning", order=1400)


@hooks.register("construct_homepage_panels")
def add_spam_panel(request, panels):
    panels.extend(views.dashboard_panels(request))


@hooks.register("before_create_page")
def check_new_page(request, parent_page, page_class):
    if request.method == "POST":
        SaveCheck(request, live=None).hold_publish()


@hooks.register("before_edit_page")
def check_page(request, page):
    if request.method == "POST":
        # The page's own row holds the live version while it is live (drafts live in revisions).
        live = Page.objects.live().filter(pk=page.pk).specific().first()
        SaveCheck(request, live).hold_publish()


def check_snippet(request, live):
    """A snippet saved is live at once (none of the site's has drafts): a save that adds spam by
    someone who is not a moderator is refused, and waits for a moderator."""
    if request.method == "POST":
        check = SaveCheck(request, live)
        if check.held:
            messages.error(request, check.refusal())
            return redirect(request.get_full_path())
    return None


@hooks.register("before_create_snippet")
def check_new_snippet(request, model):
    return check_snippet(request, live=None)


@hooks.register("before_edit_snippet")
def check_edited_snippet(request, instance):
    # As stored, not as the form is about to change it.
    return check_snippet(request, type(instance).objects.filter(pk=instance.pk).first())


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn(request, obj):
    warn_after_save(request, obj)
