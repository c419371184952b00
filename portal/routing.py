"""Which page answers a request, in as few queries as Wagtail allows.

Wagtail finds the page by walking down the tree, a query or two per level. Here the pages whose
changes show on every page (the home page and the sections of the menu, every page with children)
are kept per process until the next change to the site (portal/generation.py), as the site itself
is (portal/context.py); the page below them comes from its address in one query, as its own type
when its parent may hold one type of page without children only (a news item, an event, a
programme), else in two."""

from functools import cache

from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.context import site_for
from portal.generation import MENU_DEPTH, kept
from portal.i18n import active_locale


def serve(request, path):
    """Wagtail's page view, with the site and the page found as below."""
    site_for(request)
    request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)


def site_root(site, language):
    """(pk, url_path) of the site's home page in `language`, or of the site's root page when it has
    no translation in that language (as Wagtail's `localized`)."""

    def compute():
        root = site.root_page.localized
        return root.pk, root.url_path

    return kept(f"site_root:{site.pk}:{language}", compute)


def sections():
    """{url_path: page} of the pages every change of which renews the generation, in every
    language, live or not: shared by the requests that follow, so nobody may change them (the
    page served is always read anew, own_type)."""

    def compute():
        pages = Page.objects.filter(Q(depth__lte=MENU_DEPTH) | Q(numchild__gt=0)).order_by()
        return {page.url_path: page for page in pages}

    return kept("sections", compute)


def read_as(model):
    """Pages of `model` with what their template shows of their links (`read_with_page`: a lead
    image, a category) in the same query, not one each."""
    related = getattr(model, "read_with_page", ())
    return model._default_manager.select_related(*related) if related else model._default_manager.all()


def own_type(page):
    """The page as its own type, as Wagtail's page.specific reads it (never on the page itself,
    which may be kept)."""
    return read_as(page.specific_class or Page).get(pk=page.pk)


@cache
def leaf_type(page_type):
    """The one type of page without children that `page_type` may hold (a news index's news items,
    a programme index's programmes), or None."""
    models = page_type.allowed_subpage_models() if page_type else []
    leaves = [model for model in models if not model.allowed_subpage_models()]
    return leaves[0] if len(leaves) == 1 else None


def route(request, path):
    """What Wagtail's Page.route_for_request returns (page, args, kwargs), or None for a 404."""
    site = site_for(request)
    if site is None:
        return None
    root_pk, root_path = site_root(site, get_language())
    components = [component for component in path.split("/") if component]
    addresses = [root_path + "".join(f"{c}/" for c in components[:depth]) for depth in range(len(components) + 1)]
    chain, read = page_chain(addresses, components)
    if not chain or chain[0].pk != root_pk:
        return None
    for depth, page in enumerate(chain):
        rest = components[depth:]
        if depth == len(chain) - 1 or answers(page.specific_class, rest):
            break
    if page is not read:
        page = own_type(page)
    # What the page's template asks of its ancestors and language is known by now.
    ancestors = chain[:depth]
    if ancestors:
        page._cached_parent_obj = ancestors[-1]
    page.__dict__["breadcrumb"] = [ancestor for ancestor in ancestors if ancestor.depth > 2]
    locale = active_locale()
    if page.locale_id == locale.pk:
        Page.locale.field.set_cached_value(page, locale)
    try:
        return page.route(request, rest)
    except Http404:
        return None


def page_chain(addresses, components):
    """The pages at `addresses` (the site's root page down to the page asked) as far as they exist,
    and the last one if it is read as its own type already: the kept sections, then the rest in
    one query, as its own type when its parent may hold one type of page without children only."""
    known = sections()
    chain = []
    while len(chain) < len(addresses) and addresses[len(chain)] in known:
        chain.append(known[addresses[len(chain)]])
    below = addresses[len(chain) :]
    # A routable page answers the rest of the address itself (a feed, a month) before its children
    # do, as when Wagtail walks down the tree: nothing below it is read.
    if not below or any(answers(page.specific_class, components[depth:]) for depth, page in enumerate(chain)):
        return chain, None
    # A page below the sections has no children: most likely of the one such type its parent holds.
    child_type = leaf_type(chain[-1].specific_class) if chain and len(below) == 1 else None
    if child_type is not None:
        child = next(iter(read_as(child_type).filter(url_path=below[0]).order_by()[:1]), None)
        if child is not None:
            return [*chain, child], child
    # Sorted here: the database would sort them by treebeard's path first, which costs more to build.
    return chain + sorted(Page.objects.filter(url_path__in=below).order_by(), key=lambda page: page.depth), None


def answers(page_type, components):
    if not components or page_type is None or not issubclass(page_type, RoutablePageMixin):
        return False
    try:
        page_type.get_resolver().resolve("/" + "/".join(components) + "/")
    except Resolver404:
        return False
    return True
