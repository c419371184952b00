"""Quality gates: every page type of the demo site, in both languages, at a phone's and a desktop's
width, in real Chromium: no console errors or failed requests, no axe-core violation, nothing wider
than the phone, alt text on every image, a visible keyboard focus, and the page weight held to the
budgets in DESIGN.md. The HTML of every page type goes through the Nu Html Checker in one run."""

import json
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from django.apps import apps

from wagtail.models import Page, get_page_models

from tests.browser.helpers import PAGE_WEIGHTS, axe_violations

# One page of each type; a test fails when a new page type is not listed here.
PAGE_TYPES = [
    "HomePage",
    "StandardPage",
    "VisitPage",
    "ContactPage",
    "NewsIndexPage",
    "NewsPage",
    "EventIndexPage",
    "EventPage",
    "GalleryIndexPage",
    "GalleryPage",
    "CollectionIndexPage",
    "CollectionItemPage",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "VillageLibraryIndexPage",
    "VillageLibraryPage",
]
# Views that are not pages of their own: routes, filtered listings, search results, the 404 page.
VIEWS = {
    "album photo": lambda urls, lang: urls["GalleryPage", lang] + "1/",
    "collection facets": lambda urls, lang: urls["CollectionIndexPage", lang] + "?type=Text&subject=batik",
    "search results": lambda urls, lang: {"id": "/id/cari/?q=perpustakaan", "en": "/en/search/?q=library"}[lang],
    "not found": lambda urls, lang: f"/{lang}/tidak-ada-halaman-ini/",
}
LANGUAGES = {"id": "id-ID", "en": "en-US"}
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}

# DESIGN.md: HTML under 60 KB uncompressed, CSS under 30 KB, JS under 15 KB. Images have no figure
# there (renditions in WebP with width and height, lazy below the fold); this one is ours: what a
# page loads on a phone before the visitor scrolls.
BUDGETS = {"html": 60_000, "css": 30_000, "js": 15_000, "images": 300_000}

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def demo_urls(site, django_db_blocker):
    """(label, language) -> path: the first live page of each type in each language, and the views."""
    urls = {}
    with django_db_blocker.unblock():
        for page in Page.objects.live().public().exclude(depth=1).specific().order_by("path"):
            urls.setdefault((type(page).__name__, page.locale.language_code), page.url)
    for label, view in VIEWS.items():
        for lang in LANGUAGES:
            urls[label, lang] = view(urls, lang)
    return urls


def test_every_page_type_is_gated():
    ours = {"home", "news", "gallery", "programmes", "local_content"}
    models = {model.__name__ for model in get_page_models() if apps.get_app_config(model._meta.app_label).name in ours}
    assert models == set(PAGE_TYPES)


LABELS = PAGE_TYPES + list(VIEWS)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("label", LABELS)
def test_page_passes_the_gates(open_page, demo_urls, label, lang, width):
    path = demo_urls[label, lang]
    status = 404 if label == "not found" else 200
    page = open_page(path, locale=LANGUAGES[lang], viewport=WIDTHS[width], status=status)
    assert page.evaluate("document.documentElement.lang") == lang

    assert axe_violations(page) == []
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth"), "wider than the window"
    assert page.locator("img:not([alt])").count() == 0, "an image without alt text"
    assert images_follow_the_rules(page) == []
    assert focus_is_visible(page) == []

    weight = page_weight(page)
    if width == "phone":
        PAGE_WEIGHTS[label, lang] = weight
    assert {kind: size for kind, size in weight.items() if size > BUDGETS[kind]} == {}, weight


def images_follow_the_rules(page):
    """The images breaking DESIGN.md's rules: renditions in WebP with width and height, and lazy
    loading for the ones below the first screen."""
    return page.evaluate(
        """() => [...document.querySelectorAll('main img')].flatMap(img => {
            const problems = [];
            const file = new URL(img.currentSrc || img.src).pathname;
            if (!file.endsWith('.webp')) problems.push('not WebP');
            if (!img.getAttribute('width') || !img.getAttribute('height')) problems.push('no width/height');
            const below = img.getBoundingClientRect().top > window.innerHeight;
            if (below && img.loading !== 'lazy') problems.push('eager below the fold');
            return problems.map(problem => `${file}: ${problem}`);
        })"""
    )


def focus_is_visible(page, presses=8):
    """Tabs through the first controls of the page; each must show an outline when it has focus."""
    problems = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focus = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const box = el.getBoundingClientRect();
                return {
                    name: `${el.tagName}.${el.className} ${(el.textContent || '').trim().slice(0, 30)}`,
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                    shadow: style.boxShadow !== 'none',
                    shown: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
                };
            }"""
        )
        if focus is None:
            break
        if not (focus["outline"] or focus["shadow"]) or not focus["shown"]:
            problems.append(focus["name"])
    return problems


def page_weight(page):
    """Uncompressed bytes of the HTML and of the CSS, JS and images the page loaded."""
    return page.evaluate(
        """() => {
            const resources = performance.getEntriesByType('resource');
            const sum = test => resources.filter(test).reduce((total, r) => total + r.decodedBodySize, 0);
            const path = r => new URL(r.name).pathname;
            return {
                html: performance.getEntriesByType('navigation')[0].decodedBodySize,
                css: sum(r => path(r).endsWith('.css')),
                js: sum(r => path(r).endsWith('.js')),
                images: sum(r => /\\.(webp|avif|jpe?g|png|gif|svg|ico)$/.test(path(r))),
            };
        }"""
    )


@pytest.fixture(scope="session")
def html_errors(site, demo_urls, tmp_path_factory):
    """The Nu Html Checker's errors for the HTML of every page type, by (label, language)."""
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for (label, lang), path in demo_urls.items():
        request = urllib.request.Request(site + path, headers={"Accept-Language": lang})
        try:
            with urllib.request.urlopen(request) as response:
                html = response.read()
        except urllib.error.HTTPError as error:  # the 404 page
            html = error.read()
        file = folder / f"{label.replace(' ', '-')}-{lang}.html"
        file.write_bytes(html)
        files[str(file)] = (label, lang)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = {key: [] for key in files.values()}
    for message in json.loads(result.stderr)["messages"]:
        url = message.get("url", "").removeprefix("file:")
        errors[files[url]].append(f"{message.get('lastLine')}: {message['message']}")
    return errors


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("label", LABELS)
def test_html_is_valid(html_errors, label, lang):
    assert html_errors[label, lang] == []
