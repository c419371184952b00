"""Browsing the collection: facets as plain links, counts per value, text search, sort, pages.

Filtering, counting and sorting work on a table of every item's facet values, read once per
process until an item is published (portal/pages.py kept_for_children): counting five facets in
the database took longer with each item (45 ms at 5,000 on PostgreSQL); a page of results is then
read by id. Only a text search asks the database (its search index) each time."""

from collections import Counter
from datetime import UTC, datetime
from itertools import chain
from operator import attrgetter
from typing import NamedTuple
from urllib.parse import urlencode

from django.db import DatabaseError
from django.db.models import Q

from portal.pages import kept_for_children, page_of
from portal.text import printable
from portal.textsearch import preferring_indexes

from .vocabularies import DC_TYPES, LANGUAGES

ITEMS_PER_PAGE = 24
FILTERS = ("type", "subject", "district", "language", "decade", "q", "sort")
OLDEST = datetime.min.replace(tzinfo=UTC)


class Row(NamedTuple):
    """What browsing needs of one item."""

    pk: int
    title: str
    dc_type: str
    language: str
    district: int | None
    year: int | None
    added: datetime
    subjects: frozenset  # translation keys: an item may use the subjects of another language


# How each sort orders the rows: by title; by year (unknown last), then title; newest added first.
SORTS = {
    "title": lambda row: (row.title.casefold(), row.pk),
    "date": lambda row: (row.year is None, row.year or 0, row.title.casefold(), row.pk),
    "newest": lambda row: (-row.added.timestamp(), -row.pk),
}


def table(items):
    """The browsing table of a queryset of items: its rows in the order of each sort."""
    subjects = {}
    through = items.model.subjects.through.objects.filter(collectionitempage__in=items.values("pk"))
    for pk, key in through.values_list("collectionitempage_id", "subject__translation_key"):
        subjects.setdefault(pk, set()).add(key)
    fields = ("pk", "title", "dc_type", "language", "coverage_id", "year", "first_published_at")
    rows = [
        Row(pk, title, dc_type, language, district, year, added or OLDEST, frozenset(subjects.get(pk, ())))
        for pk, title, dc_type, language, district, year, added in items.values_list(*fields)
    ]
    return {sort: sorted(rows, key=key) for sort, key in SORTS.items()}


def search_ids(items, text):
    """Ids of the items matching the words. Quotes are dropped (no phrase syntax is offered); if
    the search backend still rejects the query, a plain substring match answers instead."""
    text = text.replace('"', " ").strip()
    if not text:
        return set(items.values_list("pk", flat=True))
    try:
        # Only the ids, from the query the database backend builds: making each matching item an
        # object took 0.3 s for 2,600 items (PostgreSQL, 5,000 in all); the ids take 25 ms.
        with preferring_indexes():
            return set(items.search(text, order_by_relevance=False).get_queryset().values_list("pk", flat=True))
    except DatabaseError:
        return set(items.filter(Q(title__icontains=text) | Q(description__icontains=text)).values_list("pk", flat=True))


class Browse:
    """The items of `index_page` as `params` ask; `subjects` and `districts` are the managers of
    those snippets (given by the page, whose models import this module)."""

    def __init__(self, index_page, params, subjects, districts):
        self.subjects, self.districts = subjects, districts
        self.params = {key: printable(params.get(key, ""))[:200] for key in FILTERS}
        self.locale = index_page.locale
        items = index_page.items()
        self.sort = self.params["sort"] if self.params["sort"] in SORTS else "title"
        ordered = kept_for_children(index_page, "collection_table", lambda: table(items))[self.sort]
        self.rows = self._filtered(ordered, items)
        ids = [row.pk for row in self.rows]
        pages = items.model.objects.select_related("coverage").defer_streamfields()
        self.page = page_of(pages, ids, ITEMS_PER_PAGE, params.get("page"))

    def _filtered(self, rows, items):
        p = self.params
        tests = []
        if p["type"]:
            tests.append(lambda row: row.dc_type == p["type"])
        if p["language"]:
            tests.append(lambda row: row.language == p["language"])
        if p["district"].isdecimal():
            tests.append(lambda row: row.district == int(p["district"]))
        if p["decade"].isdecimal():
            decade = int(p["decade"])
            tests.append(lambda row: row.year is not None and decade <= row.year < decade + 10)
        if p["subject"]:
            keys = set(self.subjects.filter(slug=p["subject"]).values_list("translation_key", flat=True))
            tests.append(lambda row: not keys.isdisjoint(row.subjects))
        if p["q"]:
            # Among the items of the language: which of them the table holds is settled here, and
            # the search backend filters only on indexed fields.
            found = search_ids(items.model.objects.filter(locale=self.locale), p["q"])
            tests.append(lambda row: row.pk in found)
        for test in tests:
            rows = [row for row in rows if test(row)]
        return rows

    def link(self, **changes):
        """The query string with some filters changed (None removes one); always back to page 1."""
        params = {key: value for key, value in self.params.items() if value}
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = value
        return "?" + urlencode(params) if params else "?"

    def facet(self, key, counts, labels):
        active = self.params[key]
        return [
            {
                "value": value,
                "label": labels.get(value, value),
                "count": count,
                "active": str(value) == active,
                "url": self.link(**{key: None if str(value) == active else str(value)}),
            }
            for value, count in counts
            if value is not None
        ]

    @property
    def facets(self):
        def most_first(counter):
            return sorted(counter.items(), key=lambda pair: (-pair[1], pair[0] is None, pair[0] or 0))

        def count(field):  # at C speed: thousands of rows
            return Counter(map(attrgetter(field), self.rows))

        types, languages, districts = count("dc_type"), count("language"), count("district")
        decades = Counter()
        for year, n in count("year").items():
            if year is not None:
                decades[year // 10 * 10] += n
        subject_counts = Counter(chain.from_iterable(map(attrgetter("subjects"), self.rows)))
        subjects = self.subjects.filter(locale=self.locale).values_list("slug", "name", "translation_key")
        subject_rows = sorted(
            ((slug, subject_counts[key]) for slug, _name, key in subjects if subject_counts.get(key)),
            key=lambda row: (-row[1], row[0]),
        )
        district_names = dict(self.districts.values_list("pk", "name"))
        return [
            ("type", self.facet("type", most_first(types), dict(DC_TYPES))),
            ("subject", self.facet("subject", subject_rows, {slug: name for slug, name, _key in subjects})),
            ("district", self.facet("district", most_first(districts), district_names)),
            ("language", self.facet("language", most_first(languages), dict(LANGUAGES))),
            ("decade", self.facet("decade", sorted(decades.items()), {})),
        ]

    @property
    def active(self):
        return any(self.params[key] for key in FILTERS if key != "sort")

    def sort_links(self):
        return [(key, self.link(sort=key), key == self.sort) for key in SORTS]
