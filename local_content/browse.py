"""Browsing the collection: facets as plain links, counts per value, text search, sort, pages.

Filtering, counting and sorting work on a table of every item's facet values, read once per
process until an item is published (portal/pages.py kept_with_page): counting five facets in
the database took longer with each item (45 ms at 5,000 on PostgreSQL); a page of results is then
read by id. Only a text search asks the database (its search index) each time.

Each facet value holds the rows that have it as the bits of one integer (bit i: the i-th row in
the sort's order): a filter is an AND, a count a bit count, both at C speed. Going through the rows
in Python took 2 ms per 1,000 items for the filters and facets of one page."""

from collections import Counter
from datetime import UTC, datetime
from typing import NamedTuple
from urllib.parse import urlencode

from django.db import DatabaseError
from django.db.models import Q

from portal.generation import kept
from portal.pages import kept_with_page, page_of
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


class Sorted(NamedTuple):
    """The rows in one sort's order, with each facet value's rows as bits and each row's position."""

    rows: list
    having: dict  # {(facet, value): bits}; facets: type, language, district, year, subject
    position: dict  # {pk: i}


def as_bits(positions, size):
    """The integer whose bits at `positions` are set (built in a buffer: OR-ing ints one at a time
    would copy the whole integer for each)."""
    buffer = bytearray((size + 7) // 8)
    for i in positions:
        buffer[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buffer, "little")


def facet_values(row):
    yield from (("type", row.dc_type), ("language", row.language), ("district", row.district), ("year", row.year))
    for key in row.subjects:
        yield ("subject", key)


def sorted_rows(rows):
    positions = {}
    for i, row in enumerate(rows):
        for value in facet_values(row):
            if value[1] is not None:
                positions.setdefault(value, []).append(i)
    having = {value: as_bits(found, len(rows)) for value, found in positions.items()}
    return Sorted(rows, having, {row.pk: i for i, row in enumerate(rows)})


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
    return {sort: sorted_rows(sorted(rows, key=key)) for sort, key in SORTS.items()}


class Selection:
    """The pks of the rows whose bits `mask` sets, in order, as a Paginator reads them: counted and
    sliced with bit operations, never listed whole (page 400 costs what page 1 does)."""

    def __init__(self, rows, mask):
        self.rows, self.mask, self.size = rows, mask, mask.bit_count()

    def __len__(self):
        return self.size

    def __getitem__(self, window):
        start, stop, _step = window.indices(self.size)
        if start >= stop:
            return []
        # The position of the start-th row selected: the first prefix of the mask holding more.
        low, high = 0, len(self.rows)
        while low < high:
            middle = (low + high) // 2
            if (self.mask & ((1 << middle) - 1)).bit_count() > start:
                high = middle
            else:
                low = middle + 1
        offset, rest, pks = low - 1, self.mask >> (low - 1), []
        while rest and len(pks) < stop - start:
            lowest = rest & -rest
            pks.append(self.rows[offset + lowest.bit_length() - 1].pk)
            rest ^= lowest
        return pks


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
        self.table = kept_with_page(index_page, "collection_table", lambda: table(items))[self.sort]
        self.mask = self._mask(items)
        pages = items.model.objects.select_related("coverage").defer_streamfields()
        self.page = page_of(pages, Selection(self.table.rows, self.mask), ITEMS_PER_PAGE, params.get("page"))

    def _mask(self, items):
        """The bits of the rows the filters let through."""
        p, having = self.params, self.table.having

        def any_of(*values):
            bits = 0
            for value in values:
                bits |= having.get(value, 0)
            return bits

        mask = (1 << len(self.table.rows)) - 1
        if p["type"]:
            mask &= any_of(("type", p["type"]))
        if p["language"]:
            mask &= any_of(("language", p["language"]))
        if p["district"].isdecimal():
            mask &= any_of(("district", int(p["district"])))
        if p["decade"].isdecimal():
            decade = int(p["decade"])
            mask &= any_of(*(("year", year) for year in range(decade, decade + 10)))
        if p["subject"]:
            keys = self.subjects.filter(slug=p["subject"]).values_list("translation_key", flat=True)
            mask &= any_of(*(("subject", key) for key in keys))
        if p["q"] and mask:
            # Among the items of the language: which of them the table holds is settled here, and
            # the search backend filters only on indexed fields.
            found = search_ids(items.model.objects.filter(locale=self.locale), p["q"])
            position = self.table.position
            mask &= as_bits((position[pk] for pk in found if pk in position), len(self.table.rows))
        return mask

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

        counts = {facet: Counter() for facet in ("type", "language", "district", "year", "subject")}
        for (facet, value), bits in self.table.having.items():
            if found := (bits & self.mask).bit_count():
                counts[facet][value] = found
        types, languages, districts, subject_counts = (counts[f] for f in ("type", "language", "district", "subject"))
        decades = Counter()
        for year, n in counts["year"].items():
            decades[year // 10 * 10] += n
        every_subject, district_names = kept("collection_labels", self.labels)
        subjects = [(slug, name, key) for slug, name, key, locale in every_subject if locale == self.locale.pk]
        subject_rows = sorted(
            ((slug, subject_counts[key]) for slug, _name, key in subjects if subject_counts.get(key)),
            key=lambda row: (-row[1], row[0]),
        )
        return [
            ("type", self.facet("type", most_first(types), dict(DC_TYPES))),
            ("subject", self.facet("subject", subject_rows, {slug: name for slug, name, _key in subjects})),
            ("district", self.facet("district", most_first(districts), district_names)),
            ("language", self.facet("language", most_first(languages), dict(LANGUAGES))),
            ("decade", self.facet("decade", sorted(decades.items()), {})),
        ]

    def labels(self):
        """The subjects of every language and the districts' names, kept until the next change to the
        site (a snippet saved is one): two queries fewer for every request of the collection."""
        subjects = list(self.subjects.values_list("slug", "name", "translation_key", "locale_id"))
        return subjects, dict(self.districts.values_list("pk", "name"))

    @property
    def active(self):
        return any(self.params[key] for key in FILTERS if key != "sort")

    def sort_links(self):
        return [(key, self.link(sort=key), key == self.sort) for key in SORTS]
