"""Bad input never gives a server error: every public address of the demo site, in both languages,
with hostile page numbers, queries, bytes, paths, headers and methods, answers 2xx, 3xx or 4xx and
never shows a traceback.

The demo site is built once for the module (in a transaction rolled back at the end) and the
addresses are taken from its pages: one page of each type in each language, with their routes."""

from io import StringIO
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from local_content.models import CollectionItemPage
from news.models import NewsCategory, NewsPage
from programmes.models import VillageLibraryPage

# Also makes pytest-django create the test database before the module's fixture builds the demo.
pytestmark = pytest.mark.django_db

LONG = "perpustakaan " * 770  # 10,010 characters
HOSTILE_VALUES = {
    "huge": "99999999999999999999",
    "negative": "-1",
    "zero": "0",
    "text": "abc",
    "float": "1e9",
    "superscript": "²",  # a digit to str.isdigit(), not to int()
    "long": LONG,
    "nul": "\x00",
    "bad-utf8": b"\xff\xfe".decode("latin-1"),  # sent as %FF%FE
    "crlf": "x\r\nSet-Cookie: injected=1",
    "traversal": "../../etc/passwd",
    "markup": '"><script>alert(1)</script>',
}
# Every query parameter a public view reads.
PARAMETERS = [
    "page",
    "q",
    "category",
    "tag",
    "year",
    "month",
    "past",
    "type",
    "subject",
    "district",
    "language",
    "decade",
    "sort",
    "target",
    "p",
]
PATH_SUFFIXES = {
    "nul": "%00/",
    "bad-utf8": "%ff%fe/",
    "crlf": "%0d%0aSet-Cookie:%20injected=1/",
    "traversal": "../../etc/passwd",
    "encoded-traversal": "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "huge-number": "99999999999999999999/",
    "long": "a" * 5000 + "/",
}
ACCEPT_LANGUAGES = [
    "",
    "*",
    "xx",
    "id-ID,id;q=abc",
    "en;q=1e999,id;q=-1",
    ",,,;;;===",
    "en-US\r\nX-Injected: 1",
    "é" * 300,
    "en-" + "a" * 10_000,
]
LOCALE_PREFIXES = ["/xx/", "/id-ID/", "/EN/", "/en-us/", "/zz/berita/", "/id-ID/berita/", "/ID/cari/?q=buku"]
FILE_ADDRESSES = [
    "/documents/99999999999999999999/laporan.txt",
    "/documents/-1/laporan.txt",
    "/documents/DOCUMENT_ID/..%2f..%2fetc%2fpasswd",
    "/documents/DOCUMENT_ID/%00",
    "/documents/DOCUMENT_ID/" + "a" * 5000,
    "/media/../../etc/passwd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/original_images/%00.jpg",
    "/media/original_images/%ff%fe.jpg",
    "/static/../../etc/passwd",
    "/static/portal/%2e%2e/%2e%2e/%2e%2e/settings/base.py",
    "/sitemap-%00.xml",
    "/sitemap-pages.xml?p=99999999999999999999",
    "/sitemap-pages.xml?p=-1",
    "/robots.txt/%00",
    "/healthz?%00=%ff",
    "/id/berita/" + "kategori-" * 500 + "/feed/",
    "/id/galeri/99999999999999999999/",
    "/admin/../../etc/passwd",
    "/preview/%00/",
    "/preview/" + "a" * 5000 + "/",
]
OAI_REQUESTS = [
    "",
    "verb=Identify",
    "verb=ListMetadataFormats",
    "verb=ListSets",
    "verb=ListIdentifiers&metadataPrefix=oai_dc",
    "verb=ListRecords&metadataPrefix=oai_dc",
    "verb=ListRecords&metadataPrefix=oai_dc&set=type:text",
    "verb=ListRecords&metadataPrefix=oai_dc&set=subject:sejarah",
    "verb=ListRecords&metadataPrefix=oai_dc&set=nonsense",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01&until=2100-12-31",
    "verb=GetRecord&metadataPrefix=oai_dc&identifier=IDENTIFIER",
    "verb=ListMetadataFormats&identifier=IDENTIFIER",
    # bad arguments
    "verb=Nonsense",
    "verb=Identify&verb=Identify",
    "verb=Identify&extra=1",
    "verb=GetRecord",
    "verb=GetRecord&metadataPrefix=marc&identifier=IDENTIFIER",
    "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:1",
    "verb=GetRecord&metadataPrefix=oai_dc&identifier=%00%ff%fe",
    "verb=ListRecords",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2020-13-45",
    "verb=ListRecords&metadataPrefix=oai_dc&from=99999-01-01",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2019-01-01",
    "verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-01T00:00:00Z",
    "verb=ListRecords&metadataPrefix=oai_dc&from=%00",
    "verb=ListRecords&metadataPrefix=oai_dc&until=0001-01-01",
    "verb=ListRecords&resumptionToken=abc",
    "verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc",
    "verb=ListIdentifiers&resumptionToken=" + "A" * 10_000,
    "verb=ListSets&resumptionToken=abc",
    "verb=%ff%fe",
    "verb=Identify%0d%0aSet-Cookie:%20x=1",
    "verb=ListRecords&metadataPrefix=oai_dc&set=" + "x" * 10_000,
]


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


