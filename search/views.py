"""Site search: the pages of every type in the visitor's language, counted per type, and the
hand-off of a query to the library's online catalogue."""

import re
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_safe

from wagtail.models import Page

from gallery.models import GalleryPage
from local_content.models import CollectionItemPage
from news.models import EventPage, NewsPage
from portal.context import home_page, site_library
from portal.generation import PUBLISHED, kept_among, read_tokens
from portal.i18n import active_locale
from portal.pages import BasePage, visible
from portal.text import printable
from portal.textsearch import preferring_indexes
from programmes.models import ProgrammePage, VillageLibraryPage

from . import words as words_module

RESULTS_PER_PAGE = 10
MAX_LENGTH = 200
MAX_WORDS = 12
# Letters and digits of any script: punctuation and search syntax never reach the backend.
WORD = re.compile(r"([^\W_]+)")


@dataclass(frozen=True)
class Kind:
    """A group of page types in the type filter: its ?type= value, its name, and for each page
    type the label of one result."""

    key: str
    name: str
    labels: dict


KINDS = [
    Kind("news", _("News"), {NewsPage: _("News")}),
    Kind("events", _("Events"), {EventPage: pgettext_lazy("type of a search result", "Event")}),
    Kind("albums", _("Albums"), {GalleryPage: _("Album")}),
    Kind("programmes", _("Programmes"), {ProgrammePage: _("Programme"), VillageLibraryPage: _("Village library")}),
    Kind("collection", _("Collection items"), {CollectionItemPage: _("Collection item")}),
]
# Every other type: the home page, section pages, about, visit.
OTHER = Kind("pages", _("Pages"), {})
LABELS = {model: label for kind in KINDS for model, label in kind.labels.items()}


def every_word(words):
    return words


def several_words(words):
    return words if len(words) > 1 else None  # one word: the same search as the first


# Tried in turn until one finds something: every word; words that begin like a page's words
# ("perpus" finds "Perpustakaan"); each unknown word replaced by the page word it most resembles
# ("perpustkaan": PostgreSQL, search/words.py; other databases skip it); any of the words. Each is
# the words it searches for (the ones its results mark), or None to skip it, and how it searches.
SEARCHES = [
    (every_word, lambda pages, text, **options: pages.search(text, operator="and", **options)),
    (every_word, lambda pages, text, **options: pages.autocomplete(text, operator="and", **options)),
    (words_module.corrected, lambda pages, text, **options: pages.search(text, operator="and", **options)),
    (several_words, lambda pages, text, **options: pages.search(text, operator="or", **options)),
]
# Ranking a result takes reading its whole text: past this many results the newest come first
# (Wagtail's SQLite backend even runs the whole match again for each: 45 s for one word found in
# 10,000 news items; PostgreSQL took a tenth of a second per 10,000).
RANKED_MAX = 500


def catalogue_url(template, query):
    """The catalogue (OPAC) search address with the query in place of {query}."""
    return template.replace("{query}", quote(query, safe=""))


@require_safe
def search(request):
    query = printable(request.GET.get("q", "")[: MAX_LENGTH * 4])[:MAX_LENGTH]
    catalogue = site_library(request)["settings"].catalogue_search_url
    if catalogue and request.GET.get("target") == "catalogue":
        return redirect(catalogue_url(catalogue, query))
    words = WORD.findall(query)[:MAX_WORDS]
    context = {"query": query, "words": words, "catalogue_url": catalogue_url(catalogue, query)}
    if words:
        context.update(find(request, query, words))
    return render(request, "search/search.html", context)


def candidates(request):
    """Live, public pages of the site in the active language, as conditions on the pages the search
    backend reads directly (a list of their ids cost every search the time of reading all pages:
    10 ms at 15,000 pages, even for a word found nowhere). Aliases stay out: an untranslated page's
    English alias shows the Indonesian text, which the Indonesian search finds, and English results
    should read in English. The backend filters only on indexed fields, so the aliases go by id
    (all of them: by their own index, where those of one language would read every page of it)."""
    home = home_page(request)
    if home is None:
        return Page.objects.none()
    aliases = Page.objects.filter(alias_of__isnull=False).values("pk")
    pages = visible(Page.objects.all()).descendant_of(home, inclusive=True)
    return pages.filter(locale=active_locale()).exclude(pk__in=aliases)


def of_kind(pages, kind):
    if kind is OTHER:
        return pages.exclude(content_type__in=type_ids(*KINDS))
    return pages.filter(content_type__in=type_ids(kind)) if kind else pages


def type_ids(*kinds):
    return [ct.pk for ct in ContentType.objects.get_for_models(*(m for k in kinds for m in k.labels)).values()]


