from django.db import migrations, models

# PostgreSQL only: a trigram index on the words (search/words.py), and an index on the whole text
# of the search index's entries, as Wagtail's backend matches it (title and body together).
POSTGRES_INDEXES = [
    "CREATE INDEX IF NOT EXISTS search_word_trigram ON search_word USING gin (word gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_body ON wagtailsearch_indexentry USING gin ((title || body))",
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_INDEXES:
            schema_editor.execute(sql)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_indexentry_title_body")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("portal", "0004_trigram_extension"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="Word",
            fields=[("word", models.CharField(max_length=200, primary_key=True, serialize=False, verbose_name="word"))],
            options={"verbose_name": "search word", "verbose_name_plural": "search words"},
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
