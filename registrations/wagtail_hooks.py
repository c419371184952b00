from django.urls import path

from wagtail import hooks

from .admin_views import RegistrationViewSet, checkin


@hooks.register("register_admin_viewset")
def register_viewset():
    return RegistrationViewSet("registration_list", url_prefix="registrations")


@hooks.register("register_admin_urls")
def register_checkin():
    return [path("registrations/check-in/<int:event_id>/", checkin, name="registrations_checkin")]
