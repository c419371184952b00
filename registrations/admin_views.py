"""The staff side: the registrations of every event (with the waitlist, filtered per event,
exported as CSV or XLSX by Wagtail's listing) and the check-in at the door, made for a phone:
one large button per person, a plain form POST, no JavaScript needed."""

import django_filters

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from news.events import EventPage
from portal.admin_columns import LanguageColumn, YesNoColumn, yes_no
from portal.i18n import in_language

from .models import Registration

permission_policy = ModelPermissionPolicy(Registration)


class RegistrationFilterSet(WagtailFilterSet):
    # Only events that have registrations, in the default language (where they are kept).
    event = django_filters.ModelChoiceFilter(
        label=_("event"), queryset=EventPage.objects.filter(registrations__isnull=False).distinct().order_by("-start")
    )

    class Meta:
        model = Registration
        fields = ["event", "status", "attended"]


def local_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class RegistrationIndexView(IndexView):
    # The coming and latest events first, and each event's people in the order they signed up
    # (the waitlist's order), rather than the oldest event of all on top.
    default_ordering = ("-event__start", "created_at", "pk")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # In Western Indonesia Time, as staff read it, and yes or no in their language, not True.
        self.custom_field_preprocess["created_at"] = {self.FORMAT_CSV: local_time, self.FORMAT_XLSX: local_time}
        self.custom_field_preprocess["attended"] = {self.FORMAT_CSV: yes_no, self.FORMAT_XLSX: yes_no}

    def stream_csv(self, queryset):
        # Written while the response streams, after the admin has let go of the user's language.
        return in_language(translation.get_language(), super().stream_csv(queryset))


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email"]
    list_display = [
        "name",
        TitleColumn("event", label=_("Event (check-in)"), get_url=lambda item: checkin_url(item.event_id)),
        "status",
        YesNoColumn("attended", Registration),
        LanguageColumn("language", label=capfirst(Registration._meta.get_field("language").verbose_name)),
        "created_at",
    ]
    list_export = ["event", "name", "email", "get_status_display", "attended", "language", "created_at", "answers_text"]
    export_headings = {
        "event": _("Event"),
        "name": _("Name"),
        "email": _("E-mail"),
        "get_status_display": _("Status"),
        "attended": _("Attended"),
        "language": _("Language"),
        "created_at": _("Registered"),
        "answers_text": _("Answers"),
    }
    export_filename = "registrations"
    form_fields = ["name", "email", "status", "attended"]


def checkin_url(event_id):
    return reverse("registrations_checkin", args=[event_id])


def checkin(request, event_id):
    if not permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    event = get_object_or_404(EventPage, pk=event_id)
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED)
    if request.method == "POST":
        chosen = request.POST.get("registration", "")
        person = get_object_or_404(confirmed, pk=int(chosen) if chosen.isdigit() else 0)
        person.attended = request.POST.get("attended") == "1"
        person.save(update_fields=["attended"])
        return redirect(f"{request.path}#r{person.pk}")
    people = list(confirmed.order_by("name", "pk"))
    header_title = _("Check-in: %(title)s") % {"title": event.title}
    list_url = reverse("registration_list:index") + f"?event={event.pk}"
    context = {
        "event": event,
        "header_title": header_title,
        # Wagtail's slim header, as on the list it comes from: Registrations > Check-in.
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": list_url, "label": Registration._meta.verbose_name_plural},
            {"url": "", "label": header_title},
        ],
        "list_url": list_url,
        "people": people,
        "present": sum(person.attended for person in people),
        "waitlisted": event.registrations.filter(status=Registration.Status.WAITLISTED).count(),
    }
    return TemplateResponse(request, "registrations/admin/checkin.html", context)
