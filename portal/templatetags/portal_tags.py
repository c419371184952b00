"""Site-wide pieces every template needs: the library's settings in the active language,
the header menu and the links to the same page in the other languages."""

from functools import cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html_join
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import routablepageurl
from wagtail.models import Locale, Page, get_page_models

from portal.context import cached, home_page, site_for, site_library
from portal.generation import kept, kept_among
from portal.i18n import active_locale
from portal.pages import translations_of, untranslated_source, visible
from portal.seo import SeoMixin, json_script

register = template.Library()


@register.simple_tag(takes_context=True)
def library(context):
    """Settings, profile in the active language, opening hours and alert banners of the current site."""
    return site_library(context["request"])


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The home page in the active language and its children shown in menus, each with its pk,
    title, url and url_path, kept per process until the next change to the site
    (portal/generation.py), so a page rendered afresh does not read them again."""
    request = context["request"]
    home = home_page(request)
    if home is None:
        return {"home": None, "items": []}

    def compute():
        items = [
            {"pk": item.pk, "title": item.title, "url": item.get_url(request), "url_path": item.url_path}
            for item in visible(home.get_children()).in_menu()
        ]
        return {"home": home, "items": items}

    return kept(f"navigation:{home.pk}", compute)


@register.simple_tag(takes_context=True)
def site_feed_url(context):
    """The site's RSS feed in the active language (the news section's), or '' when there is none."""
    request = context["request"]
    locale = active_locale()

    def compute():
        for model in feed_page_types():
            index = model.objects.live().filter(locale=locale).first()
            if index:
                return routablepageurl(context, index, "rss")
        return ""

    site = site_for(request)
    return kept(f"site_feed_url:{site.pk if site else ''}:{locale.language_code}", compute)


@cache
def feed_page_types():
    """Page types with a route named "rss", found by their routes: the core names no content app."""
    return [
        model
        for model in get_page_models()
        if issubclass(model, RoutablePageMixin) and any(route.name == "rss" for route in model.get_subpage_urls())
    ]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: the current page in that language (its translation or
    alias), else that language's home page. Never a link to a page that does not exist."""
    request = context["request"]

    def compute():
        page = context.get("page")
        home = home_page(request)
        sources = [page] if isinstance(page, Page) else []
        if home is not None:
            sources.append(home)
        by_language = {}
        wanted = {code for code, _name in settings.LANGUAGES}
        codes = kept("locale_codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))
        for source in sources:
            if wanted <= by_language.keys():
                break
            for translation in translations_of(source, keep=source is page):  # the home page is kept
                if translation.live:
                    by_language.setdefault(codes.get(translation.locale_id), translation)
        current = get_language()
        links = []
        for code, name in settings.LANGUAGES:
            target = by_language.get(code)
            match = request.resolver_match
            if not isinstance(page, Page) and match and match.url_name not in (None, "wagtail_serve"):
                # A view that is not a page (search): the same view and query in that language.
                # (A 404 from Wagtail's page view leads to the home pages instead.)
                url = translate_url(request.get_full_path(), code)
                links.append(
                    {
                        "code": code,
                        "name": name,
                        "url": url,
                        "full_url": request.build_absolute_uri(url),
                        "is_current": code == current,
                        "is_default": code == settings.LANGUAGE_CODE,
                        "is_alias": False,
                    }
                )
                continue
            if target is None:
                continue
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": target.get_url(request),
                    "full_url": target.get_full_url(request),
                    "is_current": code == current,
                    "is_default": code == settings.LANGUAGE_CODE,
                    # An alias shows another language's text: not an alternate for search engines.
                    "is_alias": target.alias_of_id is not None,
                }
            )
        return links

    return cached(request, "language_links", compute)


@register.simple_tag
def alias_source_language(page):
    """For a page not yet translated (an alias, or a translation not yet published), the code of
    the language its content is written in; else an empty string."""
    if not isinstance(page, Page):
        return ""
    source = untranslated_source(page)
    return source.locale.language_code if source and source.locale_id != page.locale_id else ""


@register.filter
def lazy_after(position, count):
    """loading="eager" for the first `count` images of a list (the first screen), "lazy" after."""
    return "lazy" if int(position) > int(count) else "eager"


@register.filter
def page_numbers(page_obj):
    """The first and last page numbers and two each side of the current one, "…" between: Django's
    elided range, which does not walk every page number of a long list (834 at 10,000 news)."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD, one <script> per object."""
    page = context.get("page")
    if not isinstance(page, SeoMixin):
        return ""
    objects = [data for data in page.structured_data(context["request"]) if data]
    return format_html_join(
        "\n  ", '<script type="application/ld+json">{}</script>', ((json_script(d),) for d in objects)
    )


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address search engines should index for this page: a not-yet-translated page (an alias)
    points to the page it shows; a sub-page of a routable page keeps its own path; of the query
    string only a page number stays."""
    request, page = context["request"], context.get("page")
    if not isinstance(page, Page):
        return ""
    source = untranslated_source(page)
    if source:
        return source.get_full_url(request)
    url, full_url = page.get_url(request), page.get_full_url(request)
    if not url or not full_url:
        return ""
    suffix = request.path[len(url) :] if request.path.startswith(url) else ""
    number = request.GET.get("page", "")
    query = f"?page={number}" if number.isascii() and number.isdigit() and number != "1" and len(number) < 6 else ""
    return full_url + suffix + query


# Fragments kept per generation at most: the keys hold the day and the "open now" state, a few a day.
MAX_KEPT_FRAGMENTS = 200


@register.tag
def shared_fragment(parser, token):
    """{% shared_fragment "footer" lib.status %}…{% endshared_fragment %}: HTML that many pages
    show alike (the footer, the opening hours), rendered once per process, site, language and
    values given, until the next change to the site (portal/generation.py). It must not show
    anything of the page or the visitor that the values do not name."""
    name, *values = token.split_contents()[1:]
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(parser.compile_filter(name), [parser.compile_filter(v) for v in values], nodelist)


class SharedFragmentNode(template.Node):
    def __init__(self, name, values, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        site = site_for(context["request"])
        key = (
            self.name.resolve(context),
            site.pk if site else None,
            get_language(),
            *(value.resolve(context) for value in self.values),
        )
        return kept_among("shared_fragments", key, lambda: self.nodelist.render(context), MAX_KEPT_FRAGMENTS)
