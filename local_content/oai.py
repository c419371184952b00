"""OAI-PMH 2.0 data provider for the local-content collection, with Dublin Core (oai_dc) records.

One record per item: the item in the site's default language, with its translations' titles,
descriptions and subjects as further xml:lang elements."""

import re
import uuid
from datetime import UTC, datetime

from lxml import etree

from django.conf import settings
from django.core import signing
from django.db.models.expressions import RawSQL
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_http_methods

from wagtail.models import Locale, Page

from portal.context import site_for

from .models import CollectionItemPage, DeletedRecord, Subject
from .vocabularies import DC_TYPES

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)

VERBS = {
    # verb: (required arguments, optional arguments)
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}),
}
RESUMABLE = {"ListIdentifiers", "ListRecords"}
# Records in the order of their last publish, ties by the page's id: the order of the index on the
# pages' (last_published_at, id), which the database then reads from its start. Django writes "pk"
# (and even "id") of an item as the item table's link to its page, the same number in a column no
# index of the pages covers: SQLite then sorted all 5,000 items for each page of 100 (7 ms, 1 ms so).
BY_LAST_PUBLISH = ("last_published_at", RawSQL(f'"{Page._meta.db_table}"."id"', ()).asc())
# What XML 1.0 cannot carry (control characters, surrogates, U+FFFE, U+FFFF): never in an argument.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


