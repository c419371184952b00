"""A publish is seen by every visitor at once, in every shape the README offers: gunicorn with four
workers and the embedded defaults (SQLite, the cache in files every process shares) as `make serve`
runs it, and the same with Redis; whichever process publishes: a worker serving the admin, or
`publish_scheduled` run by cron. Real processes throughout: gunicorn, manage.py, redis-server, and an
HTTP server in a thread standing for the CDN or proxy that takes the PURGE requests.

One site for the module (bench/stack.py: SQLite in a throwaway folder, or a database of its own on
the PostgreSQL server of DATABASE_URL), built from the test factories."""

import contextlib
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.stack import PYTHON, ROOT, Stack
from tests.ops.servers import (
    BUILD,
    PASSWORD,
    Editor,
    database,
    get,
    redis_server,
    shell,
)

WORKERS = 4
VISITORS = 40


# A change to the news page, published by cron once its go-live time has passed: the editor set it
# (Wagtail stores it on the revision as approved_go_live_at), and publishing waits for it.
SCHEDULE = """
from datetime import datetime, timezone
from news.models import NewsPage

news = NewsPage.objects.get(pk={page_id})
news.title = {title!r}
news.go_live_at = datetime.fromtimestamp({go_live}, tz=timezone.utc)
news.save_revision().publish()
news.refresh_from_db()
assert news.live and news.title != {title!r}
assert news.revisions.filter(approved_go_live_at__isnull=False).exists()
"""


