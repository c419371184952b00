"""What the browser tests share besides fixtures: staff accounts, the axe-core check, page weights."""

from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Bytes per page type on a phone, filled by the quality gates and printed at the end of the run.
PAGE_WEIGHTS = {}

STAFF_PASSWORD = "kata-sandi-staf-2026"


def staff_member(username, group):
    """A member of `group` (Editors, Moderators) who works in the Indonesian admin, made the first
    time it is asked for."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username, f"{username}@perpustakaan.example", STAFF_PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "id"
        profile.save()
    return user


# No animation running but endless ones (spinners). A function, not an expression: the site's
# Content-Security-Policy forbids the eval() Playwright would need for an expression.
SETTLED = """() => document.getAnimations().every(
    (animation) => animation.playState !== "running" || animation.effect.getTiming().iterations === Infinity
)"""


def axe_violations(page):
    # Evaluated by the driver rather than added as a <script>: the site's Content-Security-Policy
    # refuses inline scripts, and must stay on while the browser tests run.
    # Wagtail's messages fade in: half-way, their colours would fail the contrast check.
    page.wait_for_function(SETTLED)
    page.evaluate(AXE.read_text() + "\n;0")
    violations = page.evaluate("async () => (await axe.run()).violations")
    return [(v["id"], v["help"], [node["target"] for node in v["nodes"]]) for v in violations]


def assert_accessible(page, *label):
    """No axe-core violation and no sideways scrolling (the phone width must fit)."""
    assert axe_violations(page) == [], label
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth"), label


def footer_action(page, name):
    """A save action from the editor's footer, opening its menu when the action sits there."""
    button = page.locator(f"footer button[name={name}]")
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    button.click()


def saved(page, url):
    """Waits for the admin to go on to `url` after a save; if the form stays, fails with what it says."""
    try:
        page.wait_for_url(url)
    except PlaywrightTimeoutError:
        errors = page.locator(".w-field__errors, .error-message, .messages .error, .help-critical").all_inner_texts()
        raise AssertionError(f"not saved, the form says: {errors or 'nothing'} ({page.url})") from None
