"""A backup restored onto a new, empty server is the same site: the demo site built on one "server"
(a database and a media folder of its own), `manage.py backup`, then `manage.py restore` on another
(another database, freshly migrated, another media folder and cache), and every public page of both
languages answers there as on the original. Real processes: manage.py and gunicorn for each side;
SQLite, or databases of their own on the PostgreSQL server of DATABASE_URL."""

import contextlib
import difflib
import json
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.stack import Stack
from tests.ops.servers import (
    database,
    get,
    shell,
)

LIVE_PAGES = """
import json
from wagtail.models import Page
print(json.dumps(sorted(page.url for page in Page.objects.live().public().exclude(depth=1).specific())))
"""
# Besides the pages: what feed readers, crawlers and harvesters read.
OTHERS = ["/id/berita/feed/", "/en/news/feed/", "/sitemap.xml", "/oai/?verb=ListRecords&metadataPrefix=oai_dc"]

# What differs on every answer, whatever the server: nonces, form tokens, the contact form's signed
# time; and the seven random letters Django adds to a rendition's file name when a similar one exists
# (renditions are made again after a restore, not always in the same order).
PER_ANSWER = [
    (re.compile(r"(/media/images/[^\"\s]*?)_[A-Za-z0-9]{7}(\.)"), r"\1\2"),
    (re.compile(r'nonce="[^"]*"'), 'nonce=""'),
    (re.compile(r'(name="(?:csrfmiddlewaretoken|shown-at)" value=")[^"]*"'), r'\1"'),
    (re.compile(r"<responseDate>[^<]*</responseDate>"), "<responseDate/>"),
]


def normalized(text, base):
    text = text.replace(base, "http://server")  # addresses made from the request's host and port
    for pattern, replacement in PER_ANSWER:
        text = pattern.sub(replacement, text)
    return text


def side(name, cleanup):
    stack = Stack(name)
    cleanup.callback(stack.remove)
    # A cache of its own: the suite's Redis is shared with other tests, which a restore would empty.
    stack.env.pop("REDIS_URL", None)
    stack.env["CACHE_DIR"] = str(stack.folder / "cache")
    stack.env["XDG_RUNTIME_DIR"] = str(stack.folder)  # gunicorn's control socket
    stack.env["DEMO_PHOTO_SIZE"] = "640x480"  # every size of every photo is made on both sides
    cleanup.enter_context(database(stack, name=name))
    return stack


@pytest.mark.long
def test_a_backup_restored_on_a_new_server_serves_the_same_site():
    with contextlib.ExitStack() as cleanup:
        original = side("original", cleanup)
        original.manage("collectstatic", "--noinput")
        original.manage("load_demo_content")
        original.manage("backup", "--output", str(original.folder / "backups"))
        (archive,) = (original.folder / "backups").glob("backup-*.tar.gz")

        restored = side("restored", cleanup)  # migrated, empty, with an empty media folder
        restored.manage("collectstatic", "--noinput")  # as a new server is deployed
        assert len(json.loads(shell(restored, LIVE_PAGES))) <= 1  # a fresh install: a home page at most
        restored.manage("restore", str(archive), "--yes")

        paths = json.loads(shell(original, LIVE_PAGES))
        assert json.loads(shell(restored, LIVE_PAGES)) == paths
        assert {path.split("/")[1] for path in paths} == {"id", "en"} and len(paths) > 100
        before = cleanup.enter_context(original.serve(workers=2, page_cache=False))
        after = cleanup.enter_context(restored.serve(workers=2, page_cache=False))
        # Each side's two workers kept busy.
        with ThreadPoolExecutor(2) as pool:
            answers = pool.map(lambda path: (path, get(after, path), get(before, path)), [*paths, *OTHERS])
        for path, (status, _, text), (status_before, _, text_before) in answers:
            assert (status, status_before) == (200, 200), path
            text, text_before = normalized(text, after), normalized(text_before, before)
            if text != text_before:
                diff = difflib.unified_diff(text_before.splitlines(), text.splitlines(), lineterm="")
                raise AssertionError(f"{path} differs:\n" + "\n".join(list(diff)[:30]))

        # The photos come back at every size the pages ask for, from the restored media folder.
        images = re.findall(r'src="(/media/images/[^"]+)"', get(after, "/id/")[2])
        assert images
        for image in images:
            with urllib.request.urlopen(after + image, timeout=30) as response:
                assert response.status == 200 and response.headers["Content-Type"].startswith("image/")
