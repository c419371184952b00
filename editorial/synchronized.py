"""An Indonesian page's dates and other shared details reach its English version when published.

Pages are translated in the normal page editor (editorial/translation.py), so wagtail-localize
never copies the fields it keeps alike in every language (its synchronized fields: an event's
start and end, a programme's period, an album's date, a village library's place and computers,
photos) to a translation once it exists: an event moved in Indonesian still showed the old day in
English. Here each such field changed by a publish of the Indonesian page is copied to the
English page, to what is live and to its latest revision, so that the English editor opens (and
later publishes) the new value too.

The English page is not published again: its text still awaits the translator, and the
translation status report still says so ("Out of date"). Its history says what was copied. A
field the publish did not change keeps the English value, even one an editor set on purpose.
Fields that point to translated objects (a programme, a category) and StreamFields need their
links localized, and stay with the translator.

Snippets follow the same way when their Indonesian version is saved: the dates of special opening
hours (a holiday the government moves), of an alert banner, a partner's logo."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.admin import messages as admin_messages
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Locale, Page, RevisionMixin, TranslatableMixin, get_page_models
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

ACTION = "editorial.shared_fields_copied"


def synchronized_names(model):
    """What wagtail-localize keeps alike in every language of the model, by name."""
    return {f.field_name for f in get_translatable_fields(model) if isinstance(f, SynchronizedField)}


def shared_fields(model):
    """The model's own fields that wagtail-localize keeps alike in every language and that can be
    copied as they are: values, dates, photos; not what Wagtail's page has in common (slug,
    scheduling), nor links to objects that have translations of their own, nor child objects (the
    hours of a special schedule)."""
    synchronized = synchronized_names(model)
    page_fields = {field.name for field in Page._meta.get_fields()} if issubclass(model, Page) else set()
    return [
        field
        for field in model._meta.concrete_fields
        if field.name in synchronized
        and field.name not in page_fields
        and field.get_internal_type() != "StreamField"
        and not (field.is_relation and issubclass(field.related_model, TranslatableMixin))
    ]


def shared_children(model):
    """A snippet's child objects kept alike in every language that need no translation of their
    own (the opening periods of a special schedule): copied whole to the other versions."""
    synchronized = synchronized_names(model)
    return [
        relation
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() in synchronized and not issubclass(relation.related_model, TranslatableMixin)
    ]


def child_rows(relation, parent_pk):
    """The children's values (all but their own id and parent), in an order that ignores their ids."""
    child = relation.related_model
    names = [f.attname for f in child._meta.concrete_fields if not f.primary_key and f != relation.field]
    return sorted(child.objects.filter(**{relation.field.attname: parent_pk}).values(*names), key=repr)


