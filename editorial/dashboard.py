"""Dashboard panels: what is waiting in the review step, unpublished drafts, scheduled pages and
pages still to translate, for everyone who can edit pages (Wagtail's own panels show only the
user's own items)."""

from datetime import UTC, datetime
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from .translation_status import PAGES, State, TranslationStatus

LIMIT = 8
# Revisions and workflow states point at their page by a text id.
page_id = Cast(OuterRef("pk"), CharField())


class PageListPanel(Component):
    """A list of pages the user can edit; subclasses choose them in `pages(editable)`, each
    annotated with the `date` the panel shows. Hidden when empty, like Wagtail's own panels."""

    template_name = "editorial/dashboard_panel.html"
    heading = ""
    date_label = ""
    # Dates to come are written out ("19 Desember 2026, 08.00"): "x minutes ago" only fits the past.
    upcoming = False

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        editable = PagePermissionPolicy().instances_user_has_permission_for(self.user, "change")
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "date_label": self.date_label,
            "upcoming": self.upcoming,
            "pages": list(self.pages(editable)[:LIMIT]),
        }


class InReviewPanel(PageListPanel):
    name = "pages-in-review"
    order = 205
    heading = _("Pages awaiting review")
    date_label = _("Submitted")

    def pages(self, editable):
        # Not those sent back for changes: they wait for their editor, not for a review.
        in_review = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=page_id,
        )
        return editable.annotate(date=in_review.values("created_at")[:1]).filter(Exists(in_review)).order_by("-date")


class DraftsPanel(PageListPanel):
    name = "drafts"
    order = 230
    heading = _("Drafts not yet published")
    date_label = _("Last saved")

    def pages(self, editable):
        return (
            editable.filter(has_unpublished_changes=True, depth__gt=1)
            .annotate(date=F("latest_revision_created_at"))
            .order_by("-latest_revision_created_at")
        )


class ScheduledPanel(PageListPanel):
    name = "scheduled"
    order = 240
    heading = _("Scheduled pages")
    date_label = _("Goes live")
    upcoming = True

    def pages(self, editable):
        scheduled = Revision.page_revisions.filter(object_id=page_id, approved_go_live_at__isnull=False)
        return (
            editable.annotate(date=scheduled.values("approved_go_live_at")[:1])
            .filter(date__isnull=False)
            .order_by("date")
        )


NEVER = datetime.min.replace(tzinfo=UTC)


class UntranslatedPagesPanel(Component):
    name = "untranslated_pages"
    template_name = "editorial/untranslated_pages_panel.html"
    order = 350
    limit = 5

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        rows = TranslationStatus(request.user, next_url=reverse("wagtailadmin_home")).rows(snippets=False)
        pending = {State.NOT_TRANSLATED, State.OUT_OF_DATE}
        waiting = [row for row in rows if row.states & pending]
        # Most recently changed first: those are the ones readers are most likely to look for.
        waiting.sort(key=lambda row: row.changed_at or NEVER, reverse=True)
        report_url = reverse("editorial_translation_status")
        return {
            "request": request,
            "rows": waiting[: self.limit],
            "totals": [
                {
                    "label": state.label,
                    "count": sum(state in row.states for row in rows),
                    "url": f"{report_url}?{urlencode({'kind': PAGES, 'state': state.value})}",
                }
                for state in (State.NOT_TRANSLATED, State.OUT_OF_DATE)
            ],
            "report_url": f"{report_url}?{urlencode({'kind': PAGES})}",
        }
