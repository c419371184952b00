"""Group visits in the admin: the requests by date, upcoming first, and on each the staff's answer
(accept, propose another time, decline), e-mailed to the requester in their language."""

import django_filters

from django.db.models import BooleanField, Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from portal.models import LibrarySettings

from . import mail
from .forms import AnswerForm
from .models import VisitRequest
from .schedule import library_hours


class AnswerOnlyPolicy(ModelPermissionPolicy):
    """Requests come from the public form: staff answer them, and add none."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(VisitRequest, AnswerOnlyPolicy(VisitRequest))


class VisitFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("From today on")), ("past", _("Before today"))],
        method="filter_when",
        empty_label=_("Any date"),
    )

    class Meta:
        model = VisitRequest
        fields = ["status"]

    def filter_when(self, queryset, name, value):
        today = timezone.localdate()
        return queryset.filter(date__gte=today) if value == "upcoming" else queryset.filter(date__lt=today)


class VisitIndexView(generic.IndexView):
    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        # Upcoming visits first, soonest first; then the past ones.
        past = Case(
            When(date__lt=timezone.localdate(), then=Value(True)), default=Value(False), output_field=BooleanField()
        )
        return queryset.annotate(past=past).order_by("past", "date", "time", "pk")


class AnswerView(generic.EditView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "hours": library_hours(self.request)}

    def save_instance(self):
        # Every answer saved is one the requester hears of: staff choose it each time.
        visit = super().save_instance()
        visit.answered = timezone.now()
        visit.save(update_fields=["answered"])
        mail.answer(visit, LibrarySettings.for_request(self.request))
        return visit

    success_message = _("Answer to '%(object)s' saved and e-mailed to the requester.")


class VisitRequestViewSet(ModelViewSet):
    model = VisitRequest
    name = "group_visits"
    icon = "group"
    menu_label = _("Group visits")
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = VisitIndexView
    edit_view_class = AnswerView
    copy_view_enabled = False
    filterset_class = VisitFilterSet
    list_display = ["institution", "date", "time", "group_size", "age_group", "status", "received"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("institution", read_only=True),
                    FieldPanel("contact_name", read_only=True),
                    FieldPanel("phone", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("group_size", read_only=True),
                    FieldPanel("age_group", read_only=True),
                    FieldPanel("preferred_date", read_only=True),
                    FieldPanel("preferred_time", read_only=True),
                    FieldPanel("notes", read_only=True),
                    FieldPanel("language", read_only=True),
                ],
                heading=_("Request"),
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("date"), FieldPanel("time"), FieldPanel("answer")],
                heading=_("Answer"),
            ),
        ],
        base_form_class=AnswerForm,
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return VisitRequestViewSet()
