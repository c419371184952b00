from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class SeoMixin(models.Model):
    """Share image for chat apps and social networks; title and description come from Page."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on WhatsApp or Facebook. Landscape, at least 1200 px wide."),
    )

    seo_panels = [FieldPanel("social_image")]

    class Meta:
        abstract = True

    @property
    def share_image(self):
        return self.social_image

    @property
    def share_description(self):
        return self.search_description
