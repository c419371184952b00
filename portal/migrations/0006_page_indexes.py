from django.db import migrations

# Indexes on Wagtail's page table that it does not make, in plain SQL SQLite and PostgreSQL both take:
# - url_path: each request finds its page by address (portal/routing.py: url_path IN (...)); reading
#   the whole table took 3 ms at 16,000 pages on PostgreSQL;
# - last_published_at: OAI-PMH lists the collection in that order (local_content/oai.py); sorting
#   5,000 items for each list of 50 took 14 ms.


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
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_last_published ON wagtailcore_page (last_published_at, id)",
            "DROP INDEX IF EXISTS portal_page_last_published",
        ),
    ]