@pytest.fixture(scope="module")
def addresses(django_db_setup, django_db_blocker):
    """The demo site, and its public addresses."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=StringIO())
        document = get_document_model().objects.create(
            title="Laporan tahunan", file=ContentFile(b"Laporan tahunan\n", name="laporan.txt")
        )
        urls = public_addresses(document)
        # Visited once now, so that their renditions stay for the whole module (each test's
        # rollback would drop the ones it made); the answers are checked by the first test.
        visitor = Client(raise_request_exception=False)
        urls.statuses = {label: visitor.get(url).status_code for label, url in urls.items()}
        yield urls
        transaction.set_rollback(True)


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


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def problem(response):
    """What is wrong with a response to bad input, or None."""
    if not 200 <= response.status_code < 500:
        return f"status {response.status_code}"
    body = b"".join(response) if response.streaming else response.content
    if b"Traceback (most recent call last)" in body or b'File "/' in body:
        return "traceback in the body"
    return None


def check(client, requests):
    """Sends each (label, method, url, extra) and lists those that fail; `extra` holds headers
    (HTTP_...) or a body (data, content_type)."""
    failures = []
    for label, method, url, extra in requests:
        response = client.generic(method, url, **extra)
        if (reason := problem(response)) is not None:
            failures.append(f"{label}: {method} {url[:120]} -> {reason}")
    return failures


def with_parameters(url, value):
    """The address with every query parameter a view reads set to `value`."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(dict.fromkeys(PARAMETERS, value))
    encoded = urlencode(query, encoding="latin-1" if value == HOSTILE_VALUES["bad-utf8"] else "utf-8")
    return urlunsplit(parts._replace(query=encoded))


def test_the_addresses_work(client, addresses):
    """The addresses themselves answer, so that the hostile variants below test something."""
    assert {label.split()[0] for label in addresses} >= {*LISTINGS, "NewsPage", "EventPage", "GalleryPage"}
    assert len({label.split()[0] for label in addresses if label.endswith((" id", " en"))}) >= 16
    failures = []
    for label, url in addresses.items():
        status = addresses.statuses[label]
        missing = "unknown" in label or label.endswith(("past the end", "photo 0"))
        # Media files are served by the web server in production, and by Django only with DEBUG.
        expected = (200, 404) if label in ("original image", "rendition") else (302, 404) if missing else (200, 302)
        if status not in expected:
            failures.append(f"{label}: {url} -> {status}")
    assert failures == []


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_hostile_query_values_in_listings(client, addresses, value):
    requests = [(label, "GET", with_parameters(url, value), {}) for label, url in addresses.listings().items()]
    assert check(client, requests) == []


