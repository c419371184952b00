"""Wagtail's database search, with word forms per language on PostgreSQL.

Wagtail's PostgreSQL backend stems every page with one text-search configuration (SEARCH_CONFIG),
and two backends would overwrite each other's entries in the one index table. This one indexes
each page with the configuration of its own language (LANGUAGE_CONFIGS, e.g. "indonesian" turns
"perpustakaan" into "pustaka") and stems a query with the active language's. Objects without a
language (images, documents) keep SEARCH_CONFIG. SQLite and MySQL get Wagtail's own backends."""

import copy
from collections import defaultdict

from django.db import connection
from django.utils.translation import get_language

from wagtail.models import Locale
from wagtail.search.backends import database
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)


class LocalizedIndex(PostgresIndex):
    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_for(languages.get(getattr(obj, "locale_id", None)))].append(obj)
        for config, group in by_config.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LocalizedQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        # The visitor's language; in the admin, the editor's (a mismatch only loses some word forms).
        return backend.config_for(get_language())


class LocalizedPostgresSearchBackend(PostgresSearchBackend):
    index_class = LocalizedIndex
    query_compiler_class = LocalizedQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = params.get("LANGUAGE_CONFIGS", {})

    def config_for(self, language_code):
        return self.language_configs.get(language_code, self.config)

    def with_config(self, config):
        backend = copy.copy(self)
        backend.config = config
        return backend


# Wagtail looks up a callable of this name in the module named by BACKEND.
def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LocalizedPostgresSearchBackend(params)
    return database.SearchBackend(params)
