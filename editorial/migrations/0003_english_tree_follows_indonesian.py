from django.conf import settings
from django.db import migrations


def sync_from_default_language(apps, schema_editor):
    """Every other language's page tree follows the default one: a page created in Indonesian gets
    its English twin at once, as an alias showing the Indonesian page until it is translated
    (wagtail-localize's after_create_page hook; the demo and imports do the same)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        return
    for locale in Locale.objects.exclude(pk=default.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_review_workflow"),
        ("portal", "0002_content_languages"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(sync_from_default_language, migrations.RunPython.noop)]
