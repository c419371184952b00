"""Admin additions for editors and moderators."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import dashboard, preview_links, synchronized, translation, translation_status
from .page_views import PortalPageViewSet


@hooks.register("register_admin_viewset")
def register_page_viewset():
    """Every page type's views: Wagtail's own (registered before this) apart from the create view."""
    return PortalPageViewSet(name="portal_pages")


@hooks.register("register_admin_urls")
def register_preview_link_urls():
    return preview_links.admin_urls


@hooks.register("construct_page_action_menu")
@hooks.register("construct_snippet_action_menu")
def one_way_to_translate(menu_items, request, context):
    """Translations are written in the normal editor (editorial/translation.py): wagtail-localize's
    "Start synced translation" would move one to its segment editor, which cannot submit for review."""
    menu_items[:] = [item for item in menu_items if item.name != "localize-restart-translation"]


@hooks.register("before_edit_page")
def say_which_language_is_edited(request, page):
    synchronized.translation_notice(request, page)


@hooks.register("register_log_actions")
def register_shared_fields_copied(actions):
    actions.register_action(synchronized.ACTION)(synchronized.SharedFieldsCopied)


@hooks.register("insert_global_admin_js")
def dates_as_typed():
    return format_html('<script src="{}"></script>', static("editorial/js/dates_as_typed.js"))


@hooks.register("insert_editor_js")
def send_after_autosave():
    return format_html('<script src="{}"></script>', static("editorial/js/send_after_autosave.js"))


@hooks.register("register_page_header_buttons")
def share_preview_link_button(page, user, view_name=None, next_url=None):
    yield preview_links.SharePreviewLinkButton(page=page, priority=62)


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return translation_status.urlpatterns


@hooks.register("register_admin_urls")
def register_translation_urls():
    return translation.urlpatterns


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("editorial_translation_status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def one_translation_report(request, menu_items):
    """wagtail-localize's own report counts a page's text as translated only in its segment editor,
    which editors here never use (they translate in the normal editor): it said "Menunggu terjemahan"
    of every translation, published or not, beside "Status terjemahan", which says how each stands."""
    localize_report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_report]


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    for panel in (dashboard.InReviewPanel, dashboard.DraftsPanel, dashboard.ScheduledPanel):
        panels.append(panel(request.user))
    panels.append(dashboard.UntranslatedPagesPanel())