def test_hostile_query_values_everywhere(client, addresses):
    """Every view once with every parameter set to a different hostile value."""
    values = list(HOSTILE_VALUES.values())
    requests = []
    for number, (label, url) in enumerate(addresses.one_per_view().items()):
        mixed = {name: values[(number + index) % len(values)] for index, name in enumerate(PARAMETERS)}
        parts = urlsplit(url)
        query = {**dict(parse_qsl(parts.query)), **mixed}
        requests.append((label, "GET", urlunsplit(parts._replace(query=urlencode(query))), {}))
    assert check(client, requests) == []


@pytest.mark.parametrize("suffix", PATH_SUFFIXES.values(), ids=PATH_SUFFIXES.keys())
def test_hostile_paths(client, addresses, suffix):
    requests = []
    for label, path in addresses.paths().items():
        requests.append((label, "GET", (path if path.endswith("/") else path + "/") + suffix, {}))
    assert check(client, requests) == []


@pytest.mark.parametrize("method", ["HEAD", "OPTIONS", "TRACE", "PROPFIND"])
def test_odd_methods(client, addresses, method):
    requests = [(label, method, url, {}) for label, url in addresses.one_per_view().items()]
    assert check(client, requests) == []


def test_methods_that_write(client, addresses):
    """PUT, DELETE, PATCH and POST in turn on every view (Wagtail serves pages alike to each), with and
    without a body of garbage."""
    methods = ["PUT", "DELETE", "PATCH", "POST"]
    body = {"data": b"\xff\xfe\x00%00&=&" * 50, "content_type": "application/x-www-form-urlencoded"}
    requests = [
        (label, methods[number % 4], url, body if number // 4 % 2 else {})
        for number, (label, url) in enumerate(addresses.one_per_view().items())
    ]
    assert check(client, requests) == []


def test_odd_headers(client, addresses):
    """Ranges, conditional requests and forwarded addresses that make no sense."""
    headers = {
        "HTTP_RANGE": "bytes=99999999999999999999-",
        "HTTP_IF_MODIFIED_SINCE": "not a date",
        "HTTP_IF_NONE_MATCH": '"\x00", *, W/',
        "HTTP_X_FORWARDED_FOR": "999.999.999.999, ::::",
        "HTTP_X_REAL_IP": "not an address",
        "HTTP_COOKIE": "sessionid=\x00; csrftoken=" + "x" * 5000,
        "HTTP_REFERER": "javascript:alert(1)",
    }
    labels = ["document", "robots", "sitemap", "NewsIndexPage id rss", "EventPage id ics", "ContactPage id"]
    requests = [(label, method, addresses[label], headers) for label in labels for method in ("GET", "POST")]
    assert check(client, requests) == []


@pytest.mark.parametrize("accept_language", ACCEPT_LANGUAGES)
def test_malformed_accept_language(client, addresses, accept_language):
    """The language of an address without one comes from Accept-Language."""
    urls = ["/", "/cari/?q=buku", "/oai/?verb=Identify", "/xx/", "/robots.txt"]
    requests = [("accept-language", "GET", url, {"HTTP_ACCEPT_LANGUAGE": accept_language}) for url in urls]
    assert check(client, requests) == []
    assert client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language).status_code == 302


def test_unknown_language_prefixes(client, addresses):
    requests = [("prefix", "GET", url, {}) for url in LOCALE_PREFIXES]
    requests += [("prefix", "GET", "/xx" + url[3:], {}) for url in addresses.values() if url.startswith("/en/")]
    assert check(client, requests) == []
    assert client.get("/xx/", follow=True).status_code == 404


def test_hostile_file_and_other_addresses(client, addresses):
    document_id = addresses["document"].split("/")[2]
    requests = [("address", "GET", url.replace("DOCUMENT_ID", document_id), {}) for url in FILE_ADDRESSES]
    assert check(client, requests) == []


