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
links localized, and stay with the translator."""

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models.signals import pre_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages as admin_messages
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Locale, Page, TranslatableMixin, get_page_models
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

ACTION = "editorial.shared_fields_copied"


def shared_fields(model):
    """The model's own fields that wagtail-localize keeps alike in every language and that can be
    copied as they are: values, dates, photos; not what Wagtail's page has in common (slug,
    scheduling), nor links to objects that have translations of their own."""
    synchronized = {f.field_name for f in get_translatable_fields(model) if isinstance(f, SynchronizedField)}
    page_fields = {field.name for field in Page._meta.get_fields()}
    return [
        field
        for field in model._meta.concrete_fields
        if field.name in synchronized
        and field.name not in page_fields
        and field.get_internal_type() != "StreamField"
        and not (field.is_relation and issubclass(field.related_model, TranslatableMixin))
    ]


def values(page, fields):
    return {field.attname: getattr(page, field.attname) for field in fields}


def page_saving(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a whole save of an Indonesian page (a publish saves it so): the shared values it had."""
    if raw or update_fields is not None or instance.pk is None or instance.locale_id != default_locale_id():
        return
    fields = shared_fields(sender)
    if fields:
        instance._shared_before = sender.objects.filter(pk=instance.pk).values(*(f.attname for f in fields)).first()


def default_locale_id():
    return Locale.get_default().pk


def page_published_handler(sender, instance, **kwargs):
    before = getattr(instance, "_shared_before", None)
    if not before:
        return
    instance._shared_before = None
    fields = [field for field in shared_fields(sender) if before[field.attname] != getattr(instance, field.attname)]
    if not fields:
        return
    data = instance.serializable_data()
    changed = values(instance, fields)
    translations = sender.objects.filter(translation_key=instance.translation_key, alias_of__isnull=True)
    serialized = {field.name: data[field.name] for field in fields}
    user = getattr(kwargs.get("revision"), "user", None)  # who published: the history names them
    for translation in translations.exclude(locale_id=instance.locale_id):
        copy_to(translation, fields, changed, serialized, instance.locale, user)


def copy_to(translation, fields, changed, serialized, source_locale, user):
    """The values on the translation's live row and in its latest (and live) revision."""
    with transaction.atomic():
        type(translation).objects.filter(pk=translation.pk).update(**changed)
        revisions = {translation.latest_revision, translation.live_revision} - {None}
        for revision in revisions:
            revision.content.update(serialized)
            revision.save(update_fields=["content"])
        log(
            instance=translation,
            action=ACTION,
            user=user,
            data={"fields": [field.name for field in fields], "language": source_locale.language_code},
        )


class SharedFieldsCopied(LogFormatter):
    """The entry in the English page's history: what was copied, named as the editor reads it."""

    label = _("Shared details copied")

    def format_message(self, log_entry):
        model = log_entry.content_type.model_class()
        names = []
        for name in log_entry.data.get("fields", []):
            try:
                names.append(str(model._meta.get_field(name).verbose_name))
            except (AttributeError, FieldDoesNotExist):  # a model or field since removed
                names.append(name)
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
    for model in get_page_models():
        if shared_fields(model):
            uid = f"shared_fields_{model._meta.label_lower}"
            pre_save.connect(page_saving, sender=model, dispatch_uid=uid)
            page_published.connect(page_published_handler, sender=model, dispatch_uid=uid)
