"""SQL queries and HTML bytes of each path, rendered in-process by the settings of the environment
(bench/stack.py runs it with the production settings and the page cache off). Prints JSON.

The first request of a path warms the menu, the library's data and the image renditions, as the
site's first visitors do; the second one is counted."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

DATA = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


def measure(paths):
    client = Client()
    results = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        # What reads or writes data; not BEGIN, SAVEPOINT or a search's SET LOCAL on PostgreSQL.
        count = sum(1 for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(DATA))
        results[path] = {"status": response.status_code, "queries": count, "bytes": len(body)}
    return results


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:])))