def test_oai_verbs_and_bad_arguments(client, addresses):
    item = CollectionItemPage.objects.live().filter(locale__language_code="id").first()
    identifier = f"oai:library.localhost:{item.translation_key}"
    requests = []
    for query in OAI_REQUESTS:
        url = "/oai/?" + query.replace("IDENTIFIER", identifier)
        requests += [("oai", "GET", url, {}), ("oai", "POST", url, {}), ("oai", "HEAD", url, {})]
    assert check(client, requests) == []
    for query in OAI_REQUESTS[1 : OAI_REQUESTS.index("verb=Nonsense")]:
        response = client.get("/oai/?" + query.replace("IDENTIFIER", identifier))
        assert response.status_code == 200 and b"<OAI-PMH" in response.content, query
        assert b"<error" not in response.content or b'code="noRecordsMatch"' in response.content, query


def test_a_huge_query_string_and_many_parameters(client, addresses):
    many = "&".join(f"p{number}=x" for number in range(5000))
    requests = [
        ("many parameters", "GET", addresses["search id"] + "&" + many, {}),
        ("many parameters", "GET", addresses["NewsIndexPage id"] + "?" + many, {}),
        ("repeated page", "GET", addresses["NewsIndexPage id"] + "?page=1&page=2&page=abc", {}),
        ("bracket parameters", "GET", addresses["search id"] + "&q[]=1&q[x]=2", {}),
        ("long search", "GET", "/en/search/?q=" + "a" * 100_000, {}),
        ("many words", "GET", "/en/search/?q=" + "+".join(["buku"] * 2000), {}),
        ("search syntax", "GET", "/en/search/?q=" + '"AND OR NOT * ( ) : ^ ~ - + NEAR/3 "', {}),
    ]
    assert check(client, requests) == []


# -- addresses without a language, and the pages of refused requests --------------------------

ODD_PATHS = {
    "unknown": "/anything-unknown/",
    "unknown without slash": "/anything-unknown",
    "4,000 characters": "/" + "a" * 4000 + "/",
    "4,000 characters without slash": "/" + "a" * 4000,
    "many segments": "/" + "a/" * 2000,
    "nul": "/%00/",
    "nul inside": "/berita%00/",
    "ff": "/%ff/",
    "invalid utf-8": "/%c3%28/",
    "cut utf-8": "/%e2%82/",
    "surrogate": "/%ed%a0%80/",
    "crlf": "/%0d%0aLocation:%20http://example.com/",
    "wordpress": "/wp-login.php",
}


