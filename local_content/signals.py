"""Keeps OAI-PMH deleted records in step with publishing: an item that leaves the site is
announced as deleted; one that comes back is a normal record again."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import Locale
from wagtail.signals import page_published, page_unpublished

from .models import CollectionItemPage, DeletedRecord
from .oai import identifier_of, set_specs


def _is_record(page):
    return isinstance(page, CollectionItemPage) and page.locale_id == Locale.get_default().pk


@receiver(page_unpublished)
@receiver(post_delete, sender=CollectionItemPage)
def mark_deleted(sender, instance, **kwargs):
    page = instance.specific if hasattr(instance, "specific") else instance
    if not _is_record(page):
        return
    sets = "|" + "|".join(set_specs(page)) + "|" if page.pk else "|"
    DeletedRecord.objects.update_or_create(
        identifier=identifier_of(page.translation_key), defaults={"datestamp": timezone.now(), "sets": sets}
    )


@receiver(page_published)
def unmark_deleted(sender, instance, **kwargs):
    if _is_record(instance.specific):
        DeletedRecord.objects.filter(identifier=identifier_of(instance.translation_key)).delete()
