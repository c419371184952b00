"""The demo site's public addresses for the bad-input tests (tests/portal/test_bad_input*.py): one
page of each type in each language, with their routes and query strings, and the views that are not
pages. The `demo_addresses` fixture (tests/portal/conftest.py) builds the demo site and gathers them."""

from urllib.parse import urlencode, urlsplit

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images import get_image_model
from wagtail.models import Page

from local_content.models import CollectionItemPage
from news.models import NewsCategory, NewsPage
from programmes.models import VillageLibraryPage


class Addresses(dict):
    """Public addresses by label ("NewsIndexPage id rss": "/id/berita/feed/"), and subsets of them."""

    plain_pages = ()  # labels of pages without routes of their own: Wagtail resolves all paths alike

    def one_per_view(self):
        """One address per page type, route and view: the Indonesian pages and the other views."""
        return {label: url for label, url in self.items() if " en" not in f" {label} "}

    def paths(self):
        """One address per path of one_per_view (query strings left out), of the home page, the
        pages with routes and the other views."""
        paths = {}
        for label, url in self.one_per_view().items():
            if label not in self.plain_pages or label.startswith("HomePage"):
                paths.setdefault(urlsplit(url).path, label)
        return {label: path for path, label in paths.items()}

    def listings(self):
        """The addresses whose views read query parameters: the Indonesian listings and both searches."""
        return {
            label: url
            for label, url in self.items()
            if label.split()[0] in LISTINGS and label.endswith(" id") or label in ("search id", "search en")
        }


# Page types whose listings read ?page=, ?year=, ?category=...
LISTINGS = {
    "NewsIndexPage",
    "EventIndexPage",
    "GalleryIndexPage",
    "CollectionIndexPage",
    "VillageLibraryIndexPage",
    "ProgrammeIndexPage",
}


def public_addresses(document):
    urls, plain_pages = Addresses(), set()
    urls.plain_pages = plain_pages
    for page in Page.objects.live().public().exclude(depth=1).specific().order_by("path"):
        key = f"{type(page).__name__} {page.locale.language_code}"
        if key not in urls:
            urls[key] = page.url
            if not isinstance(page, RoutablePageMixin):
                plain_pages.add(key)
            for name, route in routes(page).items():
                urls[f"{key} {name}"] = page.url + route
    image = get_image_model().objects.first()
    urls.update(
        {
            "root": "/",
            "search id": "/id/cari/?q=perpustakaan",
            "search en": "/en/search/?q=library",
            "search filtered": "/en/search/?q=library&type=news&page=2",
            "search catalogue": "/id/cari/?q=buku&target=catalogue",
            "oai": "/oai/?verb=Identify",
            "sitemap": "/sitemap.xml",
            "sitemap section": "/sitemap-pages.xml",
            "sitemap unknown page": "/sitemap-pages.xml?p=2",
            "unknown sitemap section": "/sitemap-nothing.xml",
            "robots": "/robots.txt",
            "healthz": "/healthz",
            "original image": image.file.url,
            "rendition": image.get_rendition("fill-100x100").url,
            "document": document.url,
            "unknown preview link": "/preview/not-a-token/",
        }
    )
    return urls


def routes(page):
    """The routes and query strings of a routable or filterable page, from its own content."""
    name = type(page).__name__
    if name == "VisitPage":
        return {"hours": "hours/"}
    if name == "NewsIndexPage":
        category = NewsCategory.objects.filter(locale=page.locale).first()
        news = NewsPage.objects.child_of(page).live().first()
        tag = news.tags.first() if news else None
        return {
            "rss": "feed/",
            "atom": "feed/atom/",
            "category rss": f"{category.slug}/feed/",
            "category atom": f"{category.slug}/feed/atom/",
            "unknown category rss": "tidak-ada/feed/",
            "filters": "?" + urlencode({"category": category.slug, "tag": tag.slug if tag else "x", "year": 2024}),
            "month": "?year=2024&month=5",
            "page 2": "?page=2",
        }
    if name == "EventIndexPage":
        return {"ical": "ical/", "past": "?past=1", "past page 2": "?past=1&page=2"}
    if name == "EventPage":
        return {"ics": "ics/"}
    if name == "GalleryIndexPage":
        return {"year": "?year=2024", "page 2": "?page=2"}
    if name == "GalleryPage":
        return {"photo": "1/", "photo past the end": f"{page.photos.count() + 1}/", "photo 0": "0/"}
    if name == "CollectionIndexPage":
        item = CollectionItemPage.objects.child_of(page).live().first()
        subject = item.subjects.first() if item else None
        facets = {
            "type": item.dc_type,
            "language": item.language,
            "district": item.coverage_id or "",
            "decade": (item.year // 10 * 10) if item.year else "",
            "subject": subject.slug if subject else "",
            "sort": "date",
            "q": "batik",
        }
        return {"facets": "?" + urlencode(facets), "sort": "?sort=newest&page=2"}
    if name == "VillageLibraryIndexPage":
        library = VillageLibraryPage.objects.child_of(page).live().first()
        return {"district": "?" + urlencode({"district": library.district, "page": 2})}
    return {}
