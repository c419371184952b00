"""Alert banners: a notice at the top of every page for a while (a closure, a change, an
announcement). Defined apart from the library's settings for length; portal/models.py imports it,
so that Django finds it as a model of the core."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .i18n import localized, one_each


class Alert(TranslatableMixin, models.Model):
    """A banner at the top of every page for a while: a closure, a change, an announcement."""

    class Level(models.TextChoices):
        NOTICE = "notice", _("Notice")
        WARNING = "warning", _("Warning")
        URGENT = "urgent", _("Urgent")

    level = models.CharField(
        _("level"),
        max_length=10,
        choices=Level.choices,
        default=Level.NOTICE,
        help_text=_("Urgent banners stand out most and come first."),
    )
    title = models.CharField(_("title"), max_length=120, help_text=_("A few words in bold, e.g. 'Closed on Friday'."))
    message = models.CharField(_("message"), max_length=300, blank=True, help_text=_("One more sentence, if needed."))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("more about it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page with the details, e.g. the news item about the closure."),
    )
    starts_at = models.DateTimeField(
        _("show from"), default=timezone.now, help_text=_("The banner appears on every page from this moment.")
    )
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True, help_text=_("Empty: until removed."))
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("level"),
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("link_page"),
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
    ]
    translatable_fields = [
        SynchronizedField("level"),
        TranslatableField("title"),
        TranslatableField("message"),
        SynchronizedField("link_page"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})

    @classmethod
    def showing(cls, locale, now, alerts=None):
        """Alerts shown at `now`, in `locale` where translated, else in their own language:
        a closure notice must reach English visitors before anyone translates it. `alerts`: the
        ones not over yet, read before (`not_over`); by default they are read now."""
        if alerts is None:
            alerts = list(cls.objects.filter(starts_at__lte=now).exclude(ends_at__lte=now).select_related("locale"))
        else:
            alerts = [a for a in alerts if a.starts_at <= now and (a.ends_at is None or a.ends_at > now)]
        order = {cls.Level.URGENT: 0, cls.Level.WARNING: 1, cls.Level.NOTICE: 2}
        alerts = one_each(localized(alerts, locale, versions=alerts))
        return sorted(alerts, key=lambda alert: (order[alert.level], -alert.starts_at.timestamp()))

    @classmethod
    def not_over(cls, now):
        """Every alert showing at `now` or later, with its locale, for `showing` to choose from."""
        return list(cls.objects.exclude(ends_at__lte=now).select_related("locale", "link_page"))

    @property
    def dismiss_key(self):
        """Changes when the alert is edited, so an edited alert shows again after being dismissed."""
        return f"{self.translation_key}-{self.updated_at:%Y%m%d%H%M%S}"