def stamp(moment):
    return (moment or EARLIEST).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(value, end_of_day=False):
    """(datetime, granularity) of an OAI date argument, or badArgument."""
    for pattern, granularity in (("%Y-%m-%dT%H:%M:%SZ", "seconds"), ("%Y-%m-%d", "day")):
        try:
            moment = datetime.strptime(value, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
        if granularity == "day" and end_of_day:
            moment = moment.replace(hour=23, minute=59, second=59)
        return moment, granularity
    raise OAIError("badArgument", f"'{value}' is not a UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).")


def repository_id():
    return settings.OAI_REPOSITORY_ID


def identifier_of(translation_key):
    return f"oai:{repository_id()}:{translation_key}"


def key_of(identifier):
    """The item's translation key in an identifier of this repository, or None."""
    prefix = f"oai:{repository_id()}:"
    if not identifier.startswith(prefix):
        return None
    try:
        return str(uuid.UUID(identifier[len(prefix) :]))
    except ValueError:
        return None


# OAI-PMH takes GET and form-encoded POST alike. No CSRF check: a read-only protocol endpoint that
# harvesters call without a session. Compressed when the harvester accepts gzip: a page of records
# is repetitive XML.
@csrf_exempt
@gzip_page
@require_http_methods(["GET", "POST"])
def endpoint(request):
    params = request.GET if request.method == "GET" else request.POST
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    etree.SubElement(root, f"{{{OAI}}}responseDate").text = stamp(timezone.now())
    request_element = etree.SubElement(root, f"{{{OAI}}}request")
    request_element.text = request.build_absolute_uri(request.path)
    try:
        verb, arguments = checked_arguments(params)
        for name, value in sorted({"verb": verb, **arguments}.items()):
            request_element.set(name, value)
        root.append(Provider(request).respond(verb, arguments))
    except OAIError as error:
        if error.code in ("badVerb", "badArgument"):
            request_element.attrib.clear()  # the protocol forbids echoing arguments that were wrong
        element = etree.SubElement(root, f"{{{OAI}}}error", code=error.code)
        element.text = NOT_XML.sub("\ufffd", error.message)  # messages quote the request
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


def checked_arguments(params):
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OAIError("badVerb", "The verb is missing, repeated or not an OAI-PMH verb.")
    verb = verbs[0]
    arguments = {}
    for name in params:
        if name == "verb":
            continue
        values = params.getlist(name)
        if len(values) != 1:
            raise OAIError("badArgument", f"The argument '{name}' is repeated.")
        if NOT_XML.search(name + values[0]):
            raise OAIError("badArgument", "An argument holds control characters.")
        arguments[name] = values[0]
    required, optional = VERBS[verb]
    if "resumptionToken" in arguments:
        if verb not in RESUMABLE or len(arguments) != 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument of list requests.")
        return verb, arguments
    unknown = set(arguments) - required - optional
    if unknown:
        raise OAIError("badArgument", f"Illegal argument(s): {', '.join(sorted(unknown))}.")
    missing = required - set(arguments)
    if missing:
        raise OAIError("badArgument", f"Missing argument(s): {', '.join(sorted(missing))}.")
    return verb, arguments


class Provider:
    def __init__(self, request):
        self.request = request
        self.locale = Locale.get_default()
        self.site = site_for(request)

    def respond(self, verb, arguments):
        return getattr(self, verb)(arguments)

    # Verbs -----------------------------------------------------------------------------

    def Identify(self, arguments):  # noqa: N802 - OAI-PMH verb names
        element = etree.Element(f"{{{OAI}}}Identify")
        earliest = CollectionItemPage.objects.live().order_by("first_published_at").first()
        values = [
            ("repositoryName", self.site.site_name if self.site and self.site.site_name else "Library collection"),
            ("baseURL", self.request.build_absolute_uri(self.request.path)),
            ("protocolVersion", "2.0"),
            ("adminEmail", settings.OAI_ADMIN_EMAIL),
            ("earliestDatestamp", stamp(earliest.first_published_at if earliest else None)),
            ("deletedRecord", "persistent"),
            ("granularity", "YYYY-MM-DDThh:mm:ssZ"),
        ]
        for name, value in values:
            etree.SubElement(element, f"{{{OAI}}}{name}").text = value
        return element

    def ListMetadataFormats(self, arguments):  # noqa: N802
        if "identifier" in arguments:
            self.item_or_deleted(arguments["identifier"])
        element = etree.Element(f"{{{OAI}}}ListMetadataFormats")
        metadata_format = etree.SubElement(element, f"{{{OAI}}}metadataFormat")
        for name, value in (
            ("metadataPrefix", "oai_dc"),
            ("schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
            ("metadataNamespace", OAI_DC),
        ):
            etree.SubElement(metadata_format, f"{{{OAI}}}{name}").text = value
        return element

    def ListSets(self, arguments):  # noqa: N802
        element = etree.Element(f"{{{OAI}}}ListSets")
        sets = [(f"type:{value}", str(label)) for value, label in DC_TYPES]
        sets += [
            (f"subject:{slug}", name)
            for slug, name in Subject.objects.filter(locale=self.locale).values_list("slug", "name")
        ]
        for spec, name in sets:
            set_element = etree.SubElement(element, f"{{{OAI}}}set")
            etree.SubElement(set_element, f"{{{OAI}}}setSpec").text = spec
            etree.SubElement(set_element, f"{{{OAI}}}setName").text = name
        return element

    def GetRecord(self, arguments):  # noqa: N802
        self.check_prefix(arguments["metadataPrefix"])
        found = self.item_or_deleted(arguments["identifier"])
        if isinstance(found, CollectionItemPage):
            self.prepare([found])
        element = etree.Element(f"{{{OAI}}}GetRecord")
        element.append(self.record(found, with_metadata=True))
        return element

    def ListIdentifiers(self, arguments):  # noqa: N802
        return self.list_of("ListIdentifiers", arguments, with_metadata=False)

    def ListRecords(self, arguments):  # noqa: N802
        return self.list_of("ListRecords", arguments, with_metadata=True)

    # Lists and resumption ----------------------------------------------------------------

    def list_of(self, verb, arguments, with_metadata):
        if "resumptionToken" in arguments:
            query = self.unpack_token(arguments["resumptionToken"], verb)
        else:
            self.check_prefix(arguments["metadataPrefix"])
            query = {key: arguments.get(key, "") for key in ("from", "until", "set")}
            query["offset"] = 0
        items, deleted = self.selection(query)
        live_count = items.count()
        total = live_count + deleted.count()
        offset, size = query["offset"], settings.OAI_PAGE_SIZE
        if total == 0:
            raise OAIError("noRecordsMatch", "No records match the request.")
        if offset >= total:
            raise OAIError("badResumptionToken", "The resumption token points past the end of the list.")
        page = list(items.order_by(*BY_LAST_PUBLISH)[offset : offset + size]) if offset < live_count else []
        if len(page) < size:
            start = max(offset - live_count, 0)
            page += list(deleted.order_by("datestamp", "pk")[start : start + size - len(page)])
        self.prepare([found for found in page if isinstance(found, CollectionItemPage)])
        element = etree.Element(f"{{{OAI}}}{verb}")
        for found in page:
            element.append(self.record(found, with_metadata) if with_metadata else self.header(found))
        if offset + size < total or offset > 0:
            token = etree.SubElement(
                element, f"{{{OAI}}}resumptionToken", completeListSize=str(total), cursor=str(offset)
            )
            if offset + size < total:
                token.text = signing.dumps({**query, "offset": offset + size, "verb": verb}, salt="oai")
        return element

    def unpack_token(self, token, verb):
        try:
            query = signing.loads(token, salt="oai", max_age=60 * 60 * 24)
        except signing.BadSignature:
            raise OAIError("badResumptionToken", "The resumption token is invalid or has expired.") from None
        if query.get("verb") != verb:
            raise OAIError("badResumptionToken", "The resumption token belongs to another verb.")
        return query

    def selection(self, query):
        items = CollectionItemPage.objects.live().filter(locale=self.locale).select_related("coverage", "locale")
        deleted = DeletedRecord.objects.all()
        if query["from"] or query["until"]:
            start, start_granularity = parse_stamp(query["from"]) if query["from"] else (None, None)
            end, end_granularity = parse_stamp(query["until"], end_of_day=True) if query["until"] else (None, None)
            if start and end and (start_granularity != end_granularity or start > end):
                raise OAIError("badArgument", "from and until must have the same granularity, from before until.")
            if start:
                items, deleted = items.filter(last_published_at__gte=start), deleted.filter(datestamp__gte=start)
            if end:
                items, deleted = items.filter(last_published_at__lte=end), deleted.filter(datestamp__lte=end)
        if query["set"]:
            kind, _, value = query["set"].partition(":")
            if kind == "type":
                items = items.filter(dc_type=value)
            elif kind == "subject":
                keys = Subject.objects.filter(slug=value, locale=self.locale).values("translation_key")
                items = items.filter(subjects__translation_key__in=keys).distinct()
            else:
                items = items.none()
            deleted = deleted.filter(sets__icontains=f"|{query['set']}|")
        return items, deleted

    def check_prefix(self, prefix):
        if prefix != "oai_dc":
            raise OAIError("cannotDisseminateFormat", f"'{prefix}' is not offered; use oai_dc.")

    def item_or_deleted(self, identifier):
        key = key_of(identifier)
        if key:
            item = CollectionItemPage.objects.live().filter(locale=self.locale, translation_key=key).first()
            if item:
                return item
            deleted = DeletedRecord.objects.filter(identifier=identifier).first()
            if deleted:
                return deleted
        raise OAIError("idDoesNotExist", f"'{identifier}' is not an identifier of this repository.")

    # Records -------------------------------------------------------------------------------

    def prepare(self, items):
        """Everything the records of these items need, in a fixed number of queries: their
        translations, and their subjects' names in each language and slugs for set specs."""
        keys = [item.translation_key for item in items]
        self.translations = {key: [] for key in keys}
        translations = (
            CollectionItemPage.objects.live()
            .filter(translation_key__in=keys)
            .exclude(locale=self.locale)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for translation in translations:
            self.translations[translation.translation_key].append(translation)
        links = CollectionItemPage.subjects.through.objects.filter(collectionitempage__in=items).values_list(
            "collectionitempage_id", "subject__translation_key"
        )
        subject_keys_of = {item.pk: [] for item in items}
        for item_pk, subject_key in links:
            subject_keys_of[item_pk].append(subject_key)
        names = {}
        for subject in Subject.objects.filter(translation_key__in={key for _pk, key in links}):
            names[(subject.translation_key, subject.locale_id)] = subject
        self.subject_names = {
            pk: {
                locale_id: [names[(key, locale_id)].name for key in subject_keys if (key, locale_id) in names]
                for locale_id in {locale for _key, locale in names}
            }
            for pk, subject_keys in subject_keys_of.items()
        }
        self.subject_slugs = {
            pk: [names[(key, self.locale.pk)].slug for key in subject_keys if (key, self.locale.pk) in names]
            for pk, subject_keys in subject_keys_of.items()
        }

    def header(self, found):
        header = etree.Element(f"{{{OAI}}}header")
        if isinstance(found, DeletedRecord):
            header.set("status", "deleted")
            etree.SubElement(header, f"{{{OAI}}}identifier").text = found.identifier
            etree.SubElement(header, f"{{{OAI}}}datestamp").text = stamp(found.datestamp)
            for spec in filter(None, found.sets.split("|")):
                etree.SubElement(header, f"{{{OAI}}}setSpec").text = spec
            return header
        etree.SubElement(header, f"{{{OAI}}}identifier").text = identifier_of(found.translation_key)
        etree.SubElement(header, f"{{{OAI}}}datestamp").text = stamp(found.last_published_at)
        for spec in [f"type:{found.dc_type}"] + [f"subject:{slug}" for slug in self.subject_slugs[found.pk]]:
            etree.SubElement(header, f"{{{OAI}}}setSpec").text = spec
        return header

    def record(self, found, with_metadata):
        record = etree.Element(f"{{{OAI}}}record")
        record.append(self.header(found))
        if with_metadata and not isinstance(found, DeletedRecord):
            metadata = etree.SubElement(record, f"{{{OAI}}}metadata")
            metadata.append(self.dublin_core(found))
        return record

    def dublin_core(self, item):
        dc = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
        dc.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
        versions = [item] + self.translations[item.translation_key]

        def add(name, value, lang=None):
            if value:
                element = etree.SubElement(dc, f"{{{DC}}}{name}")
                element.text = str(value)
                if lang:
                    element.set(XML_LANG, lang)

        for version in versions:
            add("title", version.title, version.locale.language_code)
        for name in item.creator_list:
            add("creator", name)
        for version in versions:
            for name in self.subject_names[item.pk].get(version.locale_id, []):
                add("subject", name, version.locale.language_code)
        for version in versions:
            add("description", version.description, version.locale.language_code)
        add("publisher", item.publisher)
        for name in item.contributor_list:
            add("contributor", name)
        add("date", item.date_text)
        add("type", item.dc_type)
        add("format", item.format)
        add("identifier", item.get_full_url(self.request))
        add("identifier", item.identifier)
        add("source", item.source)
        add("language", item.language)
        add("relation", item.relation)
        add("coverage", item.coverage.name if item.coverage_id else "")
        add("rights", item.rights)
        return dc


def set_specs(item):
    specs = [f"type:{item.dc_type}"]
    keys = [subject.translation_key for subject in item.subjects.all()]
    default = Locale.get_default()
    specs += [
        f"subject:{slug}"
        for slug in Subject.objects.filter(translation_key__in=keys, locale=default).values_list("slug", flat=True)
    ]
    return specs