class PurgeRecorder(BaseHTTPRequestHandler):
    """Stands for a caching proxy or CDN: notes each PURGE (path, Host)."""

    def do_PURGE(self):  # noqa: N802 (http.server's naming)
        self.server.purged.append((self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def purge_recorder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def purged_paths(recorder, count_from=0):
    return [path for path, _host in recorder.purged[count_from:]]


def wait_until(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


# -- HTTP -------------------------------------------------------------------------------------


def visitors(base, path, count=VISITORS):
    """`count` fresh visitors, eight at a time, so that every worker answers some."""
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda _: get(base, path), range(count)))


def served_by(stack, since):
    """The worker pids that answered page requests in the log since byte `since`."""
    log = (stack.folder / "gunicorn.log").read_text(errors="replace")[since:]
    return set(re.findall(r"^worker=<(\d+)> \"GET /id/", log, re.MULTILINE))


def log_size(stack):
    path = stack.folder / "gunicorn.log"
    return len(path.read_text(errors="replace")) if path.exists() else 0


# -- the site and its servers -----------------------------------------------------------------


@pytest.fixture(scope="module")
def recorder():
    with purge_recorder() as server:
        yield server


@pytest.fixture(scope="module")
def site(recorder):
    """The site as `make serve` runs it (production settings, plain http on localhost, the embedded
    defaults), with a purge target for the frontend cache. Yields the stack and the page ids."""
    stack = Stack("publish")
    try:
        for name in ("REDIS_URL", "PAGE_CACHE_SECONDS", "WEB_CONCURRENCY", "CLOUDFLARE_BEARER_TOKEN"):
            stack.env.pop(name, None)
        stack.env.update(
            {
                "CACHE_DIR": str(stack.folder / "cache"),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{recorder.server_port}",
                # gunicorn's control socket in the folder, not in $HOME where another may be.
                "XDG_RUNTIME_DIR": str(stack.folder),
                # Which worker answered, in the access log.
                "GUNICORN_CMD_ARGS": '--access-logformat "worker=%(p)s \\"%(r)s\\" %(s)s"',
            }
        )
        stack.manage("collectstatic", "--noinput", "--verbosity", "0")
        with database(stack):
            home_id, news_id = shell(stack, BUILD).split()
            yield stack, {"home": int(home_id), "news": int(news_id)}
    finally:
        stack.remove()


@contextlib.contextmanager
def serving(stack, **env):
    saved = dict(stack.env)
    stack.env.update(env)
    try:
        since = log_size(stack)
        with stack.serve(workers=WORKERS) as base:
            # /healthz answers once one worker is up; the others may still be starting.
            log = stack.folder / "gunicorn.log"
            assert wait_until(lambda: log.read_text(errors="replace")[since:].count("Booting worker") >= WORKERS, 60)
            yield base
    except BaseException:
        # What the workers said, in the failed test's report.
        print((stack.folder / "gunicorn.log").read_text(errors="replace")[-6000:])
        raise
    finally:
        stack.env.clear()
        stack.env.update(saved)


# -- the checks -------------------------------------------------------------------------------


def half_request(base):
    """A visitor who sends half a request: a sync worker takes the connection and waits for the rest,
    answering no one else until it is closed."""
    address = urllib.parse.urlsplit(base)
    connection = socket.create_connection((address.hostname, address.port), timeout=30)
    connection.sendall(b"GET /healthz HTTP/1.1\r\n")
    return connection


def spread_visits(base, path, since_log, stack):
    """`VISITORS` fresh visitors of `path`, a share answered by each worker. A cached page takes a
    millisecond, so left alone one worker may answer them all while the others sleep. So all workers
    but one are held by half requests (the accept queue is first come, first served: they are taken
    before the visitors); the free one answers a share, is held in turn, and a held one is let go.
    Returns the answers and how many workers answered."""
    held = [half_request(base) for _ in range(WORKERS - 1)]
    answers = []
    try:
        for _ in range(WORKERS):
            answers += visitors(base, path, VISITORS // WORKERS)
            held.append(half_request(base))
            time.sleep(0.2)  # taken by the worker that just answered, before another is let go
            held.pop(0).close()
    finally:
        for connection in held:
            connection.close()
    return answers, len(served_by(stack, since_log))


def all_see(base, path, text, since_log, stack):
    """`VISITORS` fresh visitors of `path`: how many see `text`, and how many workers answered."""
    answers, workers = spread_visits(base, path, since_log, stack)
    assert {status for status, _, _ in answers} == {200}
    seen = sum(text in body for _, _, body in answers)
    return seen, workers


def publish_everywhere(stack, pages, recorder, base, label, username):
    """(a) warm the cache on every worker, (b) publish through the admin, (c) publish from cron;
    after each, every fresh visitor sees the change. Returns what was measured."""
    measured = {}
    # For (c), meanwhile: a change to the news page scheduled a few seconds ahead.
    title = f"Lomba baca puisi tingkat kabupaten ({label})"
    go_live = time.time() + 10
    schedule = SCHEDULE.format(page_id=pages["news"], title=title, go_live=go_live)
    scheduling = subprocess.Popen(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", schedule],
        cwd=ROOT,
        env=stack.env,
        stderr=subprocess.PIPE,
        text=True,
    )

    # (a)
    start = log_size(stack)
    answers, workers = spread_visits(base, "/id/", start, stack)
    assert all(headers["x-cache"] in ("HIT", "MISS") for _, headers, _ in answers)
    assert visitors(base, "/id/")[-1][1]["x-cache"] == "HIT"
    assert workers == WORKERS, f"the requests reached {workers} of {WORKERS} workers"

    # (b) An editor signs in and publishes the home page with a new welcome heading.
    heading = f"Selamat datang, {label}"
    editor = Editor(base)
    editor.sign_in(username, PASSWORD)
    before = len(recorder.purged)
    start = log_size(stack)
    editor.publish(pages["home"], welcome_title=heading)
    measured["admin"] = all_see(base, "/id/", heading, start, stack)
    # The CDN heard of the home page in both languages, once each, after the commit.
    assert wait_until(lambda: len(recorder.purged) >= before + 2)
    assert sorted(purged_paths(recorder, before)) == ["/en/", "/id/"]

    # (c) Once the go-live time has passed, cron's publish_scheduled publishes the change. The home
    # page lists the news: its new title shows there.
    assert scheduling.wait(timeout=120) == 0, scheduling.stderr.read()
    assert not any(title in body for _, _, body in visitors(base, "/id/", 8))
    time.sleep(max(0, go_live + 0.1 - time.time()))
    before = len(recorder.purged)
    start = log_size(stack)
    result = subprocess.run(
        [PYTHON, "manage.py", "publish_scheduled"], cwd=ROOT, env=stack.env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    measured["cron"] = all_see(base, "/id/", title, start, stack)
    news_paths = purged_paths(recorder, before)
    assert sorted(news_paths) == sorted(
        ["/id/", "/id/berita/", "/id/berita/lomba-baca-puisi/", "/en/", "/en/news/", "/en/news/poetry-reading-contest/"]
    ), news_paths
    return measured


def test_publish_reaches_every_worker_with_the_embedded_defaults(site, recorder):
    stack, pages = site
    with serving(stack) as base:
        measured = publish_everywhere(stack, pages, recorder, base, "berkas", "editor")
        headers_answer_with_validators(base)
    report("embedded (file cache)", measured)
    for seen, workers in measured.values():
        assert seen == VISITORS and workers == WORKERS, measured


@pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed")
def test_publish_reaches_every_worker_with_redis(site, recorder):
    stack, pages = site
    with redis_server() as redis_url, serving(stack, REDIS_URL=redis_url) as base:
        measured = publish_everywhere(stack, pages, recorder, base, "redis", "editor-2")
    report("Redis", measured)
    for seen, workers in measured.values():
        assert seen == VISITORS and workers == WORKERS, measured


def report(shape, measured):
    for path, (seen, workers) in measured.items():
        print(f"{shape}, published by {path}: {seen} of {VISITORS} fresh visitors saw it ({workers} workers answered)")


def headers_answer_with_validators(base):
    """Browsers revalidate: no max-age for them, s-maxage for shared caches, a validator and 304,
    from any worker (the kept page and its ETag are shared)."""
    status, headers, _ = get(base, "/id/")
    assert status == 200
    directives = {part.strip() for part in headers["cache-control"].split(",")}
    assert directives == {"public", "max-age=0", "s-maxage=300"}
    etag = headers["etag"]
    answers = [get(base, "/id/", {"If-None-Match": etag}) for _ in range(12)]
    assert {status for status, _, _ in answers} == {304}
    assert all(headers["etag"] == etag and body == "" for _, headers, body in answers)
    status, headers, _ = get(base, "/id/", {"If-None-Match": '"another-page"'})
    assert status == 200 and headers["etag"] == etag


# -- the frontend cache, in this process ------------------------------------------------------


@pytest.fixture
def news_tree(home, home_en, locale_en):
    from tests.factories import NewsIndexPageFactory, NewsPageFactory, translate

    index = NewsIndexPageFactory(parent=home)
    translate(index, locale_en, title="News", slug="news")
    news = NewsPageFactory(parent=index, title="Lomba baca puisi", slug="lomba-baca-puisi")
    translate(news, locale_en, title="Poetry reading contest", slug="poetry-reading-contest")
    return news


@pytest.fixture
def frontend_cache(settings, recorder):
    from portal.settings.base import frontend_cache_backends

    settings.WAGTAILFRONTENDCACHE = frontend_cache_backends(
        {"FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{recorder.server_port}"}
    )
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    return recorder


LISTINGS = ["/en/", "/en/news/", "/id/", "/id/berita/"]


def test_a_publish_purges_the_page_and_its_listings_in_both_languages(
    news_tree, frontend_cache, django_capture_on_commit_callbacks
):
    before = len(frontend_cache.purged)
    news_tree.title = "Lomba baca puisi tingkat kabupaten"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        news_tree.save_revision().publish()
        # Nothing before the commit: a CDN must not fetch and keep the old page again in between.
        assert len(frontend_cache.purged) == before
    for callback in callbacks:
        callback()
    paths = purged_paths(frontend_cache, before)
    assert sorted(paths) == sorted([*LISTINGS, "/id/berita/lomba-baca-puisi/", "/en/news/poetry-reading-contest/"])
    assert {host for _, host in frontend_cache.purged[before:]} == {"localhost"}


def test_an_unpublish_purges_the_page_and_its_listings(news_tree, frontend_cache, django_capture_on_commit_callbacks):
    before = len(frontend_cache.purged)
    with django_capture_on_commit_callbacks(execute=True):
        news_tree.unpublish()
    paths = purged_paths(frontend_cache, before)
    assert sorted(paths) == sorted([*LISTINGS, "/id/berita/lomba-baca-puisi/", "/en/news/poetry-reading-contest/"])


def test_a_deleted_page_is_purged_at_its_address_with_its_listings(
    news_tree, frontend_cache, django_capture_on_commit_callbacks
):
    before = len(frontend_cache.purged)
    with django_capture_on_commit_callbacks(execute=True):
        news_tree.delete()
    paths = purged_paths(frontend_cache, before)
    assert sorted(paths) == sorted([*LISTINGS, "/id/berita/lomba-baca-puisi/", "/en/news/poetry-reading-contest/"])


def test_no_purge_without_a_frontend_cache(news_tree, recorder, django_capture_on_commit_callbacks):
    before = len(recorder.purged)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        news_tree.save_revision().publish()
    assert len(recorder.purged) == before
    assert all(getattr(c, "__name__", "") != "purge_frontend_cache" for c in callbacks)
