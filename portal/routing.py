"""Which page answers a request, in as few queries as Wagtail allows.

Wagtail finds the page by walking down the tree, a query or two per level. Here each site's home
page per language is kept per process until the next change to the site (portal/generation.py), as
the site itself is (portal/context.py), and the page comes from its address in one query, then its
own type's row in another, whatever its depth."""

from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.context import site_for
from portal.generation import kept
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


def own_type(page):
    """The page as its own type, as Wagtail's page.specific reads it, with what the page shows of
    its links (its `read_with_page`: a lead image, a category) in the same query, not one each."""
    model = page.specific_class
    related = getattr(model, "read_with_page", ())
    if not related:
        return page.specific
    return model._default_manager.select_related(*related).get(pk=page.pk)


def route(request, path):
    """What Wagtail's Page.route_for_request returns (page, args, kwargs), or None for a 404."""
    site = site_for(request)
    if site is None:
        return None
    root_pk, root_path = site_root(site, get_language())
    components = [component for component in path.split("/") if component]
    addresses = [root_path + "".join(f"{c}/" for c in components[:depth]) for depth in range(len(components) + 1)]
    # Sorted here: the database would sort them by treebeard's path first, which costs more to build.
    chain = sorted(Page.objects.filter(url_path__in=addresses).order_by(), key=lambda page: page.depth)
    if not chain or chain[0].pk != root_pk:
        return None
    # A routable page answers the rest of the address itself (a feed, a month) before its children
    # do, as when Wagtail walks down the tree.
    for depth, page in enumerate(chain):
        rest = components[depth:]
        if depth == len(chain) - 1 or (rest and answers(page.specific_class, rest)):
            break
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


def answers(page_type, components):
    if page_type is None or not issubclass(page_type, RoutablePageMixin):
        return False
    try:
        page_type.get_resolver().resolve("/" + "/".join(components) + "/")
    except Resolver404:
        return False
    return True
