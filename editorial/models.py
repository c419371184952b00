import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    # 32 random bytes: as hard to guess as a password, short enough for a URL.
    return secrets.token_urlsafe(32)


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(expires_at__gt=timezone.now())

    def expired(self):
        return self.filter(expires_at__lte=timezone.now())


class PreviewLink(models.Model):
    """A secret address that shows a page's latest draft to someone without an account,
    such as a funder checking a programme page before it goes live."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    token = models.CharField(
        _("token"),
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
        help_text=_("The secret part of the link's address."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("expires at"),
        help_text=_("After this moment the link shows a “not found” page."),
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Preview of “%(page)s”") % {"page": self.page.title}

    @property
    def is_active(self):
        return self.expires_at > timezone.now()
