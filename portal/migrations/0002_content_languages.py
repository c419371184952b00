from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    """Every language in WAGTAIL_CONTENT_LANGUAGES gets its Locale, so a fresh site is
    bilingual before any content is written."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
