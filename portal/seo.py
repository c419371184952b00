"""What search engines and chat apps read about a page: description, share image, canonical
address, and schema.org JSON-LD."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from portal.context import home_page, site_library
from portal.images import kept_rendition

DESCRIPTION_LENGTH = 160


class SeoMixin(models.Model):
    """Share image for chat apps and social networks; title and description come from Page,
    with the page's own summary or introduction when the editor leaves the description empty."""

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
    # What chat apps and search engines take the page for (news items and albums are articles), and
    # the share image's description when the page has one.
    og_type = "website"
    share_image_alt = ""
    # Fields a description can fall back on, first filled one wins.
    description_fields = ("summary", "introduction", "description", "welcome_text")

    class Meta:
        abstract = True

    @property
    def share_image(self):
        return self.social_image

    @property
    def share_description(self):
        if self.search_description:
            return self.search_description
        for name in self.description_fields:
            text = " ".join(strip_tags(str(getattr(self, name, "") or "")).split())
            if text:
                return Truncator(text).chars(DESCRIPTION_LENGTH)
        return ""

    def structured_data(self, request):
        """schema.org objects describing the page, for search engines; none by default."""
        return []


def json_script(data):
    """JSON for a <script type="application/ld+json">, safe to embed: "<" cannot close the element."""
    return mark_safe(json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).replace("<", "\\u003c"))


def compact(data):
    """Drop empty values so the JSON-LD holds only what is known."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def image_url(request, image, spec="fill-1200x630|format-jpeg"):
    return request.build_absolute_uri(kept_rendition(image, spec).url) if image else None


def library_data(request, page=None):
    """The library as a schema.org Library: name, address, contacts and opening hours."""
    lib = site_library(request)
    profile, settings = lib["profile"], lib["settings"]
    if profile is None:
        return None
    home = home_page(request) if page else None
    address = ", ".join(line.strip() for line in profile.address.splitlines() if line.strip())
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Library",
            "name": profile.name,
            "alternateName": profile.short_name,
            "description": profile.tagline,
            "url": home.get_full_url(request) if home else None,
            "address": {"@type": "PostalAddress", "streetAddress": address, "addressCountry": "ID"},
            "telephone": settings.phone,
            "email": settings.email,
            "logo": image_url(request, settings.logo, "max-512x512|format-png"),
            "image": image_url(request, settings.default_share_image),
            "openingHoursSpecification": lib["hours"].specification(),
            "sameAs": [url for key, _label, url in settings.social_links() if key not in ("email", "rss")],
        }
    )


def publisher_data(request):
    """The library as publisher or organiser of a page: a short reference."""
    profile = site_library(request)["profile"]
    return {"@type": "Library", "name": profile.name} if profile else None


def article_data(page, request):
    """What any article-like page says about itself: headline, description, image, dates."""
    image = page.share_image
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": Truncator(page.title).chars(110),
            "description": page.share_description,
            "url": page.get_full_url(request),
            "mainEntityOfPage": page.get_full_url(request),
            "inLanguage": page.locale.language_code,
            "image": [image_url(request, image)] if image else None,
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
            "publisher": publisher_data(request),
        }
    )
