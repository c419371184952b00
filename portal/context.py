"""What every page of a request needs, computed once: header, footer and <head> all ask for it."""

from django.utils import timezone

from wagtail.models import Page, Site

from portal.generation import kept
from portal.i18n import active_locale, localized
from portal.models import Alert, LibrarySettings

# Addresses with more hosts than this are not kept: a flood of made-up Host headers must not
# grow the process (ALLOWED_HOSTS refuses them in production anyway).
MAX_KEPT_HOSTS = 50


def site_for(request):
    """The site Wagtail finds for the request (Site.find_for_request), kept per process until the
    next change to the site, and set on the request for Wagtail's own lookups, with the sites'
    root paths that its pages' addresses start from."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_cached_site_root_paths = site_root_paths()
        address = (request._get_raw_host(), request.get_port())
        sites = kept("sites", dict)
        if address in sites:
            request._wagtail_site = sites[address]
        else:
            request._wagtail_site = Site._find_for_request(request)
            if len(sites) < MAX_KEPT_HOSTS:
                sites[address] = request._wagtail_site
    return request._wagtail_site


def site_root_paths():
    """Site.get_site_root_paths(), kept per process until the next change to the site (a site, or
    a home page in any language: portal/generation.py). Wagtail reads it from the cache for every
    request, and again for each page asked its address without one (page.full_url)."""
    return kept("site_root_paths", Site.get_site_root_paths)


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
        locale = active_locale()
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
    """What header and footer show of the library on this day, read once per process, site,
    language and day until the next change to the site (portal/generation.py)."""
    today = timezone.localdate(now)
    site = site_for(request)

    def compute():
        site_settings = LibrarySettings.for_request(request)
        # Kept along with the settings, so that the header's logo costs no query.
        site_settings.logo, site_settings.default_share_image  # noqa: B018
        alerts = Alert.not_over(now)
        # Each alert's "read more" page in the visitor's language, for all of them in one query.
        links = localized([alert.link_page for alert in alerts], locale, queryset=Page.objects.live())
        for alert, link in zip(alerts, links, strict=True):
            alert.link = link
        return {
            "settings": site_settings,
            "profile": site_settings.localized_profile(locale),
            "hours": site_settings.opening_hours_for(locale, today),
            "alerts": alerts,
        }

    return kept(f"library:{site.pk if site else ''}:{locale.language_code}:{today}", compute)


def home_page(request):
    """The site's home page in the active language (kept per process: nobody may change it)."""
    site = site_for(request)
    if site is None:
        return None
    locale = active_locale()
    return kept(
        f"home:{site.pk}:{locale.language_code}",
        lambda: site.root_page.get_translation_or_none(locale) or site.root_page,
    )