def find(request, query, words):
    pages = candidates(request)
    number, search_, counts, words = first_match(pages, words)
    if not counts:
        return {"total": 0}
    text = " ".join(words)
    kind = next((k for k in [*KINDS, OTHER] if k.key == request.GET.get("type")), None)
    found = of_kind(pages, kind).only("content_type")  # cards() reads what they show
    if sum(counts.values()) > RANKED_MAX:
        results = search_(found.order_by("-first_published_at", "-id"), text, order_by_relevance=False)
    else:
        results = search_(found, text)
    kinds = kind_links(query, counts, kind)
    shown = next(link["count"] for link in kinds if link["current"])
    results_page = CountedPaginator(results, RESULTS_PER_PAGE, shown).get_page(request.GET.get("page"))
    results_page.object_list = [Result(page, words) for page in cards(results_page.object_list)]
    return {
        "total": sum(counts.values()),
        "exact": number == 0,
        "kinds": kinds,
        "results_page": results_page,
    }


class CountedPaginator(Paginator):
    """Pages of results whose number the type counts already tell: counting them again took as
    long as finding them (a sixth of the page at 10,000 news items)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


def first_match(pages, words):
    """The first of SEARCHES that finds pages: its number, how to run it, how many pages of each type
    it finds, and the words it searched for."""
    with preferring_indexes():
        for number, (words_for, search_) in enumerate(SEARCHES):
            searched = words_for(words)
            if not searched:
                continue
            try:
                # A search the database refuses must not break a transaction around the request;
                # without one, there is nothing to protect (and no BEGIN to pay for).
                with transaction.atomic() if connection.in_atomic_block else nullcontext():
                    counts = search_(pages, " ".join(searched)).facet("content_type_id")
            except (DatabaseError, NotImplementedError):
                if number == 0:
                    raise
                continue  # a looser search this backend cannot do
            if counts:
                return number, search_, counts, searched
    return None, None, {}, words


def kind_links(query, counts, current):
    """The type filter: all results, then each kind that has results, with counts."""
    total = sum(counts.values())
    per_kind = [(kind, sum(counts.get(pk, 0) for pk in type_ids(kind))) for kind in KINDS]
    per_kind.append((OTHER, total - sum(count for _kind, count in per_kind)))
    links = [{"name": _("All"), "count": total, "url": "?" + urlencode({"q": query}), "current": current is None}]
    links += [
        {
            "name": kind.name,
            "count": count,
            "url": "?" + urlencode({"q": query, "type": kind.key}),
            "current": kind is current,
        }
        for kind, count in per_kind
        if count or kind is current
    ]
    return links


# Where a result's date comes from: events, then news and albums, then collection items.
DATE_FIELDS = ("local_start", "date", "date_text")
# What a card reads of a page of its own type: its address, and the fields of its description and date.
CARD_FIELDS = ("title", "url_path", "search_description", *BasePage.description_fields, "start", "date", "date_text")


# Cards kept per process between two publishes, at most this many (then they start over).
KEPT_CARDS = 2000


def cards(pages):
    """The found pages as their own types with only what their cards show: one query per type, as
    Wagtail's specific() makes, without reading and sorting the dozens of fields of each type. Kept
    per process until the next page published (or the next change to the site): a search's ten
    results are of up to nine types, nine queries that cost more to build than to run."""
    pages = list(pages)
    # {pk: card}, filled as searches find pages; a card is never changed once read.
    found = kept_among("search_cards", read_tokens([PUBLISHED])[PUBLISHED], dict, most=2)
    if len(found) > KEPT_CARDS:
        found.clear()
    by_type = {}
    for page in pages:
        if page.pk not in found:
            by_type.setdefault(page.specific_class or Page, []).append(page.pk)
    for model, ids in by_type.items():
        names = {field.name for field in model._meta.concrete_fields}
        fields = [name for name in CARD_FIELDS if name in names]
        found.update(model.objects.filter(pk__in=ids).order_by().only(*fields).in_bulk())
    return [found[page.pk] for page in pages if page.pk in found]


class Result:
    """A found page as its card shows it: type label, date, title and description with the query's words marked."""

    def __init__(self, page, words):
        self.page = page
        self.label = LABELS.get(type(page), _("Page"))
        self.title = highlight(page.title, words)
        self.snippet = highlight(page.share_description, words)
        when = next(filter(None, (getattr(page, name, None) for name in DATE_FIELDS)), "")
        self.iso = when.isoformat()[:10] if isinstance(when, date) else ""
        self.when = date_format(when) if self.iso else when


def highlight(text, words):
    """The text, escaped, with each word that contains a query word wrapped in <mark>: a query
    for "pustaka" marks "perpustakaan". Query words under three letters mark only themselves."""
    terms = [word.casefold() for word in words]

    def marked(word):
        word = word.casefold()
        return any(term == word or (len(term) > 2 and term in word) for term in terms)

    parts = WORD.split(text)
    return mark_safe(
        "".join(
            format_html("<mark>{}</mark>", part) if index % 2 and marked(part) else escape(part)
            for index, part in enumerate(parts)
        )
    )
