"""What every page of a request needs, computed once: header, footer and <head> all ask for it."""

from django.utils import timezone

from wagtail.models import Locale, Site

from portal.models import Alert, LibrarySettings


def cached(request, key, compute):
    """Compute once per request: header, footer and <head> all ask for the same things."""
    store = request.__dict__.setdefault("_portal_cache", {})
    if key not in store:
        store[key] = compute()
    return store[key]


def site_library(request):
    """Settings, profile in the active language, opening hours and alert banners of the current site."""

    def compute():
        site_settings = LibrarySettings.for_request(request)
        locale = cached_locale(request)
        now = timezone.now()
        hours = site_settings.opening_hours_for(locale, timezone.localdate(now))
        return {
            "settings": site_settings,
            "profile": site_settings.localized_profile(locale),
            "hours": hours,
            "status": hours.status(now),
            "alerts": Alert.showing(locale, now),
        }

    return cached(request, "library", compute)


def cached_locale(request):
    return cached(request, "locale", Locale.get_active)


def home_page(request):
    """The site's home page in the active language."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return None
        return site.root_page.get_translation_or_none(cached_locale(request)) or site.root_page

    return cached(request, "home", compute)
