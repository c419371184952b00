"""The page editor's views where they differ from Wagtail's."""

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet


class CreatePageView(CreateView):
    """Another request can take the new page's slug between the form's check and the save (two
    editors, two tabs, a request that arrives twice): Wagtail's save then raises, a server error.
    The editor gets the form back with the reason instead, and nothing half made is kept."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
            for field, messages in errors.items():
                form.add_error(field if field in form.fields else None, messages)
            return self.form_invalid(form)


class PortalPageViewSet(PageViewSet):
    add_view_class = CreatePageView
