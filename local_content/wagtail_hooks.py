from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CollectionItemPage, District, Subject


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "tag"
    menu_label = _("Collection subjects")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    list_display = ["name", "regency"]
    search_fields = ["name"]


register_snippet(SubjectViewSet)
register_snippet(DistrictViewSet)


@hooks.register("register_page_header_buttons")
def duplicate_collection_item(page, user, view_name=None, next_url=None):
    """Cataloguing a series: start the next item from a copy of this one (Wagtail's copy view)."""
    if isinstance(page.specific_deferred, CollectionItemPage) and page.permissions_for_user(user).can_copy():
        yield wagtailadmin_widgets.Button(
            _("Duplicate item"), reverse("wagtailadmin_pages:copy", args=[page.pk]), icon_name="copy", priority=5
        )
