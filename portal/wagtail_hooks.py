from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_columns import YesNoColumn
from .models import Alert, LibraryProfile, SpecialSchedule


class LibraryProfileViewSet(SnippetViewSet):
    model = LibraryProfile
    icon = "home"
    menu_label = _("Library profile")
    list_display = ["name", "locale"]
    add_to_settings_menu = True


class SpecialScheduleViewSet(SnippetViewSet):
    model = SpecialSchedule
    icon = "time"
    menu_label = _("Special opening hours")
    list_display = ["name", "starts_on", "ends_on", YesNoColumn("closed", SpecialSchedule), "locale"]
    list_filter = ["closed"]
    ordering = ["-starts_on"]
    add_to_settings_menu = True


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alert banners")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "level", "starts_at", "ends_at", "locale"]
    list_filter = ["level"]


register_snippet(LibraryProfileViewSet)
register_snippet(SpecialScheduleViewSet)
register_snippet(AlertViewSet)
