#!/usr/bin/env python
"""How the collection's browse page (facet counts, filters, a page of items) and OAI-PMH ListRecords
behave as the collection grows to 5,000 items.

Runs on its own SQLite file (or DATABASE_URL), never on the site's database:

    .venv/bin/python bench/collection_facets.py [--sizes 100,1000,5000] [--repeat 5]
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))

    workdir = tempfile.mkdtemp(prefix="portal-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    # Test settings: DEBUG off, plain static files (no collectstatic needed), throwaway media.
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from local_content.models import CollectionIndexPage, CollectionItemPage, Subject

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    collection = CollectionIndexPage.objects.get(locale__language_code="id")
    subjects = list(Subject.objects.filter(locale=collection.locale))
    types = ["Text", "StillImage", "Sound", "PhysicalObject"]
    client = Client()
    paths = {
        "browse": "/id/koleksi-madura/",
        "browse + 2 facets": "/id/koleksi-madura/?type=Text&subject=batik",
        "browse + search": "/id/koleksi-madura/?q=batik",
        "OAI ListRecords": "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
    }
    print(f"{'items':>6}  {'page':<20} {'p50 ms':>8} {'max ms':>8} {'queries':>8}")
    for size in sizes:
        count = CollectionItemPage.objects.count()
        for n in range(count, size):
            item = CollectionItemPage(
                title=f"Item koleksi {n}",
                slug=f"bench-{n}",
                dc_type=types[n % len(types)],
                language=("id", "mad", "jv")[n % 3],
                date_text=str(1900 + n % 120),
                description=f"Deskripsi item {n} tentang batik dan sejarah Madura.",
            )
            item.subjects = [subjects[n % len(subjects)]]
            collection.add_child(instance=item)
            if n % 500 == 0:
                print(f"  ... {n} items", file=sys.stderr)
        for name, path in paths.items():
            client.get(path)
            times = []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    assert client.get(path).status_code == 200
                    times.append((time.perf_counter() - start) * 1000)
            print(f"{size:>6}  {name:<20} {statistics.median(times):>8.1f} {max(times):>8.1f} {len(queries):>8}")


if __name__ == "__main__":
    main()
