from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LibraryProfile


class LibraryProfileViewSet(SnippetViewSet):
    model = LibraryProfile
    icon = "home"
    menu_label = _("Library profile")
    list_display = ["name", "locale"]
    add_to_settings_menu = True


register_snippet(LibraryProfileViewSet)