@pytest.mark.parametrize("path", ODD_PATHS.values(), ids=ODD_PATHS.keys())
def test_an_address_that_is_no_page_is_404_at_once(client, addresses, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response
    assert "Halaman tidak ditemukan" in response.text
    assert response["Content-Language"] == "id"
    english = client.get(path, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert english.status_code == 404 and "Location" not in english
    assert "Page not found" in english.text and '<html lang="en"' in english.text
    assert "Accept-Language" in english["Vary"]


@pytest.mark.parametrize(
    ("path", "accept_language", "location"),
    [
        ("/", "", "/id/"),
        ("/", "en", "/en/"),
        ("/berita/", "", "/id/berita/"),
        ("/berita", "id", "/id/berita/"),
        ("/news/", "en", "/en/news/"),
        ("/berita/feed/", "id", "/id/berita/feed/"),
        ("/cari/?q=buku", "id", "/id/cari/?q=buku"),
        ("/search/?q=book", "en", "/en/search/?q=book"),
        # A Location too long for the proxy in front: the page without the query string.
        ("/berita/?page=" + "9" * 4000, "id", "/id/berita/"),
        ("/?" + "x" * 4000, "en", "/en/"),
    ],
)
def test_only_pages_redirect_to_their_language(client, addresses, path, accept_language, location):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == location


def test_a_page_of_the_other_language_is_not_redirected_to(client, addresses):
    assert client.get("/news/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/news/"
    response = client.get("/news/", HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 404 and "Halaman tidak ditemukan" in response.text


def test_a_missing_slash_is_added_only_for_pages(client, addresses):
    assert client.get("/id/berita")["Location"] == "/id/berita/"
    assert client.get("/en/news/feed")["Location"] == "/en/news/feed/"
    assert client.get("/admin/login")["Location"] == "/admin/login/"
    for path in ("/id/tidak-ada", "/id/berita/tidak-ada", "/en/" + "a" * 4000):
        response = client.get(path)
        assert response.status_code == 404 and "Location" not in response, path
    assert client.get("/id/berita?page=" + "9" * 4000)["Location"] == "/id/berita/"


def test_a_form_without_its_csrf_token_gets_the_sites_page(addresses):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    indonesian = browser.post(addresses["ContactPage id"], {"pesan": "Halo"})
    assert indonesian.status_code == 403
    assert "Formulir tidak dapat dikirim" in indonesian.text and '<html lang="id"' in indonesian.text
    assert 'class="site-header"' in indonesian.text and "CSRF" not in indonesian.text
    english = browser.post(addresses["ContactPage en"], {"message": "Hello"})
    assert english.status_code == 403
    assert "The form could not be sent" in english.text and '<html lang="en"' in english.text
    assert "Forbidden" not in english.text


def test_a_request_django_cannot_read_gets_the_sites_400_page(client, addresses):
    many = "&".join(f"p{number}=x" for number in range(10_001))  # DATA_UPLOAD_MAX_NUMBER_FIELDS
    indonesian = client.get(f"{addresses['search id']}&{many}")
    assert indonesian.status_code == 400
    assert "Permintaan tidak dapat dipahami" in indonesian.text and 'class="site-header"' in indonesian.text
    english = client.get(f"{addresses['search en']}&{many}")
    assert english.status_code == 400 and "The request could not be understood" in english.text


def test_a_host_the_site_does_not_serve_gets_a_400_page_in_the_visitors_language(client, addresses, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/en/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert "The request could not be understood" in response.text and '<html lang="en"' in response.text
    assert "Bad Request" not in response.text


def test_a_permission_refused_gets_the_sites_403_page(addresses):
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory
    from django.urls import get_resolver

    handler = get_resolver().resolve_error_handler(403)
    request = RequestFactory().get("/id/berita/", HTTP_ACCEPT_LANGUAGE="en")
    response = handler(request, exception=PermissionDenied())
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode() and 'class="site-header"' in response.content.decode()


@pytest.mark.parametrize(
    ("method", "path"),
    [("PUT", "/oai/"), ("DELETE", "/oai/?verb=Identify"), ("POST", "/healthz"), ("PATCH", "/healthz")],
)
def test_a_method_an_address_does_not_take_gets_the_sites_405_page(client, addresses, method, path):
    response = client.generic(method, path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 405
    assert response["Allow"]
    assert "Request not allowed" in response.text and '<html lang="en"' in response.text
    indonesian = client.generic(method, path)
    assert indonesian.status_code == 405 and "Permintaan tidak diizinkan" in indonesian.text


def test_the_database_out_of_reach_gives_a_503_page_in_the_visitors_language(addresses):
    from django.db import OperationalError
    from django.test import RequestFactory
    from django.urls import get_resolver

    handler = get_resolver().resolve_error_handler(500)
    for path, words in (("/en/search/", "Temporarily unavailable"), ("/id/cari/", "Sedang tidak tersedia")):
        try:
            raise OperationalError('connection to server at "10.0.0.4" failed: password "hunter2" rejected')
        except OperationalError:
            response = handler(RequestFactory().get(path))
        body = response.content.decode()
        assert response.status_code == 503 and words in body
        assert response["Retry-After"] == "60" and "no-store" in response["Cache-Control"]
        assert "hunter2" not in body and "Traceback" not in body
    try:
        raise ValueError("a bug")
    except ValueError:
        response = handler(RequestFactory().get("/en/"))
    assert response.status_code == 500 and "Something went wrong" in response.content.decode()
