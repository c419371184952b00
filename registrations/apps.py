from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .counts import renew
        from .models import Registration

        post_save.connect(renew, sender=Registration, dispatch_uid="registrations-renew-counts")
        post_delete.connect(renew, sender=Registration, dispatch_uid="registrations-renew-counts")
