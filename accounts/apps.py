from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts and sign-in: two-step sign-in, who signed in, failed or changed a password
    from which address (in Wagtail's own log), the report of it, the e-mails that tell a user, and
    their sessions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Staff accounts")

    def ready(self):
        from . import audit  # noqa: F401 (connects its signal receivers)
