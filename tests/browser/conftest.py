"""Real Chromium (Debian's package) driven by Playwright, against pytest-django's live server."""

import os
from io import StringIO
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from django.core.management import call_command

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
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Each test flushes the database; serialized rollback brings back what migrations made
            # (locales, root page, collections) for the next one.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db):
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def open_page(browser, live_server, demo_site):
    """Opens a path of the demo site in a fresh context; fails on console errors and failed requests."""
    contexts, problems = [], []

    def open_page(path, **context_options):
        context = browser.new_context(**{"viewport": {"width": 390, "height": 844}, **context_options})
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
        page.on(
            "response",
            lambda response: response.status >= 400 and problems.append(f"{response.status}: {response.url}"),
        )
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert problems == []


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run()).violations")
    return [(v["id"], v["help"], [node["target"] for node in v["nodes"]]) for v in violations]
