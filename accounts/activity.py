"""The "Staff activity" report, beside Wagtail's Site history, for administrators: sign-ins,
failures, lockouts, password and second-factor changes and publishes, newest first, with the
client's address; filtered by action, user and dates, exported as CSV or XLSX."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Q, Value
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.generic.history import HistoryFilterSet
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, PageLogEntry

from portal.i18n import in_language

from .actions import REPORTED_ACTIONS

ADMINISTRATORS = "Administrators"  # the group made by the editorial app's migrations
# Sign-ins and account events are logged against users (ModelLogEntry), publishes of pages in
# PageLogEntry and of snippets in ModelLogEntry.
LOG_MODELS = [ModelLogEntry, PageLogEntry]


def is_administrator(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists())


def reported(log_model):
    return log_model.objects.filter(action__in=REPORTED_ACTIONS)


class StaffActivityFilterSet(HistoryFilterSet):
    """Wagtail's history filters (action, user, date range), over the reported actions only."""

    def get_action_choices(self):
        return [(action, label) for action, label in log_registry.get_choices() if action in REPORTED_ACTIONS]

    def get_users_queryset(self):
        User = get_user_model()
        users = Q()
        for log_model in LOG_MODELS:
            users |= Q(pk__in=reported(log_model).values("user_id"))
        return User.objects.filter(users).order_by(User.USERNAME_FIELD)

    class Meta:
        model = ModelLogEntry
        fields = []


def local_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


class StaffActivityView(LogEntriesView):
    """Wagtail's site history report (its union of log models, its labels and export), narrowed to
    the reported actions, with the address; every entry, whatever objects the administrator edits."""

    page_title = _("Staff activity")
    header_icon = "key"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    filterset_class = StaffActivityFilterSet
    index_url_name = "accounts_staff_activity"
    index_results_url_name = "accounts_staff_activity_results"
    columns = [
        DateColumn("timestamp", label=_("Date/Time")),
        UserColumn("user", label=_("User"), accessor="user", blank_display_name=_("system")),
        Column("action", label=_("Action"), accessor="message"),
        TitleColumn("label", label=_("Name"), get_url=lambda entry: entry.edit_url),
        Column("address", label=_("IP address")),
    ]
    list_export = ["timestamp", "user_display_name", "action", "label", "address"]
    export_headings = {
        "timestamp": _("Date/Time"),
        "user_display_name": _("User"),
        "action": _("Action"),
        "label": _("Name"),
        "address": _("IP address"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess["timestamp"] = {self.FORMAT_CSV: local_time}

    def stream_csv(self, queryset):
        # The CSV is written while the response streams, after the admin has let go of the user's
        # language: its headings and action names keep the language of the request.
        return in_language(translation.get_language(), super().stream_csv(queryset))

    def get_filename(self):
        return "staff-activity-" + timezone.localdate().isoformat()

    def get_filtered_queryset(self):
        # As Wagtail's report does, but not limited to the objects this user may edit: administrators
        # see every account's events.
        self.log_models = LOG_MODELS
        queryset = None
        for index, log_model in enumerate(self.log_models):
            rows = self.filter_queryset(reported(log_model).values("pk", "timestamp"))
            rows = rows.annotate(log_model_index=Value(index, output_field=IntegerField())).order_by()
            queryset = rows if queryset is None else queryset.union(rows, all=True)
        return queryset.order_by("-timestamp")

    def get_table(self, object_list):
        # Wagtail's report turns its rows into log entries after the table is made (for its own
        # template); the columns need the entries, so they are made here, once.
        self.entries = super().decorate_paginated_queryset(object_list)
        for entry in self.entries:
            entry.address = entry.data.get("address") or ""
        return super().get_table(self.entries)

    def decorate_paginated_queryset(self, queryset):
        return self.entries


urlpatterns = [
    path("reports/staff-activity/", StaffActivityView.as_view(), name="accounts_staff_activity"),
    path(
        "reports/staff-activity/results/",
        StaffActivityView.as_view(results_only=True),
        name="accounts_staff_activity_results",
    ),
]
