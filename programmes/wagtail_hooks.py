from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_columns import YesNoColumn

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "kind", "locale", YesNoColumn("show_on_home", Partner)]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


register_snippet(PartnerViewSet)
