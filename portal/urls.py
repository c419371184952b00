from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import Http404
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from portal import crawlers, routing

# The site's own pages for refused requests and for a database that cannot be reached, in the
# visitor's language (ops/errors.py); 404 is Django's view with templates/404.html.
handler400 = "ops.errors.bad_request"
handler403 = "ops.errors.permission_denied"
handler500 = "ops.errors.server_error"

SITEMAPS = {"pages": crawlers.MultilingualSitemap}

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("local_content.urls")),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"}),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", crawlers.robots_txt),
    path("", include("ops.urls")),
    path("", include("editorial.urls")),
]

if settings.SERVE_MEDIA:
    # Not django.conf.urls.static.static(): that one serves nothing unless DEBUG is on.
    def serve_media(request, path):
        try:
            return serve(request, path, document_root=settings.MEDIA_ROOT)
        except OSError:  # a name too long for the file system: no such file
            raise Http404 from None

    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

# Pages live under /id/ and /en/. A bare "/" matches nothing here, so LocaleMiddleware
# redirects it to the visitor's language from Accept-Language (Indonesian by default); any other
# address without a language only when it is a page in that language (portal/i18n.py).
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("visits.urls")),
    path("", include("registrations.urls")),
    # Wagtail's page view with a faster way to the page (portal/routing.py); its other views stay.
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
