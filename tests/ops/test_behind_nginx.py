"""Through the project's nginx site, as visitors and harvesters reach the site in production:
deploy/nginx.conf on Debian's nginx (which `make test` installs), with a self-signed certificate, in
front of gunicorn with the production settings. Addresses that are no page answer 404 at once in
the visitor's language whatever their length or bytes, only pages redirect to their language,
OAI-PMH answers POST (gzipped when asked), and what nginx itself refuses or cannot reach gets the
site's own page in the visitor's language, not nginx's.

The database: SQLite in the stack's folder, or a database of its own on DATABASE_URL's PostgreSQL."""

import contextlib
import shutil
import socket
from types import SimpleNamespace

import pytest

from bench.proxy import HOST, Visitor, nginx, nginx_site
from bench.stack import Stack, free_port
from tests.odd_input import ODD_PATHS
from tests.ops.servers import (
    BUILD,
    CONTACT,
    collect_static,
    database,
    shell,
)

ENGLISH = "en-GB,en;q=0.9"


@pytest.fixture(scope="module")
def proxy():
    if not shutil.which("nginx"):
        pytest.skip("nginx is not installed (make test installs Debian's)")
    stack = Stack("nginx")
    with contextlib.ExitStack() as cleanup:  # undone last to first
        cleanup.callback(stack.remove)
        for name in ("REDIS_URL", "PAGE_CACHE_SECONDS", "WEB_CONCURRENCY", "FRONTEND_CACHE_PURGE_URL"):
            stack.env.pop(name, None)
        stack.env.update(
            {
                "ALLOWED_HOSTS": f"{HOST},127.0.0.1",  # 127.0.0.1: the health check
                "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
                "SECURE_SSL_REDIRECT": "true",
                "SECURE_COOKIES": "true",
                "SERVE_MEDIA": "false",
                "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP",
                "CACHE_DIR": str(stack.folder / "cache"),
                "XDG_RUNTIME_DIR": str(stack.folder),  # gunicorn's control socket
            }
        )
        collect_static(stack.env)
        cleanup.enter_context(database(stack, name="nginx"))
        shell(stack, BUILD + CONTACT)
        upstream = cleanup.enter_context(stack.serve(workers=2))
        http_port, https_port = free_port(), free_port()
        cleanup.enter_context(nginx(nginx_site(stack.folder, upstream, stack.folder / "media", http_port, https_port)))
        yield SimpleNamespace(http=http_port, https=https_port, folder=stack.folder)


def answer(port, path, method="GET", fields=None, **headers):
    """(status, headers, text) of one request, as a browser sends it over HTTPS to the site's host."""
    visitor = Visitor(port.https)
    status, content = visitor.request(method, path, fields, headers)
    return status, visitor.headers, content.decode(errors="replace")


# Addresses nginx itself refuses as unreadable (a NUL byte): 400, with the site's page.
UNREADABLE = {"nul", "nul inside"}


@pytest.mark.parametrize("path", ODD_PATHS.values(), ids=ODD_PATHS.keys())
def test_an_address_that_is_no_page_is_404_at_once(proxy, path, request):
    status, headers, text = answer(proxy, path)
    if request.node.callspec.id in UNREADABLE:
        assert status == 400 and "Location" not in headers and "nginx" not in text
        assert "Permintaan tidak dapat dipahami" in text and "The request could not be understood" in text
        return
    assert status == 404 and "Location" not in headers
    assert "Halaman tidak ditemukan" in text and '<html lang="id"' in text
    status, headers, text = answer(proxy, path, **{"Accept-Language": ENGLISH})
    assert status == 404 and "Location" not in headers
    assert "Page not found" in text and '<html lang="en"' in text


def test_only_pages_redirect_to_their_language(proxy):
    for path, accept_language, location in [
        ("/", "", "/id/"),
        ("/", "en", "/en/"),
        ("/berita/", "id", "/id/berita/"),
        ("/berita/?page=" + "9" * 4000, "id", "/id/berita/"),
    ]:
        status, headers, _ = answer(proxy, path, **{"Accept-Language": accept_language})
        assert (status, headers["Location"]) == (302, location), path


def test_what_nginx_answers_itself_is_the_sites_page_in_both_languages(proxy, tmp_path):
    """A request line over 8 KB (414), a body over the upload limit (413), and the app not answering
    (502, a second nginx in front of a port where nothing listens)."""
    status, _, text = answer(proxy, "/" + "a" * 9000 + "/")
    assert status == 414 and "nginx" not in text
    assert "Alamat terlalu panjang" in text and "Address too long" in text and 'class="site-header"' in text
    visitor = Visitor(proxy.https)
    status, content = visitor.request("POST", "/admin/images/multiple/add/", {"file": "x" * (22 * 1024 * 1024)})
    assert status == 413 and b"Berkas terlalu besar" in content and b"The file is too large" in content
    (tmp_path / "staticfiles").symlink_to(proxy.folder / "staticfiles")  # the site's error pages
    down = nginx_site(tmp_path, f"http://127.0.0.1:{free_port()}", tmp_path, free_port(), free_port())
    with nginx(down):
        port = int(down.with_name("site.conf").read_text().split("listen 127.0.0.1:")[2].split()[0])
        status, _, text = answer(SimpleNamespace(https=port), "/id/")
    assert status == 502 and "nginx" not in text
    assert "Sedang tidak tersedia" in text and "Temporarily unavailable" in text


def test_oai_pmh_answers_post_like_get_and_gzips_when_asked(proxy):
    fields = {"verb": "Identify"}
    status, headers, text = answer(proxy, "/oai/", "POST", fields, **{"Accept-Encoding": "gzip"})
    assert status == 200 and "<repositoryName>" in text and '<request verb="Identify">' in text
    assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"].startswith("text/xml")
    assert answer(proxy, "/oai/?verb=Identify")[2].split("<responseDate>")[0] == text.split("<responseDate>")[0]


def test_a_form_refused_by_django_gets_the_sites_page_in_the_visitors_language(proxy):
    status, _, text = answer(proxy, "/id/kontak/", "POST", {"pesan": "Halo"})
    assert status == 403 and "Formulir tidak dapat dikirim" in text and "CSRF" not in text
    status, _, text = answer(proxy, "/en/contact/", "POST", {"message": "Hello"})
    assert status == 403 and "The form could not be sent" in text and "Forbidden" not in text


def test_pages_files_and_plain_http(proxy):
    visitor = Visitor(proxy.https)
    status, content = visitor.request("GET", "/id/berita/")
    assert status == 200 and "Lomba baca puisi" in content.decode()
    assert visitor.headers["Content-Encoding"] == "gzip" and "Strict-Transport-Security" in visitor.headers
    stylesheet = content.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert visitor.request("GET", stylesheet)[0] == 200 and "immutable" in visitor.headers["Cache-Control"]
    assert visitor.request("GET", "/media/documents/report.pdf")[0] == 404
    with socket.create_connection(("127.0.0.1", proxy.http)) as plain:
        plain.sendall(f"GET /id/berita/ HTTP/1.0\r\nHost: {HOST}\r\n\r\n".encode())
        head = plain.recv(4096).decode()
    assert head.startswith("HTTP/1.1 301") and f"Location: https://{HOST}/id/berita/" in head
