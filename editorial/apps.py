from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """What the library's communications staff work with in the admin: roles, the review
    workflow, the dashboard, translation status and preview links for drafts."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = _("Editorial")
