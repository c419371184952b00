"""What moderators see: the report of everything the scan finds, and a dashboard panel when it
finds anything."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from .guard import is_moderator
from .published import SiteScan, findings

PANEL_LIMIT = 5


class FindingList(list):
    # The report's listing reads the model of what it lists; findings are of many models.
    model = None


class SpamReportView(ReportView):
    page_title = _("Spam check")
    header_icon = "warning"
    index_url_name = "spamguard_report"
    index_results_url_name = "spamguard_report_results"
    context_object_name = "findings"
    no_results_message = _("No gambling spam and no links to sites off the allowlist were found.")
    columns = [
        TitleColumn("title", label=_("Content"), get_url=lambda finding: finding.edit_url),
        Column("type_label", label=_("Type")),
        Column("field_label", label=_("Field")),
        Column("what", label=_("Found")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # Scanned afresh: a moderator checking a clean-up sees it at once.
        return FindingList(SiteScan().findings())


class SpamPanel(Component):
    """On the dashboard, for moderators, only when the scan finds something (kept: see findings())."""

    name = "spam_check"
    template_name = "spamguard/dashboard_panel.html"
    order = 90

    def __init__(self, findings):
        self.findings = findings

    def get_context_data(self, parent_context):
        return {
            "findings": self.findings[:PANEL_LIMIT],
            "count": len(self.findings),
            "report_url": reverse("spamguard_report"),
        }


def dashboard_panels(request):
    if not is_moderator(request.user):
        return []
    found = findings()
    return [SpamPanel(found)] if found else []


urlpatterns = [
    path("reports/spam-check/", SpamReportView.as_view(), name="spamguard_report"),
    path("reports/spam-check/results/", SpamReportView.as_view(results_only=True), name="spamguard_report_results"),
]
