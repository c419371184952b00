from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The site's outgoing e-mail, kept in the database (django-post-office) and sent from there,
    so that a mail server that is down loses nothing: staff see what is waiting and send it again."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "outbox"
    verbose_name = _("Outgoing e-mail")
