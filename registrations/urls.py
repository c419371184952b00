from django.urls import path
from django.utils.translation import gettext_lazy as _

from registrations import views

app_name = "registrations"
urlpatterns = [
    path(_("register/<int:page_id>/"), views.register, name="register"),
    path(_("registration/<slug:token>/"), views.done, name="done"),
    path(_("registration/<slug:token>/cancel/"), views.cancel, name="cancel"),
]
