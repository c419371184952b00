"""What every page of a request needs, computed once: header, footer and <head> all ask for it."""

from django.utils import timezone

from wagtail.models import Locale, Site

from portal.generation import FRAGMENT_SECONDS, page_cache, request_generation
from portal.models import Alert, LibrarySettings


def cached(request, key, compute):
    """Compute once per request: header, footer and <head> all ask for the same things."""
    store = request.__dict__.setdefault("_portal_cache", {})
    if key not in store:
        store[key] = compute()
    return store[key]


def site_library(request):
    """Settings, profile in the active language, opening hours and alert banners of the current site.
    What changes with the clock ("open now", which banners show) is worked out on every request."""

    def compute():
        locale = cached_locale(request)
        now = timezone.now()
        data = library_data(request, locale, now)
        return {
            "settings": data["settings"],
            "profile": data["profile"],
            "hours": data["hours"],
            "status": data["hours"].status(now),
            "alerts": Alert.showing(locale, now, alerts=data["alerts"]),
        }

    return cached(request, "library", compute)


def library_data(request, locale, now):
    """What header and footer show of the library on this day, read once and kept in the page
    cache per site, language and day until the next change to the site (portal/generation.py)."""
    today = timezone.localdate(now)
    site = Site.find_for_request(request)
    key = f"library:{request_generation(request)}:{site.pk if site else ''}:{locale.language_code}:{today}"
    data = page_cache().get(key)
    if data is None:
        site_settings = LibrarySettings.for_request(request)
        # Kept along with the settings, so that the header's logo costs no query.
        site_settings.logo, site_settings.default_share_image  # noqa: B018
        data = {
            "settings": site_settings,
            "profile": site_settings.localized_profile(locale),
            "hours": site_settings.opening_hours_for(locale, today),
            "alerts": Alert.not_over(now),
        }
        page_cache().set(key, data, FRAGMENT_SECONDS)
    return data


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
