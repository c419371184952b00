from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="warning")
class SpamGuardSettings(BaseGenericSetting):
    """The outside domains pages may link to without a moderator's look, besides the built-in ones
    (spamguard/scan.py). One for every site: spam is spam whichever site shows it."""

    allowed_domains = models.TextField(
        _("allowed domains"),
        blank=True,
        help_text=_(
            "Outside sites that pages, snippets and settings may link to, one domain per line, "
            "e.g. perpusnas.go.id or kompas.com; their subdomains are allowed too. This site's own "
            "addresses, government and school domains (.go.id, .ac.id, .sch.id, .desa.id), "
            "Facebook, Instagram, X, WhatsApp, YouTube, Vimeo and OpenStreetMap are always allowed."
        ),
    )

    panels = [FieldPanel("allowed_domains")]

    class Meta:
        verbose_name = _("spam check")
        verbose_name_plural = _("spam check")
