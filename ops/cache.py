"""The page cache: whole responses kept for anonymous visitors, out of date with each change they show.

Pages (with their feeds, calendars and hours JSON), the sitemap and robots.txt are the same for every
visitor without a session, so their first answer is kept in the "pages" cache for
PAGE_CACHE_SECONDS and served from there (`X-Cache: HIT`) without touching the database. Nothing
else is kept: not the admin, not the contact form or any page that writes a CSRF token or sets a
cookie, not previews, not errors or redirects, and nothing for a request that carries a session
(a signed-in editor never reads nor fills the cache).

The purge is a generation (portal/generation.py): every key holds the current generation, and a
change to what every page shows (a page unpublished, moved or deleted, or one in the menu; a
snippet, a site setting, an image or a document saved or deleted) sets a new one, so every kept page
and value is out of date at once. A page published renews only the tokens of the pages that show it:
itself, its listings, the pages it links to and that link to it, its feeds (ops/dependencies.py); a
kept page is served only while its tokens are unchanged. The old entries expire by themselves. Image
renditions live in their own cache alias and stay. The cache is one for every process of the site
(Redis, or files shared by the processes of the machine: settings/base.py), so the new generation
reaches every worker and app server at once, whichever process made the change: a worker serving the
admin, cron's `publish_scheduled`, an import command (the signals are connected in OpsConfig.ready,
which every process runs).

Browsers and shared caches: a kept page says `public, max-age=0, s-maxage=PAGE_CACHE_SECONDS` with
an ETag (the hash of its bytes). A browser asks again each time and gets `304 Not Modified` while
the page is unchanged, the new page at once after a publish; a CDN or caching proxy keeps it for
PAGE_CACHE_SECONDS and is told of each published or unpublished page (wagtail.contrib.frontend_cache,
when configured): the page and every page that lists it, its ancestors up to the home page, in
every language, once the change is committed."""

import hashlib
import threading

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    set_response_etag,
)
from django.utils.translation import get_language_from_request

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from ops.dependencies import entry_tokens, remember_links, renew_for, shows_everywhere
from ops.security import admin_prefix
from portal.generation import page_cache, purge, read_tokens, request_generation

# Apps whose every model is something the site shows: snippets, settings, opening hours, the
# pieces of pages. Their pages are the exception: drafts and autosaves save them all the time.
# Besides these: site settings, sites, languages, page privacy (a page made private leaves the cache at once),
# images and documents.
CONTENT_APPS = ("portal", "home", "news", "gallery", "programmes", "local_content")
# Views whose answer to a visitor without a session is the same for everyone.
CACHED_VIEWS = {
    "portal.routing.serve",
    "wagtail.contrib.sitemaps.views.index",
    "wagtail.contrib.sitemaps.views.sitemap",
    "portal.crawlers.robots_txt",
}
# A view that says any of these about its answer is never kept.
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
# What a kept answer may vary with: the language is in the key, and only visitors without a
# session get kept answers. Anything else (Accept-Encoding, ...) would need its own key.
KEYED_VARY = {"accept-language", "cookie"}


def purge_after_change(**kwargs):
    """Purge now, and again once the transaction is committed: a page rendered in between, from
    the old data, must not stay in the cache under the new generation."""
    purge()
    connection = transaction.get_connection(kwargs.get("using"))
    if connection.in_atomic_block:
        transaction.on_commit(purge, using=kwargs.get("using"))


def page_changed(instance, using=None, **kwargs):
    """A page published or saved live: the pages that show it are rendered again (ops/dependencies.py),
    now and once the change is committed; every page, when what changed shows on every page."""
    if shows_everywhere(instance):
        purge_after_change(using=using)
        return
    renew_for(instance)
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(lambda: renew_for(instance), using=using)


