import gzip
import re
from pathlib import Path

import pytest
from lxml import etree
from sickle import Sickle

from wagtail.models import Page

from local_content.models import CollectionItemPage, DeletedRecord
from tests.factories import make_home
from tests.local_content.conftest import add_item, make_collection, make_items, make_subjects
from tests.snapshot import kept_for_module

NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}
SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).resolve().parents[2] / "local_content/xsd/harvest.xsd")))


def oai(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    document = etree.fromstring(response.content)
    assert SCHEMA.validate(document), SCHEMA.error_log.last_error
    return document


def error_code(document):
    error = document.find("oai:error", NS)
    return error.get("code") if error is not None else None


def identifiers(document):
    return [element.text for element in document.iterfind(".//oai:header/oai:identifier", NS)]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """One collection of three items for the whole module: the ids of the collection and its items."""
    with kept_for_module(django_db_blocker):
        collection = make_collection(make_home())
        yield collection.pk, [item.pk for item in make_items(collection, make_subjects())]


@pytest.fixture
def collection(site, db):
    return Page.objects.get(pk=site[0]).specific


@pytest.fixture
def items(site, db):
    return [CollectionItemPage.objects.get(pk=pk) for pk in site[1]]


@pytest.fixture(autouse=True)
def small_pages(settings):
    settings.OAI_PAGE_SIZE = 2
    settings.OAI_REPOSITORY_ID = "perpustakaan.example"


def test_identify(client, items):
    document = oai(client, verb="Identify")
    assert document.findtext(".//oai:protocolVersion", namespaces=NS) == "2.0"
    assert document.findtext(".//oai:deletedRecord", namespaces=NS) == "persistent"
    assert document.findtext(".//oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert document.findtext(".//oai:baseURL", namespaces=NS) == "http://testserver/oai/"


def test_list_metadata_formats_and_sets(client, items):
    formats = oai(client, verb="ListMetadataFormats")
    assert formats.findtext(".//oai:metadataPrefix", namespaces=NS) == "oai_dc"
    specs = [element.text for element in oai(client, verb="ListSets").iterfind(".//oai:setSpec", NS)]
    assert "type:Sound" in specs and "subject:batik" in specs and "subject:sejarah-lisan" in specs


def test_get_record_has_dublin_core_in_both_languages(client, items):
    identifier = f"oai:perpustakaan.example:{items[0].translation_key}"
    document = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)
    titles = {
        element.get("{http://www.w3.org/XML/1998/namespace}lang"): element.text
        for element in document.iterfind(".//dc:title", NS)
    }
    assert titles == {"id": "Motif batik kawung", "en": "Kawung batik motif"}
    assert document.findtext(".//dc:type", namespaces=NS) == "StillImage"
    assert document.findtext(".//dc:creator", namespaces=NS) == "Tim Perpustakaan"
    assert "http://localhost/id/koleksi-madura/km-btk-001/" in [
        e.text for e in document.iterfind(".//dc:identifier", NS)
    ]
    assert [e.text for e in document.iterfind(".//oai:setSpec", NS)] == ["type:StillImage", "subject:batik"]


def test_list_records_pages_with_resumption_tokens(client, items):
    first = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS)
    assert len(identifiers(first)) == 2 and token.get("completeListSize") == "3" and token.get("cursor") == "0"
    second = oai(client, verb="ListRecords", resumptionToken=token.text)
    last_token = second.find(".//oai:resumptionToken", NS)
    assert len(identifiers(second)) == 1 and last_token.text is None and last_token.get("cursor") == "2"
    assert len(set(identifiers(first) + identifiers(second))) == 3


def test_list_identifiers_by_set(client, items):
    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:Sound")
    assert len(identifiers(document)) == 2
    assert document.find(".//oai:metadata", NS) is None
    assert len(identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="subject:batik"))) == 2


def test_from_and_until_filters(client, items):
    assert len(identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2000-01-01"}))) == 2
    assert (
        error_code(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2999-01-01"}))
        == "noRecordsMatch"
    )
    assert (
        error_code(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="1999-12-31T23:59:59Z"))
        == "noRecordsMatch"
    )
    assert (
        error_code(
            oai(
                client,
                verb="ListRecords",
                metadataPrefix="oai_dc",
                **{"from": "2020-01-01"},
                until="2020-01-02T00:00:00Z",
            )
        )
        == "badArgument"
    )
    assert (
        error_code(oai(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": "yesterday"})) == "badArgument"
    )


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elsewhere:1"}, "idDoesNotExist"),
        ({"verb": "ListMetadataFormats", "identifier": "oai:perpustakaan.example:nope"}, "idDoesNotExist"),
        ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "type:Nope"}, "noRecordsMatch"),
    ],
)
def test_error_codes(client, items, params, code):
    document = oai(client, **params)
    assert error_code(document) == code
    if code in ("badVerb", "badArgument"):
        assert document.find("oai:request", NS).attrib == {}


