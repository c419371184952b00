"""The "Outgoing e-mail" report: messages the mail server has not taken yet (waiting, being tried
again, or given up on), with the last error, and a button that sends them all again."""

from post_office.models import STATUS, Email, Log

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.auth import permission_denied
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

permission_policy = ModelPermissionPolicy(Email)

STATES = {
    STATUS.queued: _("Waiting to be sent"),
    STATUS.requeued: _("Will be tried again"),
    STATUS.failed: _("Not delivered"),
}


def undelivered():
    """Every message the mail server has not accepted, newest first, with its last error."""
    failures = Log.objects.filter(status=STATUS.failed).order_by("-date")
    return (
        Email.objects.exclude(status=STATUS.sent)
        .order_by("-created")
        .prefetch_related(Prefetch("logs", queryset=failures, to_attr="failures"))
    )


class MessagePaginator(WagtailPaginator):
    # "1 pesan", not django-post-office's untranslated "1 Email".
    verbose_name = _("message")
    verbose_name_plural = _("messages")


class UndeliveredMailView(ReportView):
    page_title = _("Outgoing e-mail")
    header_icon = "mail"
    template_name = "outbox/undelivered.html"
    index_url_name = "outbox_undelivered"
    index_results_url_name = "outbox_undelivered_results"
    permission_policy = permission_policy
    any_permission_required = ["view"]
    context_object_name = "emails"
    paginator_class = MessagePaginator
    no_results_message = _("Every message has been sent.")
    columns = [
        DateColumn("created", label=_("Written")),
        Column("to", label=_("To"), accessor=lambda email: ", ".join(email.to)),
        Column("subject", label=_("Subject")),
        Column("state", label=_("Status"), accessor=lambda email: STATES.get(email.status, "")),
        Column("tries", label=_("Failed tries"), accessor=lambda email: len(email.failures)),
        Column(
            "error", label=_("Last error"), accessor=lambda email: email.failures[0].message if email.failures else ""
        ),
    ]

    def get_queryset(self):
        return undelivered()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_send"] = permission_policy.user_has_permission(self.request.user, "change")
        return context


# Sent within the click; the rest go with the next run of the mail job, a minute later at most.
SEND_AT_ONCE = 20


@require_POST
def send_again(request):
    """Puts every undelivered message back in the queue with its tries counted afresh, and sends the
    oldest at once, stopping at the first the mail server refuses (the others would wait as long)."""
    if not permission_policy.user_has_permission(request.user, "change"):
        return permission_denied(request)
    waiting = list(undelivered().order_by("created").values_list("pk", flat=True))
    queue = Email.objects.filter(pk__in=waiting)
    queue.update(status=STATUS.queued, scheduled_time=None, number_of_retries=0)
    sent, refused = 0, False
    for email in queue.order_by("created")[:SEND_AT_ONCE]:
        if email.dispatch() != STATUS.sent:
            refused = True
            Email.objects.filter(pk=email.pk).update(status=STATUS.queued)  # dispatch() gave up on it
            break
        sent += 1
    if sent:
        messages.success(
            request, ngettext("%(count)d message sent.", "%(count)d messages sent.", sent) % {"count": sent}
        )
    left = len(waiting) - sent
    if refused:
        messages.error(
            request,
            ngettext(
                "The mail server still refuses messages: %(count)d waits and is tried again every minute.",
                "The mail server still refuses messages: %(count)d wait and are tried again every minute.",
                left,
            )
            % {"count": left},
        )
    elif left:
        messages.info(
            request,
            ngettext(
                "%(count)d more message goes out with the next run of the mail job, within a minute.",
                "%(count)d more messages go out with the next run of the mail job, within a minute.",
                left,
            )
            % {"count": left},
        )
    return redirect(reverse("outbox_undelivered"))


urlpatterns = [
    path("reports/outgoing-email/", UndeliveredMailView.as_view(), name="outbox_undelivered"),
    path(
        "reports/outgoing-email/results/",
        UndeliveredMailView.as_view(results_only=True),
        name="outbox_undelivered_results",
    ),
    path("reports/outgoing-email/send/", send_again, name="outbox_send_again"),
]
