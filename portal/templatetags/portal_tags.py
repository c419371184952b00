"""Site-wide pieces every template needs: the library's settings in the active language,
the header menu and the links to the same page in the other languages."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from portal.models import LibrarySettings

register = template.Library()


def cached(request, key, compute):
    """Compute once per request: header, footer and <head> all ask for the same things."""
    store = request.__dict__.setdefault("_portal_cache", {})
    if key not in store:
        store[key] = compute()
    return store[key]


@register.simple_tag(takes_context=True)
def library(context):
    """Settings, profile in the active language and weekly hours of the current site."""
    request = context["request"]

    def compute():
        site_settings = LibrarySettings.for_request(request)
        hours = site_settings.weekly_hours()
        return {
            "settings": site_settings,
            "profile": site_settings.localized_profile(cached_locale(request)),
            "hours": hours,
            "status": hours.status(),
        }

    return cached(request, "library", compute)


def cached_locale(request):
    return cached(request, "locale", Locale.get_active)


def _home(request):
    """The site's home page in the active language."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return None
        return site.root_page.get_translation_or_none(cached_locale(request)) or site.root_page

    return cached(request, "home", compute)


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The home page in the active language and its children shown in menus."""
    request = context["request"]

    def compute():
        home = _home(request)
        if home is None:
            return {"home": None, "items": []}
        items = home.get_children().live().public().in_menu()
        return {"home": home, "items": list(items)}

    return cached(request, "navigation", compute)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: the current page in that language (its translation or
    alias), else that language's home page. Never a link to a page that does not exist."""
    request = context["request"]

    def compute():
        page = context.get("page")
        home = _home(request)
        sources = [page] if isinstance(page, Page) else []
        if home is not None:
            sources.append(home)
        by_language = {}
        wanted = {code for code, _name in settings.LANGUAGES}
        for source in sources:
            if wanted <= by_language.keys():
                break
            for translation in source.get_translations(inclusive=True).live().select_related("locale"):
                by_language.setdefault(translation.locale.language_code, translation)
        current = get_language()
        links = []
        for code, name in settings.LANGUAGES:
            target = by_language.get(code)
            if target is None:
                continue
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": target.get_url(request),
                    "full_url": target.get_full_url(request),
                    "is_current": code == current,
                }
            )
        return links

    return cached(request, "language_links", compute)


@register.simple_tag
def alias_source_language(page):
    """For a page shown as an alias of a page in another language (not yet translated), the code
    of the language its content is written in; else an empty string."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return ""
    source = Page.objects.filter(pk=page.alias_of_id).values_list("locale__language_code", flat=True).first()
    return source if source and source != page.locale.language_code else ""


@register.filter
def lazy_after(position, count):
    """loading="eager" for the first `count` images of a list (the first screen), "lazy" after."""
    return "lazy" if int(position) > int(count) else "eager"
