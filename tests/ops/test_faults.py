"""Redis or PostgreSQL going away: at worst a 503 page in the visitor's language, never a 500, and
recovery by itself.

Real processes: gunicorn with the production settings (two workers), a redis-server of the test's
own that it stops and starts again, and PostgreSQL reached through a TCP relay in a thread that the
test closes (cutting every connection) and opens again. The site is built once for the module, in
a database of its own on the PostgreSQL server (DATABASE_URL when it names one, else the local
server CI runs), and dropped at the end; skipped when redis-server or PostgreSQL is missing.

The same faults in this process, without servers: a Redis address where nothing listens, and a
cache folder that cannot be written (the embedded default)."""

import contextlib
import json
import runpy
import selectors
import socket
import threading
import time
import urllib.error
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest

from django.core import signing
from django.test import override_settings

from bench.stack import ROOT, Stack, free_port
from home.forms import SIGNING_SALT
from portal import generation as page_cache_module
from tests.ops.servers import (
    BUILD,
    CONTACT,
    POSTGRES_URL,
    collect_static,
    database,
    get,
    kept,
    redis_server,
    send_message,
    shell,
    skip_without_postgres_and_redis,
)

# Pages an anonymous visitor reads, and words each shows.
PAGES = {
    "/id/": "Selamat datang",
    "/en/": "Welcome",
    "/id/berita/": "Lomba baca puisi",
    "/en/news/poetry-reading-contest/": "Poetry reading contest",
    "/id/berita/feed/": "Lomba baca puisi",
}
# What the database must answer, whatever the cache holds: (path, Accept-Language, words).
UNCACHED = [
    ("/id/cari/?q=puisi", "", "Sedang tidak tersedia"),
    ("/en/search/?q=poetry", "", "Temporarily unavailable"),
    ("/oai/?verb=Identify", "en", "Temporarily unavailable"),
    ("/admin/login/", "id", "Sedang tidak tersedia"),
    ("/id/kontak/", "", "Sedang tidak tersedia"),  # a form: never kept
    ("/en/not-kept-yet/", "", "Temporarily unavailable"),
]


# -- a TCP relay in front of PostgreSQL --------------------------------------------------------


