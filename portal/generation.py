"""The site's generation: a token every kept page and value holds in its key, replaced by each
change to what the site shows, so that everything kept is out of date at once: the page cache
(ops/cache.py), and what each process keeps with kept() below (the sites, languages, menu, the
library's data for header and footer, the private sections). In the shared "pages" cache, so
every worker and app server sees a new one at once."""

import contextvars
import uuid

from django.core.cache import caches

ALIAS = "pages"
GENERATION_KEY = "generation"


def page_cache():
    return caches[ALIAS]


# Whether this process found the cache unusable (Redis down, a folder it cannot write) since it last
# set a generation. Every read then misses and every write is dropped (settings/base.py,
# ops/cache_backends.py): a purge made meanwhile may be lost, so once the cache answers again the
# process purges, and nothing kept from before the outage is served.
_cache_failed = False


def generation():
    """The current generation: a random token, so that an evicted one can never come back. A token
    of this request's own while the cache cannot be read: nothing kept is served, and nothing it
    keeps (should the cache come back meanwhile) is read by another request."""
    global _cache_failed
    cache = page_cache()
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        current = cache.get(GENERATION_KEY)
    if current is None:
        _cache_failed = True
        return uuid.uuid4().hex
    if _cache_failed:
        return purge()
    return current


def request_generation(request):
    """The generation as this request first read it: one cache read per request."""
    if not hasattr(request, "_page_cache_generation"):
        request._page_cache_generation = generation()
    return request._page_cache_generation


# The generation of the request this thread is answering (GenerationMiddleware), and what this
# process keeps for it (kept()).
_request_generation = contextvars.ContextVar("request_generation", default=None)
_kept = {}


def kept(key, compute):
    """`compute()`, worked out once per process and generation: for what only a change to the site
    changes and many requests read (the site for an address, its languages, the menu, the private
    sections). The value is shared by the requests that follow, so nobody may change it. Out of a
    request (a command, a test), the generation is read from the cache each time."""
    current = _request_generation.get() or generation()
    values = _kept.get(current)
    if values is None:
        _kept.clear()
        values = _kept[current] = {}
    if key not in values:
        values[key] = compute()
    return values[key]


def kept_among(kind, key, compute, most):
    """kept() for values of one kind that are many (image tags, footers per day): at most `most`
    of them, then they start over, so a long time without a change cannot grow the process."""
    values = kept(kind, dict)
    if key not in values:
        if len(values) >= most:
            values.clear()
        values[key] = compute()
    return values[key]


class GenerationMiddleware:
    """Reads the generation once per request, for kept()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(request_generation(request))
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


def purge():
    """Every kept page and fragment out of date, on every app server sharing the cache. Returns the
    new generation; read back, so that a purge the cache dropped is made again once it answers."""
    global _cache_failed
    current = uuid.uuid4().hex
    page_cache().set(GENERATION_KEY, current, None)
    _cache_failed = page_cache().get(GENERATION_KEY) is None
    return current


# A change to a page at this depth or above (the home page at 2, the sections of its menu at 3), or
# to a page with children, shows on every page (the menu, breadcrumbs, addresses): it renews the
# generation (ops/dependencies.py), so what is kept per process may hold such pages (portal/routing.py).
MENU_DEPTH = 3


# Tokens: what one part of the site holds (a page and its listings: ops/dependencies.py), renewed
# when that part changes, so that a publish renders again only what shows the change. Kept without
# expiry in the same cache as the generation; a token lost (evicted, the cache emptied) reads as a
# new one, never as the value it had.
TOKEN_PREFIX = "token:"


# Renewed by every page published or saved live: for what shows any page (the sitemap, the cards of
# search results).
PUBLISHED = "published"


def page_token(translation_key):
    """The token of a page in every language (aliases included): renewed when it or a page it lists changes."""
    return f"page:{translation_key}"


def children_token(translation_key):
    """Renewed when any child of the page changes: for pages that list their siblings."""
    return f"children:{translation_key}"


def read_tokens(names):
    """{name: value} of the tokens, made where missing; None for each while the cache cannot be read."""
    keys = {TOKEN_PREFIX + name: name for name in names}
    found = page_cache().get_many(list(keys))
    for key in keys.keys() - found.keys():
        page_cache().add(key, uuid.uuid4().hex, None)
    if len(found) < len(keys):
        found = page_cache().get_many(list(keys))
    return {name: found.get(key) for key, name in keys.items()}


def shows_token(request, name):
    """The answer to `request` shows what the token `name` stands for (besides its page's): a kept
    copy is served only until it is renewed (ops/dependencies.py)."""
    request.tokens_shown = {*getattr(request, "tokens_shown", ()), name}


def renew_tokens(names):
    page_cache().set_many({TOKEN_PREFIX + name: uuid.uuid4().hex for name in names}, None)
