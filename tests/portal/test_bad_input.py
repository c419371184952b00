"""Bad input never gives a server error: every public address of the demo site, in both languages,
with hostile page numbers, queries, bytes, paths, headers and methods, answers 2xx, 3xx or 4xx and
never shows a traceback.

The demo site is built once for the module (in a transaction rolled back at the end) and the
addresses are taken from its pages: one page of each type in each language, with their routes
(tests/portal/addresses.py). What a visitor is shown for addresses that are no page and for
refused requests: tests/portal/test_bad_input_error_pages.py."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from django.test import Client

from local_content.models import CollectionItemPage
from tests.portal.addresses import LISTINGS

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


@pytest.fixture(scope="module")
def addresses(demo_addresses, django_db_blocker):
    """The demo site's public addresses, each visited once now, so that their renditions stay for
    the whole module (each test's rollback would drop the ones it made); the answers are checked by
    the first test."""
    visitor = Client(raise_request_exception=False)
    with django_db_blocker.unblock():
        demo_addresses.statuses = {label: visitor.get(url).status_code for label, url in demo_addresses.items()}
    return demo_addresses


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