class Relay:
    """Forwards 127.0.0.1:port to the target. close(): the port refuses connections and every
    relayed one is cut, as when the database server stops; open(): it forwards again."""

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.connections = set()
        self.lock = threading.Lock()
        self.listening = None

    def open(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(0.1)
        self.listening = threading.Event()
        self.listening.set()
        threading.Thread(target=self.accept, args=(listener, self.listening), daemon=True).start()

    def accept(self, listener, listening):
        with listener:
            while listening.is_set():
                try:
                    client, _ = listener.accept()
                except TimeoutError:
                    continue
                try:
                    upstream = socket.create_connection(self.target, timeout=5)
                except OSError:
                    client.close()
                    continue
                client.settimeout(None)
                upstream.settimeout(None)
                with self.lock:
                    self.connections |= {client, upstream}
                threading.Thread(target=self.pipe, args=(client, upstream), daemon=True).start()

    def pipe(self, client, upstream):
        peers = {client: upstream, upstream: client}
        with selectors.DefaultSelector() as selector:
            for sock in peers:
                selector.register(sock, selectors.EVENT_READ)
            try:
                while True:
                    for key, _ in selector.select():
                        data = key.fileobj.recv(65536)
                        if not data:
                            return
                        peers[key.fileobj].sendall(data)
            except OSError:
                return
            finally:
                self.cut(client, upstream)

    def cut(self, *sockets):
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
            with self.lock:
                self.connections.discard(sock)

    def close(self):
        self.listening.clear()
        time.sleep(0.2)  # the listener's loop ends and closes it
        with self.lock:
            connections = list(self.connections)
        self.cut(*connections)


class RedisServer:
    """The test's own redis-server on a fixed port, stopped and started again (empty, as a Redis
    without persistence restarts)."""

    def __init__(self):
        self.port = free_port()
        self.running = None

    def start(self):
        self.running = redis_server(self.port)
        return self.running.__enter__()

    def stop(self):
        running, self.running = self.running, None
        if running:
            running.__exit__(None, None, None)


@pytest.fixture(scope="module")
def site():
    """gunicorn with the production settings against PostgreSQL (through the relay) and Redis."""
    skip_without_postgres_and_redis()
    stack = Stack("faults")
    redis = RedisServer()
    with contextlib.ExitStack() as cleanup:  # undone last to first
        cleanup.callback(stack.remove)
        cleanup.callback(redis.stop)
        for name in ("REDIS_URL", "PAGE_CACHE_SECONDS", "WEB_CONCURRENCY", "CACHE_DIR", "FRONTEND_CACHE_PURGE_URL"):
            stack.env.pop(name, None)
        stack.env["XDG_RUNTIME_DIR"] = str(stack.folder)  # gunicorn's control socket
        with ThreadPoolExecutor(1) as background:
            # The static files for whitenoise meanwhile: PostgreSQL migrates on the other core.
            static = background.submit(collect_static, dict(stack.env))
            cleanup.enter_context(database(stack, url=POSTGRES_URL, name="faults"))
            static.result()
        shell(stack, BUILD + CONTACT)
        direct = urllib.parse.urlsplit(stack.env["DATABASE_URL"])
        relay = Relay((direct.hostname, direct.port or 5432))
        relay.open()
        cleanup.callback(relay.close)
        stack.env["DATABASE_URL"] = direct._replace(netloc=f"{direct.username}@127.0.0.1:{relay.port}").geturl()
        stack.env["REDIS_URL"] = redis.start()
        base = cleanup.enter_context(stack.serve(workers=2))
        yield SimpleNamespace(base=base, relay=relay, redis=redis, stack=stack)


def health(base):
    status, _, body = get(base, "/healthz")
    return status, json.loads(body)


def wait_until(condition, seconds=15):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_redis_going_away(site):
    base = site.base
    assert health(base) == (200, {"database": "ok", "cache": "ok"})
    assert all(kept(base, path) for path in PAGES)

    site.redis.stop()
    started = time.monotonic()
    for path, words in PAGES.items():
        status, headers, body = get(base, path)
        assert status == 200 and words in body, (path, status)
        assert headers["x-cache"] == "MISS"  # rendered afresh, nothing kept
    seconds_per_page = (time.monotonic() - started) / len(PAGES)
    assert get(base, "/en/search/?q=poetry")[0] == 200
    assert get(base, "/oai/?verb=Identify")[0] == 200
    # Six messages from one address, one more than the limit: its counter is down, none refused.
    for _ in range(6):
        status, page = send_message(base, "/id/kontak/", site.stack.env["SECRET_KEY"])
        assert status == 200 and "Terima kasih" in page
    assert health(base) == (503, {"database": "ok", "cache": "error"})

    site.redis.start()
    assert wait_until(lambda: health(base)[0] == 200)
    assert get(base, "/id/")[1]["x-cache"] == "MISS"  # nothing from before the outage
    assert kept(base, "/id/")
    print(f"Redis down: pages answered 200 in {seconds_per_page * 1000:.0f} ms each, /healthz 503; back: 200")


def test_postgresql_going_away(site):
    base = site.base
    assert health(base) == (200, {"database": "ok", "cache": "ok"})
    assert all(kept(base, path) for path in PAGES)

    site.relay.close()
    for path, words in PAGES.items():
        status, headers, body = get(base, path)
        assert (status, headers.get("x-cache")) == (200, "HIT") and words in body, (path, status)
    started = time.monotonic()
    for path, language, words in UNCACHED:
        status, headers, body = get(base, path, {"Accept-Language": language} if language else {})
        assert status == 503 and words in body, (path, status, body[:300])
        assert headers["retry-after"] == "60" and "no-store" in headers["cache-control"]
        assert "Traceback" not in body and "psycopg" not in body
    seconds_per_page = (time.monotonic() - started) / len(UNCACHED)
    # Someone signed in never gets kept pages: the page needs the database.
    assert get(base, "/id/", {"Cookie": "sessionid=an-editors-session"})[0] == 503
    assert health(base) == (503, {"database": "error", "cache": "ok"})

    site.relay.open()
    assert wait_until(lambda: health(base)[0] == 200)
    for path, language, _ in UNCACHED:
        status, _, _ = get(base, path, {"Accept-Language": language} if language else {})
        assert status == (404 if path == "/en/not-kept-yet/" else 200), path
    status, page = send_message(base, "/en/contact/", site.stack.env["SECRET_KEY"])
    assert status == 200 and "Thank you" in page
    print(f"PostgreSQL down: kept pages 200, the rest 503 in {seconds_per_page * 1000:.0f} ms each; back: 200")


# -- the same faults in this process ----------------------------------------------------------


def redis_caches(url):
    """The caches production configures for REDIS_URL (settings/base.py), at `url`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REDIS_URL", url)
        return runpy.run_path(str(ROOT / "portal" / "settings" / "base.py"))["CACHES"]


def visit_everything(client, settings):
    """Pages, search, OAI and the contact form, more messages than the limit: never a 500."""
    for _ in range(2):
        response = client.get("/id/")
        assert response.status_code == 200 and "Selamat datang" in response.text
        assert response["X-Cache"] == "MISS"
    assert client.get("/en/").status_code == 200
    assert client.get("/en/search/?q=library").status_code == 200
    assert client.get("/oai/?verb=Identify").status_code == 200
    for _ in range(6):
        shown_at = signing.dumps(time.time() - 60, salt=SIGNING_SALT)
        response = client.post("/id/kontak/", {"pesan": "Halo", "your-website": "", "shown-at": shown_at})
        assert response.status_code == 200 and "Terima kasih" in response.text
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json() == {"database": "ok", "cache": "error"}


def test_redis_that_does_not_answer_costs_no_page(client, contact_page, settings):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    visit_everything(client, settings)


def test_a_cache_folder_that_cannot_be_written_costs_no_page(client, contact_page, settings, tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.CACHES = {
        alias: {"BACKEND": "ops.cache_backends.SharedFileCache", "LOCATION": str(blocker / alias)}
        for alias in ("default", "renditions", "pages")
    }
    visit_everything(client, settings)
    warnings = [record for record in caplog.records if record.name == "ops.cache_backends"]
    # At most once a minute for each cache of the process.
    assert 1 <= len(warnings) <= 3 and "cannot be used" in warnings[0].getMessage()


def test_once_the_cache_answers_again_nothing_from_before_is_served():
    before = page_cache_module.generation()
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        # Each request a generation of its own: nothing kept is read.
        assert len({page_cache_module.generation() for _ in range(3)}) == 3
        page_cache_module.purge()  # a publish meanwhile: its purge is lost
    # The cache is back, with what it held before: this process purges, once.
    after = page_cache_module.generation()
    assert after != before
    assert page_cache_module.generation() == after
