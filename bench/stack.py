"""A throwaway copy of the site for the benchmarks and the Lighthouse audit: the demo content in its
own folder (SQLite unless DATABASE_URL is set), served by gunicorn with the production settings.

Never touches the site's own database or media."""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


FIRST_PAGES = """
import json
from wagtail.models import Page
urls = {}
for page in Page.objects.live().public().exclude(depth=1).specific().order_by("path"):
    urls.setdefault(f"{type(page).__name__} {page.locale.language_code}", page.url)
print(json.dumps(urls))
"""


class Stack:
    def __init__(self, name, database_url=None, redis_url=None):
        """SQLite in the stack's folder and files as the cache, unless given a database and Redis;
        by default, DATABASE_URL and REDIS_URL of the environment."""
        self.folder = Path(tempfile.mkdtemp(prefix=f"portal-{name}-"))
        if database_url is None:
            database_url = os.environ.get("DATABASE_URL", "")
        if redis_url is None:
            redis_url = os.environ.get("REDIS_URL", "")
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "bench-only-insecure-key-for-localhost",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SERVE_MEDIA": "true",
            "MEDIA_ROOT": str(self.folder / "media"),
            "DATABASE_URL": database_url or f"sqlite:///{self.folder / 'db.sqlite3'}",
            "REDIS_URL": redis_url,
            "CACHE_DIR": str(self.folder / "cache"),
            # Its own static files: copies built at once (tests on two workers) never share a folder.
            "STATIC_ROOT": str(self.folder / "staticfiles"),
        }

    def manage(self, *args, quiet=True):
        subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL if quiet else None,
        )

    def build(self):
        """The demo site, as `make run` builds it, with the static files collected for whitenoise."""
        started = time.perf_counter()
        self.manage("collectstatic", "--noinput")
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        print(f"demo site built in {time.perf_counter() - started:.0f} s ({self.folder})", file=sys.stderr)
        return self

    @contextlib.contextmanager
    def serve(self, workers=2, page_cache=True):
        """gunicorn with the production settings on a free loopback port; yields the base URL."""
        port = free_port()
        env = {
            **self.env,
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "WEB_CONCURRENCY": str(workers),
            "PAGE_CACHE_SECONDS": "300" if page_cache else "0",
        }
        log = open(self.folder / "gunicorn.log", "ab")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for(url + "/healthz", server, self.folder / "gunicorn.log")
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()

    def first_pages(self):
        """'NewsPage id' -> '/id/berita/...': the first live page of each type in each language."""
        output = subprocess.run(
            [PYTHON, "manage.py", "shell", "--no-imports", "--verbosity=0", "-c", FIRST_PAGES],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )
        return json.loads(output.stdout)

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, server, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer in {seconds} s")


@contextlib.contextmanager
def postgres_database(server_url, name):
    """A database of its own, `name`, on the PostgreSQL server of `server_url`, removed at the end."""
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlsplit(server_url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def redis_server():
    """A redis-server of its own on a free port, keeping nothing on disk."""
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
