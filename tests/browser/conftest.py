"""Real Chromium (Debian's package) driven by Playwright, against one demo site for the whole run.

The demo is built once into the test database and served by a live server thread for the session.
The browser tests only read it, or add pages of their own, so nothing is rolled back between
tests: rebuilding the demo for every test made this suite several times slower."""

import os
import threading
from io import StringIO

import pytest
from playwright.sync_api import sync_playwright

from django.core.management import call_command

from tests.browser.helpers import PAGE_WEIGHTS, STAFF_PASSWORD

# Playwright's sync API runs an event loop in this thread; the live server's database calls
# happen in another thread, so Django's async-safety check does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_modify_db_settings, django_db_blocker):
    """The test database, always: no browser test asks for `db` itself, and pytest-django only
    creates test databases for tests that do. Without this the demo would go into the real one.
    (Named per worker of a parallel run, as pytest-django names it.)"""
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture(scope="session")
def site(django_db_setup, django_db_blocker):
    """The URL of the demo site, built once and served for the whole browser run."""
    from pytest_django.live_server_helper import LiveServer

    from django.db import connections

    with django_db_blocker.unblock():
        name = str(connections["default"].settings_dict["NAME"])
        assert "memory" in name or "test" in name, f"not a test database: {name}"
        call_command("load_demo_content", stdout=StringIO())
        server = LiveServer("localhost")
        if connections["default"].vendor == "sqlite":
            one_request_at_a_time(server.thread.httpd)
        yield server.url
        server.stop()
        connections.close_all()


def one_request_at_a_time(httpd):
    """The live server's threads share the test's one in-memory SQLite connection: two requests of
    a page (the page and its script catalogue) writing at once would meet inside each other's
    transaction. Django serves them one after the other, the response read whole inside the lock;
    static and media files, which need no database, still go side by side."""
    files = httpd.get_app().application  # static files, then media files, then Django
    django_app, lock = files.application, threading.Lock()

    def serve(environ, start_response):
        with lock:
            response = django_app(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                response.close()

    files.application = serve


@pytest.fixture
def db_access(django_db_blocker):
    """Lets a browser test read what it did through the ORM (the database the server uses)."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def open_page(browser, site):
    """Opens a path of the demo site in a fresh context; fails on console errors and failed requests."""
    contexts, problems = [], []

    def open_page(path, status=200, **context_options):
        context = browser.new_context(**{"viewport": {"width": 390, "height": 844}, **context_options})
        contexts.append(context)
        page = context.new_page()
        # An error page logs its own status as a console error: only the expected one is let through.
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and not (status != 200 and message.location.get("url") == site + path)
                and problems.append(message.text)
            ),
        )
        # A request the page itself cancelled (the lightbox moved on to the next photo before this
        # one arrived) is not a failure of the site; any other failure is.
        page.on(
            "requestfailed",
            lambda request: request.failure != "net::ERR_ABORTED" and problems.append(f"failed: {request.url}"),
        )
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and response.url != site + path
                and problems.append(f"{response.status}: {response.url}")
            ),
        )
        response = page.goto(site + path)
        assert response.status == status, path
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert problems == []


@pytest.fixture
def log_in(browser, site):
    """Signs a staff member in, in a desktop-sized browser of their own."""
    contexts = []

    def log_in(user):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{site}/admin/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", STAFF_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        return page

    yield log_in
    for context in contexts:
        context.close()


def pytest_terminal_summary(terminalreporter):
    if not PAGE_WEIGHTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("page weight on a phone (uncompressed bytes)")
    write(f"{'page':<26}{'lang':<6}{'html':>9}{'css':>9}{'js':>9}{'images':>9}")
    for (label, lang), weight in sorted(PAGE_WEIGHTS.items()):
        write(f"{label:<26}{lang:<6}" + "".join(f"{weight[kind]:>9,}" for kind in ("html", "css", "js", "images")))
