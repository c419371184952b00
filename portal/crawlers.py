"""What search engine crawlers read: /sitemap.xml with every language's pages and their
alternates, and /robots.txt pointing to it."""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.context import site_for
from portal.pages import visible


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists the site's root page and what is under it: the Indonesian tree.
    This one lists every language's tree (not aliases: they repeat another language's text) and
    gives each page its hreflang alternates, as the <head> of the page does."""

    limit = 5000

    def items(self):
        site = self.get_wagtail_site()
        trees = Q()
        for root in site.root_page.get_translations(inclusive=True):
            trees |= Q(path__startswith=root.path)
        return visible(Page.objects.all()).filter(trees, alias_of__isnull=True).order_by("path")

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        pages = self.paginator.page(page).object_list
        keys = {page.translation_key for page in pages}
        translations = {}
        for translation_ in (
            visible(Page.objects.all())
            .filter(translation_key__in=keys, alias_of__isnull=True)
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            translations.setdefault(translation_.translation_key, []).append(translation_)
        for url, item in zip(urls, pages, strict=True):
            versions = translations.get(item.translation_key, [])
            if len(versions) < 2:
                continue
            url["alternates"] = [
                {"lang_code": version.locale.language_code, "location": version.get_full_url(self.request)}
                for version in versions
            ]
            default = next((v for v in versions if v.locale.language_code == settings.LANGUAGE_CODE), None)
            if default:
                url["alternates"].append({"lang_code": "x-default", "location": default.get_full_url(self.request)})
        return urls


@require_GET
def robots_txt(request):
    site = site_for(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {root}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
