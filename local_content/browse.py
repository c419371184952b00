"""Browsing the collection: facets as plain links, counts per value, text search, sort, pages."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Count, F, Q
from django.db.models.functions import Floor

from portal.text import printable

from .vocabularies import DC_TYPES, LANGUAGES

ITEMS_PER_PAGE = 24
SORTS = {"title": ("title", "pk"), "date": ("year", "title"), "newest": ("-first_published_at", "-pk")}
FILTERS = ("type", "subject", "district", "language", "decade", "q", "sort")


def search_ids(items, text):
    """Ids of the items matching the words. Quotes are dropped (no phrase syntax is offered); if
    the search backend still rejects the query, a plain substring match answers instead."""
    text = text.replace('"', " ").strip()
    if not text:
        return list(items.values_list("pk", flat=True))
    try:
        # Only the ids, from the query the database backend builds: making each matching item an
        # object took 0.3 s for 2,600 items (PostgreSQL, 5,000 in all); the ids take 25 ms.
        return list(items.search(text, order_by_relevance=False).get_queryset().values_list("pk", flat=True))
    except DatabaseError:
        return list(
            items.filter(Q(title__icontains=text) | Q(description__icontains=text)).values_list("pk", flat=True)
        )


class Browse:
    """The items of `index_page` as `params` ask; `subjects` and `districts` are the managers of
    those snippets (given by the page, whose models import this module)."""

    def __init__(self, index_page, params, subjects, districts):
        self.subjects, self.districts = subjects, districts
        self.params = {key: printable(params.get(key, ""))[:200] for key in FILTERS}
        self.locale = index_page.locale
        base = index_page.items()
        self.items = self._filtered(base)
        self.sort = self.params["sort"] if self.params["sort"] in SORTS else "title"
        ordered = self.items.select_related("coverage").order_by(*SORTS[self.sort])
        self.page = Paginator(ordered, ITEMS_PER_PAGE).get_page(params.get("page"))

    def _filtered(self, items):
        p = self.params
        if p["type"]:
            items = items.filter(dc_type=p["type"])
        if p["language"]:
            items = items.filter(language=p["language"])
        if p["district"].isdecimal():
            items = items.filter(coverage_id=int(p["district"]))
        if p["decade"].isdecimal():
            decade = int(p["decade"])
            items = items.filter(year__gte=decade, year__lt=decade + 10)
        if p["subject"]:
            subject = self.subjects.filter(slug=p["subject"]).values("translation_key")
            # The join on subjects lists an item once per matching subject. DISTINCT only then:
            # over 5,000 items it doubles the cost of the page and of its count.
            items = items.filter(subjects__translation_key__in=subject).distinct()
        if p["q"]:
            # Search within the collection; the result is narrowed back to a queryset so the
            # facets can count it.
            items = items.filter(pk__in=search_ids(items.model.objects.filter(pk__in=items.values("pk")), p["q"]))
        return items

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
        ids = self.items.values("pk")
        items = self.items.model.objects.filter(pk__in=ids)
        types = items.values_list("dc_type").annotate(n=Count("pk")).order_by("-n", "dc_type")
        languages = items.values_list("language").annotate(n=Count("pk")).order_by("-n", "language")
        districts = items.values_list("coverage_id").annotate(n=Count("pk")).order_by("-n", "coverage_id")
        decades = (
            items.exclude(year__isnull=True)
            .annotate(decade=Floor(F("year") / 10) * 10)
            .values_list("decade")
            .annotate(n=Count("pk"))
            .order_by("decade")
        )
        subjects = self.subjects.filter(locale=self.locale).values_list("slug", "name", "translation_key")
        subject_counts = dict(
            items.values_list("subjects__translation_key").annotate(n=Count("pk", distinct=True)).order_by()
        )
        subject_rows = sorted(
            ((slug, subject_counts[key]) for slug, _name, key in subjects if subject_counts.get(key)),
            key=lambda row: (-row[1], row[0]),
        )
        district_names = dict(self.districts.values_list("pk", "name"))
        return [
            ("type", self.facet("type", types, dict(DC_TYPES))),
            ("subject", self.facet("subject", subject_rows, {slug: name for slug, name, _key in subjects})),
            ("district", self.facet("district", districts, district_names)),
            ("language", self.facet("language", languages, dict(LANGUAGES))),
            ("decade", self.facet("decade", [(int(d), n) for d, n in decades], {})),
        ]

    @property
    def active(self):
        return any(self.params[key] for key in FILTERS if key != "sort")

    def sort_links(self):
        return [(key, self.link(sort=key), key == self.sort) for key in SORTS]
