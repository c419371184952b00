from django.urls import path
from django.utils.translation import gettext_lazy as _

from visits import views

urlpatterns = [
    path(_("group-visit/"), views.request_visit, name="visit_request"),
    path(_("group-visit/sent/<str:token>/"), views.request_sent, name="visit_request_sent"),
]
