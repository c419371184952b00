"""Real servers for the tests of how the site runs: a site built in another process, its database
(SQLite or a PostgreSQL database of its own), redis-server, static files, and visitors and editors
that speak HTTP to gunicorn or nginx."""

import contextlib
import hashlib
import http.client
import http.cookiejar
import importlib.metadata
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django_otp.oath import totp

from django.core import signing

from bench.stack import PYTHON, ROOT, free_port
from home.forms import SIGNING_SALT

PASSWORD = "publish-everywhere-Pw-1"
# The editor's authenticator app: its key, as the QR code would give it (accounts/two_factor.py).
AUTHENTICATOR_KEY = "3132333435363738393031323334353637383930"
# Editors with an authenticator each: a code is taken once per device, so tests that sign in one
# after the other do so as different editors rather than wait half a minute for the next code.
EDITORS = ("editor", "editor-2", "editor-3")


BUILD = f"""
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from tests.factories import NewsIndexPageFactory, NewsPageFactory, make_home, translate

locale_en = Locale.objects.get(language_code="en")
home = make_home()
news_index = NewsIndexPageFactory(parent=home)
translate(news_index, locale_en, title="News", slug="news")
news = NewsPageFactory(parent=news_index, title="Lomba baca puisi", slug="lomba-baca-puisi")
news.save_revision().publish()  # a live revision, as the admin makes: scheduling keeps it online
translate(news, locale_en, title="Poetry reading contest", slug="poetry-reading-contest")
from django_otp.plugins.otp_totp.models import TOTPDevice
for username in {EDITORS!r}:
    editor = get_user_model().objects.create_superuser(username, f"{{username}}@example.id", {PASSWORD!r})
    TOTPDevice.objects.create(user=editor, name="authenticator", key={AUTHENTICATOR_KEY!r}, confirmed=True)
print(home.pk, news.pk)
"""


def get(base, path, headers=None):
    """One request on a new connection, no cookies: a fresh visitor. (status, headers, text)."""
    address = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
    finally:
        connection.close()


class FormFields(HTMLParser):
    """The fields a browser would send with the form `form_id` (inputs, textareas, selects), and
    what the admin's JavaScript adds for an empty StreamField (its inputs are drawn by script)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self.textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "div" and attrs.get("data-controller") == "w-block":
            value, _errors = json.loads(attrs["data-w-block-arguments-value"])
            assert value == [], "only empty StreamFields can be sent without the admin's JavaScript"
            self.fields.append([f"{attrs['id']}-count", "0"])
        elif tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append([name, attrs.get("value", "on" if kind in ("checkbox", "radio") else "")])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.fields.append(self.textarea)
        elif tag == "select" and name:
            self.select = {"name": name, "first": None, "chosen": False}
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.fields.append([self.select["name"], value])
                self.select["chosen"] = True

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            if not self.select["chosen"] and self.select["first"] is not None:
                self.fields.append([self.select["name"], self.select["first"]])
            self.select = None


class Editor:
    """An editor in a browser without JavaScript: a session cookie, the admin's own forms."""

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def open(self, path, data=None):
        if isinstance(data, dict):
            data = data.items()
        body = urllib.parse.urlencode([tuple(field) for field in data]).encode() if data is not None else None
        with self.opener.open(self.base + path, body, timeout=60) as response:
            return response.geturl(), response.read().decode()

    def csrf_token(self):
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def sign_in(self, username, password):
        """The password, then the code of the editor's authenticator app. A code is accepted once,
        and the next half-minute's too: a third sign-in within 30 seconds waits for a new one."""
        self.open("/admin/login/")
        url, _ = self.open(
            "/admin/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": self.csrf_token(), "next": "/admin/"},
        )
        for attempt in range(4):
            if "/admin/second-step/" not in url:
                break
            if attempt == 2:
                time.sleep(30)
            code = f"{totp(bytes.fromhex(AUTHENTICATOR_KEY), t0=-30 * (attempt % 2)):06d}"
            form = urllib.parse.urlsplit(url)._replace(scheme="", netloc="").geturl()
            url, _ = self.open(form, {"code": code, "csrfmiddlewaretoken": self.csrf_token(), "next": "/admin/"})
        assert url.endswith("/admin/"), url

    def publish(self, page_id, **changes):
        """Opens the page's edit form, changes the fields and presses "Publish"."""
        _, html = self.open(f"/admin/pages/{page_id}/edit/")
        parser = FormFields("page-edit-form")
        parser.feed(html)
        fields = parser.fields
        assert fields, "no edit form"
        for name, value in changes.items():
            assert any(field[0] == name for field in fields), name
            fields = [[field[0], value if field[0] == name else field[1]] for field in fields]
        fields.append(["action-publish", "action-publish"])
        url, html = self.open(f"/admin/pages/{page_id}/edit/", fields)
        assert f"/admin/pages/{page_id}/edit/" not in url, re.findall(r'class="error-message">(.*?)<', html)
        return url


