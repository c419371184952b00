"""Two app servers act as one site: two gunicorn instances on different ports, with the production
settings, one PostgreSQL database, one Redis and one media folder, as deploy/README.md describes
for a load balancer in front of several machines. Whatever server a request reaches: a publish is
seen at once, a signed-in session holds, the contact form's limit and the sign-in lockout count
once, and an uploaded file is served.

Real processes: two gunicorn servers, a redis-server of the test's own, a database of its own on
the PostgreSQL server (DATABASE_URL when it names one, else the local server CI runs); skipped when
redis-server or PostgreSQL is missing."""

import contextlib
import io
import urllib.error
import urllib.request
import uuid
from types import SimpleNamespace

import pytest
from PIL import Image

from bench.stack import Stack
from tests.ops.servers import (
    BUILD,
    CONTACT,
    PASSWORD,
    POSTGRES_URL,
    Editor,
    collect_static,
    database,
    get,
    kept,
    redis_server,
    send_message,
    shell,
    skip_without_postgres_and_redis,
)

# A second editor for the lockout, so that the first stays free to sign in.
LOCKED = "penulis-terkunci"
USERS = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser({LOCKED!r}, "terkunci@example.id", {PASSWORD!r})
"""


@pytest.fixture(scope="module")
def servers():
    skip_without_postgres_and_redis()
    stack = Stack("two-servers")
    with contextlib.ExitStack() as cleanup:  # undone last to first
        cleanup.callback(stack.remove)
        for name in ("PAGE_CACHE_SECONDS", "WEB_CONCURRENCY", "CACHE_DIR", "FRONTEND_CACHE_PURGE_URL"):
            stack.env.pop(name, None)
        stack.env["XDG_RUNTIME_DIR"] = str(stack.folder)  # gunicorn's control socket
        collect_static(stack.env)
        cleanup.enter_context(database(stack, url=POSTGRES_URL, name="two"))
        pages = dict(zip(("home", "news"), map(int, shell(stack, BUILD + CONTACT + USERS).split()), strict=True))
        stack.env["REDIS_URL"] = cleanup.enter_context(redis_server())
        first = cleanup.enter_context(stack.serve(workers=2))
        second = cleanup.enter_context(stack.serve(workers=2))
        yield SimpleNamespace(first=first, second=second, stack=stack, pages=pages)


def sign_in_answer(base, username, password):
    """A sign-in attempt on `base` from this machine's address: the status the visitor gets."""
    visitor = Editor(base)
    visitor.open("/admin/login/")
    fields = {"username": username, "password": password, "csrfmiddlewaretoken": visitor.csrf_token()}
    try:
        url, _ = visitor.open("/admin/login/", fields)
    except urllib.error.HTTPError as error:
        return error.code
    return 200 if "/admin/login/" in url else 302  # signed in: on to the second step


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    for name, value in fields.items():
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content, kind) in files.items():
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {kind}\r\n\r\n".encode()
        )
        body.write(content + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


def test_a_publish_through_one_is_seen_through_the_other_at_once(servers):
    first, second = servers.first, servers.second
    assert kept(first, "/id/") and kept(second, "/id/")  # both serve the home page from the cache
    editor = Editor(first)
    editor.sign_in("editor", PASSWORD)
    editor.publish(servers.pages["home"], welcome_title="Selamat datang dari server pertama")
    for base in (second, first):
        status, _, body = get(base, "/id/")
        assert status == 200 and "Selamat datang dari server pertama" in body, base


def test_a_session_opened_on_one_holds_on_the_other(servers):
    editor = Editor(servers.first)
    editor.sign_in("editor-2", PASSWORD)
    editor.base = servers.second  # the same browser, its next request sent to the other server
    url, html = editor.open("/admin/")
    assert url.endswith("/admin/") and "/admin/logout/" in html
    # Signing out on the second ends the session on the first too.
    editor.open("/admin/logout/", {"csrfmiddlewaretoken": editor.csrf_token()})
    editor.base = servers.first
    url, _ = editor.open("/admin/")
    assert "/admin/login/" in url


def test_the_contact_limit_counts_once_for_both(servers):
    secret_key = servers.stack.env["SECRET_KEY"]
    for number in range(5):  # the limit: 5 messages per address in 10 minutes, wherever they go
        status, page = send_message(servers.first if number % 2 else servers.second, "/id/kontak/", secret_key)
        assert status == 200 and "Terima kasih" in page
    for base in (servers.first, servers.second):
        status, page = send_message(base, "/id/kontak/", secret_key)
        assert status == 429 and "Terima kasih" not in page, base


def test_the_sign_in_lockout_counts_once_for_both(servers):
    for number in range(4):  # four wrong passwords, half through each server
        base = servers.first if number % 2 else servers.second
        assert sign_in_answer(base, LOCKED, "a-wrong-password") == 200
    # The fifth locks the user name at this address, on both servers, even with the right password.
    assert sign_in_answer(servers.second, LOCKED, "a-wrong-password") == 429
    for base in (servers.first, servers.second):
        assert sign_in_answer(base, LOCKED, PASSWORD) == 429, base
    # Another user at the same address is free on both.
    assert sign_in_answer(servers.second, "editor", PASSWORD) == 302


def test_a_file_uploaded_through_one_is_served_by_the_other(servers):
    picture = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 120, 40)).save(picture, "PNG")
    editor = Editor(servers.first)
    editor.sign_in("editor-3", PASSWORD)
    editor.open("/admin/images/add/")
    body, kind = multipart(
        {
            "csrfmiddlewaretoken": editor.csrf_token(),
            "title": "Rak buku anak",
            "description": "Rak buku anak berwarna jingga",
        },
        {"file": ("rak-buku.png", picture.getvalue(), "image/png")},
    )
    request = urllib.request.Request(f"{servers.first}/admin/images/add/", body, {"Content-Type": kind})
    with editor.opener.open(request, timeout=60) as response:
        assert "/admin/images/add/" not in response.geturl()
    address = shell(
        servers.stack,
        "from wagtail.images import get_image_model\n"
        "image = get_image_model().objects.get(title='Rak buku anak')\n"
        "print(image.file.url, image.get_rendition('width-320').url)",
    )
    for path in address.split():  # the original, and a rendition drawn by another process
        with urllib.request.urlopen(servers.second + path, timeout=30) as response:
            assert response.headers["Content-Type"].startswith("image/"), path
            assert Image.open(io.BytesIO(response.read())).width in (640, 320), path
