"""Which kept pages show a page: so that publishing one news item renders again that item, its
listings, the pages that link to it or that it links to, and its feeds, while every other kept page
stays kept.

Each kept page holds the token of the page it shows ("page:<translation key>": every language of it,
aliases included) and, for a page that lists its siblings (a news item's related news), its parent's
"children:" token, and any token its template said it shows (a programme's registration counts:
portal/generation.py shows_token); the sitemap holds "published". A page saved live or published
renews the tokens of: itself, each of its ancestors (the listings, up to the home page), the pages
that link to it and that it links to (Wagtail's reference index, before and after the change), its
parent's children and the sitemap. What every page shows is left to the site's generation
(portal/generation.py), renewed for: a page of the menu or above (depth 3 or less), a page with
children (their breadcrumbs and addresses), a page a snippet or setting links to (the alert
banners), and anything unpublished, moved or deleted (ops/cache.py)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page, ReferenceIndex

from portal.generation import MENU_DEPTH, PUBLISHED, children_token, page_token, renew_tokens


def entry_tokens(request, page):
    """The tokens a kept answer of `request` depends on: the page it shows (or the sitemap)."""
    if page is None:
        return [PUBLISHED] if request.resolver_match and "sitemap" in request.resolver_match.func.__module__ else []
    tokens = [page_token(page.translation_key), *getattr(request, "tokens_shown", ())]
    if getattr(page, "lists_siblings", False):
        tokens.append(children_token(page.get_parent().translation_key))
    return tokens


def shows_everywhere(page):
    """Whether a change to this page shows on every page (so the whole site must be rendered again)."""
    if page.depth <= MENU_DEPTH or page.numchild:
        return True
    page_type = ContentType.objects.get_for_model(Page)
    incoming = ReferenceIndex.objects.filter(to_content_type=page_type, to_object_id=str(page.pk))
    return incoming.exclude(base_content_type=page_type).exists()


def linked_pages(page):
    """The pk of the pages this page links to and that link to it."""
    page_type = ContentType.objects.get_for_model(Page)
    outgoing = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id=str(page.pk), to_content_type=page_type
    ).values_list("to_object_id", flat=True)
    incoming = ReferenceIndex.objects.filter(
        to_content_type=page_type, to_object_id=str(page.pk), base_content_type=page_type
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in [*outgoing, *incoming]}


def remember_links(page):
    """Before a live page is saved: the pages it links to now, which may show it still after it stops linking."""
    page._links_before_change = linked_pages(page) if page.pk else set()


def renew_for(page):
    """Renews the tokens of every kept page that shows `page` (see the module's docstring)."""
    linked = {page.pk, *getattr(page, "_links_before_change", ()), *linked_pages(page)}
    ancestors = [page.path[:end] for end in range(2 * Page.steplen, len(page.path), Page.steplen)]
    found = Page.objects.filter(Q(pk__in=linked) | Q(path__in=ancestors)).values_list("path", "translation_key")
    tokens = {PUBLISHED}
    for path, key in found:
        tokens.add(page_token(key))
        if path == page.path[: -Page.steplen]:
            tokens.add(children_token(key))
    renew_tokens(tokens)
