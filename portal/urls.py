from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from local_content import oai

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("oai/", oai.endpoint, name="oai"),
]

if settings.SERVE_MEDIA:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages live under /id/ and /en/. A bare "/" matches nothing here, so LocaleMiddleware
# redirects it to the visitor's language from Accept-Language (Indonesian by default).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
