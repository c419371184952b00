from django.db import migrations

# Each request finds its page by address (portal/routing.py: url_path IN (...)); Wagtail does not
# index url_path, and reading the whole page table took 3 ms at 16,000 pages on PostgreSQL.
# Plain SQL that SQLite and PostgreSQL both take, on Wagtail's own table.


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_help_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS portal_page_url_path",
        ),
    ]
