"""Counting a page's SQL queries, to compare them at two sizes of its section."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, path, params=None):
    """How many SQL queries the answer to `path` takes (it must be a 200)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, params).status_code == 200
    return len(queries.captured_queries)
