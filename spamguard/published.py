"""The scan of everything the site publishes: live pages, snippets, site settings and documents,
each field found by introspection (so that a new page type, snippet or setting is covered with no
change here), and the findings kept per process until something published changes."""

from dataclasses import dataclass

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.text import capfirst

from modelcluster.models import get_all_child_relations
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page, Site
from wagtail.signals import page_published, page_unpublished
from wagtail.snippets.models import get_snippet_models

from portal.generation import kept, read_tokens, renew_tokens

from .models import SpamGuardSettings
from .scan import Allowlist, Hit, find

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, StreamField)
# Page's own fields that visitors see; the rest is bookkeeping (tree paths, the draft's title).
PAGE_FIELDS = {"title", "slug", "seo_title", "search_description"}
PAGE_BOOKKEEPING = {field.name for field in Page._meta.concrete_fields} - PAGE_FIELDS
DOCUMENT_FIELDS = ("title", "file")
TOKEN = "spamguard"
# Besides snippets and settings: what a deletion or a save changes for the scan.
WATCHED = {Page, Site, get_document_model()}


@dataclass(frozen=True)
class Finding:
    """A hit in one field of something published, told as the admin names them."""

    title: str
    model: type
    field: models.Field
    hit: Hit
    edit_url: str

    @property
    def type_label(self):
        return capfirst(self.model._meta.verbose_name)

    @property
    def field_label(self):
        label = capfirst(self.field.verbose_name)
        if self.field.model is self.model or issubclass(self.model, self.field.model):
            return label
        # A field of an inline row (a carousel slide, a form field): named with its row.
        return f"{capfirst(self.field.model._meta.verbose_name)}: {label}"

    @property
    def what(self):
        return self.hit.label


def text_fields(model, skipped=()):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, TEXT_FIELDS) and not field.choices and field.name not in skipped
    ]


def strings(data):
    """Every string in a StreamField's or JSON field's data, however deep."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from strings(value)


def field_strings(obj, field):
    value = field.value_from_object(obj)
    if isinstance(field, StreamField):
        return list(strings(field.get_prep_value(value)))
    if isinstance(field, models.JSONField):
        return list(strings(value))
    if isinstance(field, models.FileField):
        return [value.name] if value else []
    return [value] if value else []


def hits_in(obj, fields, allowlist):
    """[(field, hit)] in these fields of one object."""
    return [(field, hit) for field in fields for text in field_strings(obj, field) for hit in find(text, allowlist)]


def child_rows(model):
    """(child model, its text fields, the name of its link to the parent) of each inline relation."""
    for relation in get_all_child_relations(model):
        fields = text_fields(relation.related_model)
        if fields:
            yield relation.related_model, fields, relation.field.name


class SiteScan:
    """Walks everything published; `findings()` lists what it found, in a stable order."""

    def __init__(self, allowlist=None):
        self.allowlist = allowlist or Allowlist.current()
        self.urls = AdminURLFinder()

    def findings(self):
        found = []
        pages = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).order_by("path")
        found += self.scan(pages.specific(), PAGE_BOOKKEEPING)
        for model in get_snippet_models():
            rows = model.objects.filter(live=True) if issubclass(model, DraftStateMixin) else model.objects.all()
            found += self.scan(rows)
        for model in settings_registry:
            if model is not SpamGuardSettings:
                found += self.scan(model.objects.all())
        found += self.scan(get_document_model().objects.order_by("pk"), fields=DOCUMENT_FIELDS)
        return found

    def scan(self, objects, skipped=(), fields=None):
        """The findings in a list of objects of one kind (pages: of several), their inline rows
        read in one query per kind of row rather than per object."""
        objects = list(objects)
        found = []
        for obj in objects:
            model_fields = [obj._meta.get_field(name) for name in fields] if fields else text_fields(type(obj), skipped)
            found += self.found(obj, hits_in(obj, model_fields, self.allowlist))
        by_type = {}
        for obj in objects:
            by_type.setdefault(type(obj), {})[obj.pk] = obj
        for model, owners in by_type.items():
            for child_model, child_fields, parent in child_rows(model):
                for row in child_model.objects.filter(**{f"{parent}__in": list(owners)}).order_by("pk"):
                    owner = owners[getattr(row, f"{parent}_id")]
                    found += self.found(owner, hits_in(row, child_fields, self.allowlist))
        return found

    def hits(self, obj):
        """What one object holds, its inline rows included: the version of it that is live."""
        return {finding.hit for finding in self.scan([obj], PAGE_BOOKKEEPING if isinstance(obj, Page) else ())}

    def found(self, obj, hits):
        if not hits:
            return []
        title, url = str(obj), self.urls.get_edit_url(obj) or ""
        return [Finding(title, type(obj), field, hit, url) for field, hit in hits]


def findings():
    """The findings of the scan, kept by this process until something published changes (one cache
    read per call): what the dashboard shows on every visit."""
    token = read_tokens([TOKEN])[TOKEN]
    return kept(("spamguard", token), lambda: tuple(SiteScan().findings()))


def published_changed(**kwargs):
    renew_tokens([TOKEN])


def saved_or_deleted(sender, raw=False, **kwargs):
    # Snippets are registered when the hooks are read, after the apps are ready: the list is read here.
    if not raw and (sender in get_snippet_models() or sender in settings_registry or sender in WATCHED):
        published_changed()


def connect_signals():
    """A new scan after each publish, and each save of a snippet, setting, document or site, the
    allowlist included (a leaf page's publish leaves the site's generation as it was)."""
    page_published.connect(published_changed, dispatch_uid="spamguard_published")
    page_unpublished.connect(published_changed, dispatch_uid="spamguard_unpublished")
    post_save.connect(saved_or_deleted, dispatch_uid="spamguard_saved")
    post_delete.connect(saved_or_deleted, dispatch_uid="spamguard_deleted")
