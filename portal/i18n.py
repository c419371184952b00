"""The visitor's language: objects looked up in it, and redirects to an address in it only where a
page (or another view) answers.

Django's LocaleMiddleware sends any address without a language that finds nothing to the same
address under the visitor's language, and CommonMiddleware any address without a final slash to
the same with one, as soon as the new address matches a URL pattern. Wagtail's pattern matches
every path of word characters, so every unknown address was redirected before its 404, and a very
long one came back with a Location header too large for the proxy in front (nginx: "upstream sent
too big header", 502). Here both redirect only to a live page of the site in that language (or one
of its routes, such as a feed), or to another view (search); anything else gets the site's 404
page at once, in the language of Accept-Language (Indonesian by default)."""

from django.conf import settings
from django.http import Http404
from django.middleware import common, locale
from django.urls import Resolver404, get_script_prefix, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from portal.generation import kept

# A Location longer than this is never sent: with the request's other headers it must fit the
# proxy's buffer for an answer's headers (nginx: 4 KB by default). A page's own address is far
# shorter; a long query string is left out of the redirect.
MAX_LOCATION = 2000


def active_locale():
    """The active language's Locale, read once per process until the next change to the site."""
    return kept(f"locale:{translation.get_language()}", Locale.get_active)


def localized(objects, locale=None, *, queryset=None, versions=None):
    """Each of `objects` (pages or translatable snippets) in `locale`, the active language by
    default: its version there, else the one in the default language, else itself. Order is kept;
    None stays None. The versions are read in one query for the whole list from `queryset` (by
    default live pages, or the objects' own model), or chosen among `versions`, objects of every
    language already read with their locales."""
    wanted = [obj for obj in objects if obj is not None]
    if not wanted:
        return list(objects)
    locale = locale or active_locale()
    if versions is None:
        if queryset is None:
            queryset = Page.objects.live().specific() if isinstance(wanted[0], Page) else type(wanted[0]).objects
        # In no order: every query of pages is sorted by their tree path unless told otherwise.
        versions = queryset.filter(
            translation_key__in={obj.translation_key for obj in wanted}, locale=locale
        ).order_by()
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    best = {}
    for version in versions:
        rank = 0 if version.locale_id == locale.pk else 1 if version.locale.language_code == default else 2
        if version.translation_key not in best or rank < best[version.translation_key][0]:
            best[version.translation_key] = (rank, version)
    return [obj if obj is None or obj.translation_key not in best else best[obj.translation_key][1] for obj in objects]


def localized_ids(ids, queryset, locale=None):
    """localized() for objects known by their ids, as a StreamField stores its choices: the chosen
    objects and their versions in `queryset` (e.g. live pages) read in one query (the chooser
    blocks read the chosen ones first, a query more). None for an id whose object is gone or
    has no version in `queryset`."""
    wanted = [pk for pk in ids if pk]
    if not wanted:
        return [None for _pk in ids]
    keys = queryset.model.objects.filter(pk__in=wanted).values("translation_key")
    versions = list(queryset.filter(translation_key__in=keys).select_related("locale").order_by())
    chosen = {version.pk: version for version in versions}
    return localized([chosen.get(pk) for pk in ids], locale, versions=versions)


def one_each(objects):
    """The objects without repeats, in order: each version of a snippet became the same one."""
    return list(dict.fromkeys(objects))


def is_page_or_view(request, path, urlconf=None):
    """Whether `path` is a live page of the request's site (or one of its routes) in the language
    of its prefix, or another view of the site."""
    language = translation.get_language_from_path(path) or translation.get_language()
    # i18n_patterns match the active language's prefix only.
    with translation.override(language):
        try:
            match = resolve(path, urlconf)
        except Resolver404:
            return False
        if match.url_name != "wagtail_serve":
            return True
        site = Site.find_for_request(request)
        if site is None:
            return False
        # As wagtail.views.serve routes it, without keeping the result on the request.
        components = [component for component in (match.args or [""])[0].split("/") if component]
        try:
            site.root_page.localized.specific.route(request, components)
        except Http404:
            return False
        return True


def shortened(location):
    """The location, without its query string when it is too long; None if still too long."""
    if len(location) > MAX_LOCATION:
        location = location.partition("?")[0]
    return location if len(location) <= MAX_LOCATION else None


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, redirecting an address without a language only to a page in the visitor's
    language; "/" always goes to the home page."""

    def process_response(self, request, response):
        if response.status_code != 404 or translation.get_language_from_path(request.path_info):
            return super().process_response(request, response)
        language = translation.get_language()
        urlconf = getattr(request, "urlconf", None)
        path = f"/{language}{request.path_info}"
        slash = False
        if request.path_info != "/" and not is_page_or_view(request, path, urlconf):
            slash = settings.APPEND_SLASH and not path.endswith("/") and is_page_or_view(request, f"{path}/", urlconf)
            if not slash:
                return self.not_found(response, language)
        script_prefix = get_script_prefix()
        location = shortened(
            request.get_full_path(force_append_slash=slash).replace(script_prefix, f"{script_prefix}{language}/", 1)
        )
        if location is None:
            return self.not_found(response, language)
        redirect = self.response_redirect_class(location)
        patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
        return redirect

    @staticmethod
    def not_found(response, language):
        # What Django adds to an answer in the language of Accept-Language.
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", language)
        return response


class CommonMiddleware(common.CommonMiddleware):
    """Django's, adding the final slash only when that leads to a page or another view."""

    def should_redirect_with_slash(self, request):
        return (
            super().should_redirect_with_slash(request)
            and is_page_or_view(request, f"{request.path_info}/", getattr(request, "urlconf", None))
            and shortened(super().get_full_path_with_slash(request)) is not None
        )

    def get_full_path_with_slash(self, request):
        # Without a long query string: should_redirect_with_slash made sure the rest is short.
        return shortened(super().get_full_path_with_slash(request))


def in_language(language, lines):
    """The lines of a streamed answer (a CSV export), written in `language`: they are written after
    the view has returned, once the request's language is let go of."""
    with translation.override(language):
        yield from lines