def page_saving(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and instance.live and update_fields is None:
        remember_links(instance)


def page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    # A whole live page saved (created, published, changed by code). Drafts and autosaves save
    # only some fields of the page and change nothing visitors see.
    if not raw and instance.live and update_fields is None:
        page_changed(instance, **kwargs)


def file_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    # An image or document edited (title, focal point, file); not the sizes and hashes Wagtail
    # fills in on its own when a page first uses the file.
    if not raw and update_fields is None:
        purge_after_change(**kwargs)


def content_saved(sender, raw=False, **kwargs):
    if not raw:
        purge_after_change(**kwargs)


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


_frontend = threading.local()


def page_published_for_frontend(sender, instance, **kwargs):
    """A page published or unpublished (aliases and translations included): the CDN or proxy hears
    of it and of the pages that list it once the change is committed, so that it cannot fetch and
    keep the old page again in between. One batch for all the pages of a transaction. The page's
    own addresses are taken now: a page being deleted is unpublished first, and is gone by then."""
    if not frontend_cache_configured():
        return
    pending = _frontend.__dict__.setdefault("pending", {"urls": set(), "paths": set(), "keys": set()})
    own = PurgeBatch()
    own.add_page(instance)
    pending["urls"].update(own.urls)
    pending["paths"].add(instance.path)
    pending["keys"].add(instance.translation_key)
    # One callback per signal: if a transaction is rolled back, its pages go with the next batch.
    transaction.on_commit(purge_frontend_cache)


def listing_pages(paths, translation_keys=()):
    """The pages at these tree paths (or with these translation keys) and their ancestors below the
    tree's root (the home page and down), in every language where they exist: each page and every
    page that lists it."""
    ancestors = {path[:end] for path in paths for end in range(2 * Page.steplen, len(path) + 1, Page.steplen)}
    keys = {*translation_keys, *Page.objects.filter(path__in=ancestors).values_list("translation_key", flat=True)}
    return Page.objects.filter(translation_key__in=keys).order_by("path").specific(defer=True)


def purge_frontend_cache():
    pending = _frontend.__dict__.pop("pending", None)
    if pending:
        batch = PurgeBatch(pending["urls"])
        batch.add_pages(listing_pages(pending["paths"], pending["keys"]))
        batch.purge()


def connect_signals():
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(purge_after_change, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(purge_after_change, dispatch_uid="page_cache_moved")
    post_delete.connect(purge_after_change, sender=Page, dispatch_uid="page_cache_page_deleted")
    page_published.connect(page_published_for_frontend, dispatch_uid="frontend_cache_published")
    page_unpublished.connect(page_published_for_frontend, dispatch_uid="frontend_cache_unpublished")
    if apps.is_installed("wagtail.contrib.frontend_cache"):
        # Wagtail's own handlers purge the page alone, before the commit: ours replace them.
        from wagtail.contrib.frontend_cache import signal_handlers as wagtail_frontend_cache
    else:
        wagtail_frontend_cache = None
    for model in apps.get_models():
        uid = f"page_cache_{model._meta.label_lower}"
        if issubclass(model, Page):
            pre_save.connect(page_saving, sender=model, dispatch_uid=uid)
            post_save.connect(page_saved, sender=model, dispatch_uid=uid)
            if wagtail_frontend_cache:
                page_published.disconnect(wagtail_frontend_cache.page_published_signal_handler, sender=model)
                page_unpublished.disconnect(wagtail_frontend_cache.page_unpublished_signal_handler, sender=model)
        elif model in (get_image_model(), get_document_model()):
            post_save.connect(file_saved, sender=model, dispatch_uid=uid)
            post_delete.connect(purge_after_change, sender=model, dispatch_uid=uid)
        elif model._meta.app_label in CONTENT_APPS or issubclass(
            model, (BaseSiteSetting, BaseGenericSetting, Site, Locale, PageViewRestriction)
        ):
            post_save.connect(content_saved, sender=model, dispatch_uid=uid)
            post_delete.connect(purge_after_change, sender=model, dispatch_uid=uid)


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def cache_key(request, current_generation):
    """Scheme, host, path with query string and language: the language is in the path of every
    page (/id/, /en/); the sitemap and robots.txt take it from the browser, as Django does."""
    language = get_language_from_request(request, check_path=True)
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}"
    return f"page:{current_generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def is_cached_view(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and f"{match.func.__module__}.{match.func.__qualname__}" in CACHED_VIEWS


def is_public(request, response):
    """Whether this answer to an anonymous visitor is the one every visitor gets."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The page wrote a CSRF token (a form): it is this visitor's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
        and not any(directive in response.get("Cache-Control", "") for directive in UNCACHEABLE_DIRECTIVES)
        and {header.lower() for header in cc_delim_re.split(response.get("Vary", "")) if header} <= KEYED_VARY
    )


def answer_conditionally(request, response):
    """`304 Not Modified` when the browser already holds this answer (If-None-Match)."""
    etag = response.get("ETag")
    if not etag:
        return response
    answer = get_conditional_response(request, etag=etag, response=response)
    if answer is not response and "X-Cache" in response:
        answer["X-Cache"] = response["X-Cache"]
    return answer


def keep(request, key, response, seconds):
    """Keeps the answer with the tokens of what it shows (ops/dependencies.py): a hit is served only
    while they are unchanged."""
    route = getattr(request, "_wagtail_route_for_request", None)
    tokens = read_tokens(entry_tokens(request, route[0] if route else None))
    if None not in tokens.values():  # the cache cannot be read: nothing kept
        page_cache().set(key, (list(response.items()), response.content, tokens), seconds)


class PageCacheMiddleware:
    """Serves and keeps the pages of anonymous visitors, and sets the Cache-Control of pages:
    `public, max-age=0, s-maxage=PAGE_CACHE_SECONDS` and an ETag for what is kept (browsers ask
    again every time and get 304 while it is unchanged; shared caches keep it), `private, no-cache`
    for anyone with a session, `private` for the redirects that depend on the browser's language
    (the bare "/")."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        key = None
        if (
            seconds > 0
            and request.method in ("GET", "HEAD")
            and not has_session(request)
            and not request.path_info.startswith(admin_prefix())
        ):
            key = cache_key(request, request_generation(request))
            kept = page_cache().get(key)
            if kept is not None and read_tokens(kept[2]) == kept[2]:
                return answer_conditionally(request, self.hit(kept))
        response = self.get_response(request)
        self.process_response(request, response, key, seconds)
        if key is not None:
            return answer_conditionally(request, response)
        return response

    @staticmethod
    def hit(kept):
        headers, content, _tokens = kept
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response

    def process_response(self, request, response, key, seconds):
        if request.path_info.startswith(admin_prefix()):
            # Wagtail's admin views already say "private, no-store"; make sure of it.
            patch_cache_control(response, private=True, no_store=True)
        elif is_cached_view(request):
            if has_session(request):
                patch_cache_control(response, private=True, no_cache=True)
            elif key is not None:
                if is_public(request, response):
                    patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
                    if not response.has_header("ETag"):
                        set_response_etag(response)
                    if request.method == "GET":
                        keep(request, key, response, seconds)
                elif response.status_code == 200 and "Cache-Control" not in response:
                    patch_cache_control(response, private=True, no_cache=True)
                response["X-Cache"] = "MISS"
        elif response.status_code in (301, 302, 307, 308) and has_vary_header(response, "Accept-Language"):
            # "/" (or any address without a language) sends each browser to its own language.
            patch_cache_control(response, private=True, max_age=seconds)
