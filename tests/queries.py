"""Counting a page's SQL queries, to compare them at two sizes of its section."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# What reads or writes data; not SAVEPOINT, BEGIN or SET (a search's planner setting on PostgreSQL).
DATA = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


def data_queries(captured):
    return sum(1 for query in captured if query["sql"].lstrip().upper().startswith(DATA))


def count_queries(client, path, params=None):
    """How many SQL queries the answer to `path` takes (it must be a 200)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, params).status_code == 200
    return data_queries(queries.captured_queries)