def test_repeated_argument_is_bad(client, items):
    response = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc")
    assert error_code(etree.fromstring(response.content)) == "badArgument"


def test_token_of_another_verb_is_refused(client, items):
    token = oai(client, verb="ListRecords", metadataPrefix="oai_dc").find(".//oai:resumptionToken", NS).text
    assert error_code(oai(client, verb="ListIdentifiers", resumptionToken=token)) == "badResumptionToken"


def test_unpublished_item_becomes_a_deleted_record_and_comes_back(client, items):
    items[1].unpublish()
    identifier = f"oai:perpustakaan.example:{items[1].translation_key}"
    assert DeletedRecord.objects.filter(identifier=identifier).exists()
    document = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)
    assert document.find(".//oai:header", NS).get("status") == "deleted"
    assert document.find(".//oai:metadata", NS) is None
    listed = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:Sound")
    assert identifier in identifiers(listed)
    items[1].save_revision().publish()
    assert not DeletedRecord.objects.filter(identifier=identifier).exists()


class DjangoClientSickle(Sickle):
    """The sickle harvester speaking to the test client instead of the network."""

    def __init__(self, client):
        super().__init__("http://testserver/oai/")
        self.client = client

    def _request(self, kwargs):
        response = self.client.get("/oai/", kwargs)

        class Reply:
            status_code = response.status_code
            content = response.content
            text = response.content.decode()
            encoding = "utf-8"
            headers = response.headers

            def raise_for_status(self):
                assert self.status_code == 200

        return Reply()


def test_harvest_returns_every_item_exactly_once(client, items, collection):
    for n in range(6):
        add_item(collection, title=f"Barang tambahan {n}", dc_type="Text")
    harvested = [record.header.identifier for record in DjangoClientSickle(client).ListRecords(metadataPrefix="oai_dc")]
    assert len(harvested) == 9 and len(set(harvested)) == 9
    titles = [record.metadata["title"] for record in DjangoClientSickle(client).ListRecords(metadataPrefix="oai_dc")]
    assert ["Motif batik kawung", "Kawung batik motif"] in titles


def test_list_records_queries_do_not_grow_with_the_page(client, items, collection, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.OAI_PAGE_SIZE = 100

    def count():
        client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc")
        with CaptureQueriesContext(connection) as queries:
            client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc")
        return len(queries.captured_queries)

    with_3 = count()
    for n in range(12):
        add_item(collection, title=f"Barang {n}", dc_type="Text")
    assert count() == with_3


def test_post_is_answered_like_get_without_a_csrf_token(items):
    from django.test import Client

    harvester = Client(enforce_csrf_checks=True)  # no cookie, no token: as harvesters send it
    for params in (
        {"verb": "Identify"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
        {
            "verb": "GetRecord",
            "metadataPrefix": "oai_dc",
            "identifier": f"oai:perpustakaan.example:{items[1].translation_key}",
        },
    ):
        posted = harvester.post("/oai/", params)  # application/x-www-form-urlencoded
        assert posted.status_code == 200, params
        got = harvester.get("/oai/", params)
        assert comparable(posted.content) == comparable(got.content)
        assert SCHEMA.validate(etree.fromstring(posted.content)), params
    token = oai(harvester, verb="ListIdentifiers", metadataPrefix="oai_dc").findtext(
        ".//oai:resumptionToken", namespaces=NS
    )
    following = harvester.post("/oai/", {"verb": "ListIdentifiers", "resumptionToken": token})
    assert identifiers(etree.fromstring(following.content))


def test_gzip_when_the_harvester_accepts_it(client, items):
    plain = client.get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    assert "Content-Encoding" not in plain
    packed = client.get(
        "/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}, HTTP_ACCEPT_ENCODING="gzip, deflate"
    )
    assert packed.status_code == 200 and packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert comparable(gzip.decompress(packed.content)) == comparable(plain.content)
    assert len(packed.content) < len(plain.content)
    posted = client.post("/oai/", {"verb": "Identify"}, HTTP_ACCEPT_ENCODING="gzip")
    assert posted["Content-Encoding"] == "gzip" and b"<Identify>" in gzip.decompress(posted.content)


def comparable(body):
    """An answer without what changes by the second: its date and its resumption token's signing time."""
    body = re.sub(rb"<responseDate>[^<]*</responseDate>", b"", body)
    return re.sub(rb"(<resumptionToken[^>]*>[^:<]*):[^<]*<", rb"\1<", body)