def saving(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a whole save of an Indonesian page (a publish saves it so) or snippet: the shared
    values it had, and a snippet's shared children."""
    if raw or update_fields is not None or instance.pk is None or instance.locale_id != default_locale_id():
        return
    fields = shared_fields(sender)
    if fields:
        instance._shared_before = sender.objects.filter(pk=instance.pk).values(*(f.attname for f in fields)).first()
    if not issubclass(sender, Page):
        instance._children_before = {r.get_accessor_name(): child_rows(r, instance.pk) for r in shared_children(sender)}


def default_locale_id():
    return Locale.get_default().pk


def page_published_handler(sender, instance, revision=None, **kwargs):
    copy_changes(sender, instance, user=getattr(revision, "user", None))  # the history names who published


def snippet_saved(sender, instance, created=False, **kwargs):
    if created:
        return
    copy_changes(sender, instance, user=None)
    children, instance._children_before = getattr(instance, "_children_before", None), None
    if children:
        # The children are saved after the snippet itself: compared once all is committed.
        transaction.on_commit(lambda: copy_child_changes(sender, instance, children))


def copy_child_changes(model, instance, before):
    relations = [r for r in shared_children(model) if child_rows(r, instance.pk) != before[r.get_accessor_name()]]
    if not relations:
        return
    translations = model.objects.filter(translation_key=instance.translation_key).exclude(locale_id=instance.locale_id)
    for translation in translations:
        with transaction.atomic():
            for relation in relations:
                # One by one, so that the page cache hears of each (ops/cache.py).
                for old in relation.related_model.objects.filter(**{relation.field.attname: translation.pk}):
                    old.delete()
                for row in child_rows(relation, instance.pk):
                    relation.related_model.objects.create(**row, **{relation.field.attname: translation.pk})
            names = [relation.get_accessor_name() for relation in relations]
            log(instance=translation, action=ACTION, data={"fields": names, "language": instance.locale.language_code})


def copy_changes(model, instance, user):
    """The shared values this save changed, copied to every other language's version."""
    before, instance._shared_before = getattr(instance, "_shared_before", None), None
    if not before:
        return
    fields = [field for field in shared_fields(model) if before[field.attname] != getattr(instance, field.attname)]
    if not fields:
        return
    translations = model.objects.filter(translation_key=instance.translation_key).exclude(locale_id=instance.locale_id)
    if issubclass(model, Page):
        translations = translations.filter(alias_of__isnull=True)
    for translation in translations:
        copy_to(translation, instance, fields, user)


def copy_to(translation, source, fields, user):
    """The values on the translation's row, and for a page in its latest (and live) revision."""
    with transaction.atomic():
        type(translation).objects.filter(pk=translation.pk).update(
            **{field.attname: getattr(source, field.attname) for field in fields}
        )
        if isinstance(translation, RevisionMixin):
            data = source.serializable_data()
            for revision in {translation.latest_revision, getattr(translation, "live_revision", None)} - {None}:
                revision.content.update({field.name: data[field.name] for field in fields})
                revision.save(update_fields=["content"])
        log(
            instance=translation,
            action=ACTION,
            user=user,
            data={"fields": [field.name for field in fields], "language": source.locale.language_code},
        )


class SharedFieldsCopied(LogFormatter):
    """The entry in the English page's history: what was copied, named as the editor reads it."""

    label = _("Shared details copied")

    def format_message(self, log_entry):
        model = log_entry.content_type.model_class()
        names = []
        for name in log_entry.data.get("fields", []):
            try:
                field = model._meta.get_field(name)
            except (AttributeError, FieldDoesNotExist):  # a model or field since removed
                names.append(name)
                continue
            # A field, or child objects (the opening periods of special hours).
            names.append(str(getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name_plural))
        language = Locale(language_code=log_entry.data.get("language", "")).get_display_name()
        return _("Copied from the %(language)s version: %(fields)s") % {
            "language": language,
            "fields": ", ".join(names),
        }


def translation_notice(request, page):
    """Opening a translation in the editor: which language it is, and that its shared details
    follow the Indonesian page (a date changed here would be replaced by the next change there)."""
    if request.method != "GET" or page.alias_of_id or page.locale_id == default_locale_id():
        return
    source = page.get_translation_or_none(Locale.get_default())
    if source is None:
        return
    names = {"language": page.locale.get_display_name(), "source": source.locale.get_display_name()}
    message = _("This is the %(language)s version of “%(title)s”: write its text in %(language)s.")
    message %= {**names, "title": source.title}
    if shared_fields(page.specific_class):
        follow = _(
            "Dates, photos and other details alike in both languages follow the %(source)s page: change them there."
        )
        message = f"{message} {follow % names}"
    edit_source = reverse("wagtailadmin_pages:edit", args=[source.pk])
    admin_messages.info(
        request, message, buttons=[admin_messages.button(edit_source, _("Open the %(source)s page") % names)]
    )


def connect_signals():
    # Translatable models of their own (snippets), not the parts of a page (an album's photos,
    # a form's fields: their page's publish saves them). Snippets are registered after ready().
    own = [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and not any(isinstance(field, ParentalKey) for field in model._meta.fields)
    ]
    for model in [*get_page_models(), *own]:
        if shared_fields(model):
            uid = f"shared_fields_{model._meta.label_lower}"
            pre_save.connect(saving, sender=model, dispatch_uid=uid)
            if issubclass(model, Page):
                page_published.connect(page_published_handler, sender=model, dispatch_uid=uid)
            else:
                post_save.connect(snippet_saved, sender=model, dispatch_uid=uid)
