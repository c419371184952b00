"""Screenshots for the editor's guide (docs/editor-guide.id.md and .en.md), from a running demo site.

It logs in as the demo editor and moderator, does in the Indonesian admin what the guide
describes and saves each screen at 1280x800 as WebP in docs/editor-guide/ (stable names, about
1.1 MB in all). On the way it changes the site as a member of staff would: it uploads three
photos, writes a news item, has it reviewed, sent back and approved, translates it, builds an
album and makes a preview link. So never point it at a real site. The simplest is to let it build
a throwaway demo site of its own, serve it, use it and stop it (two or three minutes of setup):

    .venv/bin/python docs/screenshots.py --demo-site /tmp/guide-site

Or against a fresh demo site you run yourself (`make run` in a copy), with the passwords of the
demo accounts from EDITOR_PASSWORD and MODERATOR_PASSWORD or from the JSON file that
`manage.py ensure_accounts --demo` writes (.passwords):

    .venv/bin/python docs/screenshots.py --base-url http://127.0.0.1:8000 --passwords .passwords

A site that already holds the news item is refused. Chromium is Debian's /usr/bin/chromium.
The steps of the walk are in docs/guide_steps.py, the moves through the admin they are made of in
docs/guide_browser.py.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.request import urlopen

import guide_steps as steps
from guide_browser import Guide
from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
PROJECT = DOCS.parent
PASSWORD_FILE = PROJECT / ".passwords"


def run(guide, editor_pw, moderator_pw, editor_name, moderator_name):
    """The walk through the admin, in the order the guide tells it: each step leaves the site in the
    state the next one needs."""
    editor = guide.session(editor_name, editor_pw)
    guide.go(editor, "/admin/pages/search/?q=" + steps.NEWS_TITLE.replace(" ", "+"))
    if editor.locator("main a", has_text=steps.NEWS_TITLE).count():
        sys.exit(f"“{steps.NEWS_TITLE}” exists already: run this on a fresh demo site (see the module's docstring).")
    with tempfile.TemporaryDirectory() as folder:
        steps.upload_photos(guide, editor, Path(folder))
    news = steps.write_news(guide, editor)
    steps.preview_and_checks(guide, editor, news)
    steps.fix_heading(guide, editor, news)
    steps.submit_for_review(guide, editor, news)
    guide.go(editor, "/admin/")
    guide.shot(editor, "dashboard-editor")
    moderator = guide.session(moderator_name, moderator_pw)
    steps.moderator_requests_changes(guide, moderator, news)
    steps.editor_revises(guide, editor, news)
    steps.moderator_approves(guide, moderator, news)
    steps.history(guide, editor, news)
    gallery = steps.album(guide, editor)
    steps.preview_link(guide, editor, gallery)
    english = steps.translate(guide, editor, news)
    # The English version is approved like any page.
    steps.moderator_approves(guide, moderator, english, shot="translation-publish")
    steps.moderator_changes_indonesian(guide, moderator, news)
    steps.translation_status(guide, editor)
    steps.programme(guide, editor)
    steps.collection_item(guide, editor)
    # Last, as the dialog's date is saved with the draft at once: the schedule of the news item.
    steps.schedule(guide, editor, news)


def password(env, saved, username):
    value = os.environ.get(env) or saved.get(username)
    if not value:
        sys.exit(f"No password for {username}: set {env} or give --passwords (the .passwords file).")
    return value


@contextmanager
def demo_site(folder, port):
    """Builds a throwaway demo site in `folder` (database, media, server log) and serves it on
    `port` until the block ends. Yields its address and the demo accounts' passwords."""
    if (folder / "db.sqlite3").exists():
        sys.exit(f"{folder} holds a site already: remove the folder or choose another one.")
    folder.mkdir(parents=True, exist_ok=True)
    base_url = f"http://127.0.0.1:{port}"
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{folder.resolve() / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder.resolve() / "media"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "WAGTAILADMIN_BASE_URL": base_url,
    }
    manage = [sys.executable, str(PROJECT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo_content", "--if-empty"]):
        print("manage.py", *command)
        subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
    # ensure_accounts keeps the passwords it makes in the project's .passwords: leave that file
    # as it was (it belongs to the developer's own site) and read them from the output instead.
    kept = (PASSWORD_FILE.read_bytes(), PASSWORD_FILE.stat()) if PASSWORD_FILE.exists() else None
    try:
        output = subprocess.run(
            manage + ["ensure_accounts", "--demo"], env=env, check=True, capture_output=True, text=True
        ).stdout
    finally:
        if kept is None:
            PASSWORD_FILE.unlink(missing_ok=True)
        elif PASSWORD_FILE.read_bytes() != kept[0]:
            PASSWORD_FILE.write_bytes(kept[0])
            os.utime(PASSWORD_FILE, ns=(kept[1].st_atime_ns, kept[1].st_mtime_ns))
    passwords = dict(re.findall(r"user (\S+)\s+password (\S+)", output))
    with (folder / "server.log").open("w") as log:
        server = subprocess.Popen(
            manage + ["runserver", f"127.0.0.1:{port}", "--noreload"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_for(base_url + "/admin/login/", server)
            yield base_url, passwords
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_for(url, server, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("The demo site's server stopped; see server.log in its folder.")
        try:
            with urlopen(url, timeout=10):
                return
        except OSError:
            time.sleep(2)
    sys.exit(f"{url} did not answer within {seconds} s.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default=os.environ.get("GUIDE_BASE_URL", "http://127.0.0.1:8000"))
    parser.add_argument(
        "--demo-site",
        type=Path,
        metavar="FOLDER",
        help="build a fresh demo site in FOLDER, serve it on --port and use it (instead of --base-url)",
    )
    parser.add_argument("--port", type=int, default=8010, help="port of the --demo-site server")
    parser.add_argument("--editor", default="editor", help="user name of a member of Editors")
    parser.add_argument("--moderator", default="moderator", help="user name of a member of Moderators")
    parser.add_argument("--passwords", type=Path, default=PASSWORD_FILE, help="JSON file of passwords")
    parser.add_argument("--out", type=Path, default=DOCS / "editor-guide")
    parser.add_argument("--png", type=Path, help="also keep PNG copies here, to look at them")
    args = parser.parse_args()
    with ExitStack() as stack:
        if args.demo_site:
            base_url, saved = stack.enter_context(demo_site(args.demo_site, args.port))
        else:
            base_url = args.base_url
            saved = json.loads(args.passwords.read_text()) if args.passwords.exists() else {}
        editor_pw = password("EDITOR_PASSWORD", saved, args.editor)
        moderator_pw = password("MODERATOR_PASSWORD", saved, args.moderator)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            guide = Guide(browser, base_url, args.out, args.png)
            try:
                run(guide, editor_pw, moderator_pw, args.editor, args.moderator)
            finally:
                browser.close()
    total = sum(path.stat().st_size for path in guide.taken)
    print(f"{len(guide.taken)} screenshots, {total // 1024} KB in all")


if __name__ == "__main__":
    main()