def migrations_digest():
    """Names the state `migrate` leaves: the project's migrations and the installed packages."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    for distribution in sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()):
        digest.update(distribution.encode())
    return digest.hexdigest()[:16]


def migrated_sqlite(stack, path):
    """A migrated SQLite database at `path`: `migrate` takes 20-40 s on SQLite, so its result is
    kept in the temporary folder for the next runs, under the digest of what it depends on."""
    template = Path(tempfile.gettempdir()) / f"portal-migrated-{migrations_digest()}.sqlite3"
    if not template.exists():
        stack.env["DATABASE_URL"] = f"sqlite:///{path}"
        stack.manage("migrate", "--noinput")
        partial = template.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(path, partial)
        partial.replace(template)
    else:
        shutil.copyfile(template, path)


def migrated_postgres(stack, url, name):
    """Creates the database `name` on the PostgreSQL server of `url`, migrated: a copy of a template
    database migrated once per state of the migrations (CREATE DATABASE ... TEMPLATE takes a tenth
    of a second, `migrate` 15-20 s). Parallel test processes take turns making the template."""
    import psycopg

    template = f"portal_migrated_{migrations_digest()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("SELECT pg_advisory_lock(hashtext('portal_migrated'))")
        try:
            if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone():
                for (stale,) in connection.execute("SELECT datname FROM pg_database").fetchall():
                    if stale.startswith("portal_migrated_"):  # of an earlier state of the migrations
                        connection.execute(f'DROP DATABASE "{stale}" WITH (FORCE)')
                # Under another name until migrated: a migration that fails leaves no template.
                connection.execute(f'CREATE DATABASE "{template}_part"')
                stack.env["DATABASE_URL"] = urllib.parse.urlsplit(url)._replace(path=f"/{template}_part").geturl()
                stack.manage("migrate", "--noinput")
                connection.execute(f'ALTER DATABASE "{template}_part" RENAME TO "{template}"')
        finally:
            connection.execute("SELECT pg_advisory_unlock(hashtext('portal_migrated'))")
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


@contextlib.contextmanager
def database(stack, url=None, name="publish"):
    """SQLite in the stack's folder, migrated; or, when DATABASE_URL (or `url`) names a PostgreSQL
    server, a database of its own there (never the one the suite or anyone else uses), migrated,
    and dropped at the end. Sets DATABASE_URL in the stack's environment."""
    url = url or os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        path = stack.folder / "db.sqlite3"
        migrated_sqlite(stack, path)
        stack.env["DATABASE_URL"] = f"sqlite:///{path}"
        yield
        return
    import psycopg

    name = f"portal_{name}_{os.getpid()}"
    try:
        migrated_postgres(stack, url, name)
        stack.env["DATABASE_URL"] = urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()
        yield
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def shell(stack, code):
    """Python in another process with the site's environment, as a cron job or an import runs."""
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "--verbosity", "0", "-c", code],
        cwd=ROOT,
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@contextlib.contextmanager
def redis_server(port=None):
    port = port or free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    break
            time.sleep(0.05)
        else:
            raise AssertionError("redis-server did not answer")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


POSTGRES_URL = os.environ.get("DATABASE_URL", "")
if not POSTGRES_URL.startswith(("postgres://", "postgresql://")):
    POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test"


CONTACT = """
from home.models import FormField
from tests.factories import ContactPageFactory

contact = ContactPageFactory(parent=home)
contact.form_fields.add(FormField(field_type="multiline", label="Pesan"))
contact.save_revision().publish()
translate(contact, locale_en, title="Contact", slug="contact")
"""


def collect_static(env):
    command = [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def skip_without_postgres_and_redis():
    """The servers these tests run against, where CI has them; skipped on a machine without. They
    use PostgreSQL whatever DATABASE_URL says, so CI runs them in its PostgreSQL pass only
    (.ci/run sets SERVER_TESTS_IN_POSTGRES_PASS for the SQLite one)."""
    import psycopg

    if os.environ.get("SERVER_TESTS_IN_POSTGRES_PASS") and not os.environ.get("DATABASE_URL"):
        pytest.skip("run in CI's PostgreSQL pass")
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.Error:
        pytest.skip(f"PostgreSQL does not answer at {urllib.parse.urlsplit(POSTGRES_URL).netloc}")


def kept(base, path):
    """Whether the page comes from the cache once every worker has answered it: each worker purges
    once when the cache answers again after an outage (and the site's first page creates its
    settings, which purges too)."""
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(lambda _: get(base, path)[0], range(16))) == {200}
    return get(base, path)[1]["x-cache"] == "HIT"


def send_message(base, path, secret_key):
    """A visitor opens the contact form and sends it: (status, page)."""
    visitor = Editor(base)  # a browser without JavaScript, with its cookies
    visitor.open(path)
    fields = {
        "pesan": "Apakah perpustakaan buka hari Minggu?",
        "your-website": "",
        "shown-at": signing.dumps(time.time() - 60, key=secret_key, salt=SIGNING_SALT),
        "csrfmiddlewaretoken": visitor.csrf_token(),
    }
    try:
        return 200, visitor.open(path, fields)[1]
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
