from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalContentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "local_content"
    verbose_name = _("Local content collection")

    def ready(self):
        from . import signals  # noqa: F401 - connects the OAI-PMH deleted-record handlers
