from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpamGuardConfig(AppConfig):
    """Guards the published site against injected online-gambling spam and outside links: the
    scan, the moderators' report and dashboard panel, the check on editors' saves, `scan_spam`."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "spamguard"
    verbose_name = _("Spam check")

    def ready(self):
        from . import published

        published.connect_signals()
