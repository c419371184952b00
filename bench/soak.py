#!/usr/bin/env python
"""A soak of the production shape: Debian's nginx with the project's site (deploy/nginx.conf, with a
self-signed certificate), gunicorn with the production settings, PostgreSQL and Redis, the demo
site. CLIENTS visitors for SECONDS over every page type in both languages, search, feeds, OAI-PMH,
the stylesheet and the contact form (read and sent), while a moderator in Chromium publishes the
home page through the admin every 30 seconds. Counts errors, pages still old after a
publish, and each gunicorn worker's memory; writes the figures into docs/performance.md ("Soak").

    make soak        (or: .venv/bin/python bench/soak.py [--seconds 180] [--clients 20])

PostgreSQL: a database of its own ("portal_soak") on DATABASE_URL's server, else the local one;
Redis: a redis-server of its own. Both are removed at the end."""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright
from proxy import HOST, Visitor, nginx, nginx_site
from stack import PYTHON, ROOT, Stack, free_port, postgres_database, redis_server

DOC = ROOT / "docs" / "performance.md"
HEADING = "## Soak: nginx, gunicorn, PostgreSQL and Redis under mixed traffic"
PUBLISH_EVERY = 30  # seconds
WORKERS = 3
PASSWORD = "soak-moderator-Pw-2026"
MODERATOR = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from home.models import HomePage
moderator = get_user_model().objects.create_user("moderator-soak", "moderator@example.id", {PASSWORD!r})
moderator.groups.add(Group.objects.get(name="Moderators"))
print(HomePage.objects.get(locale__language_code="id").pk)
"""
PATHS = """
import json
from wagtail.models import Page
urls = {}
for page in Page.objects.live().public().exclude(depth=1).specific().order_by("path"):
    urls.setdefault(f"{type(page).__name__} {page.locale.language_code}", page.url)
print(json.dumps(sorted(urls.values())))
"""


# -- the servers ------------------------------------------------------------------------------


def worker_memory(log):
    """{pid: resident MB} of the gunicorn workers alive now (their pids from the log)."""
    memory = {}
    for pid in re.findall(r"Booting worker with pid: (\d+)", log.read_text()):
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{pid}/status").read_text()
            memory[int(pid)] = int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024
    return memory


def shell(stack, code):
    command = [PYTHON, "manage.py", "shell", "--no-imports", "--verbosity", "0", "-c", code]
    return subprocess.run(command, cwd=ROOT, env=stack.env, check=True, capture_output=True, text=True).stdout


# -- the visitors -----------------------------------------------------------------------------


def form_fields(page):
    """What a person fills in on the contact form: every field the editors chose, answered."""
    form = next(form for form in re.findall(r"<form.*?</form>", page, re.S) if "csrfmiddlewaretoken" in form)
    fields = {}
    for tag, name in re.findall(r"<(input|textarea|select)\b[^>]*\bname=\"([^\"]+)\"", form):
        if tag == "textarea":
            fields[name] = "Apakah perpustakaan buka pada hari Minggu?"
        elif tag == "select":
            option = re.search(rf'name="{re.escape(name)}".*?<option value="([^"]+)"', form, re.S)
            fields[name] = option[1] if option else ""
        else:
            value = re.search(rf'name="{re.escape(name)}"[^>]*value="([^"]*)"', form)
            kind = re.search(rf'<input[^>]*type="([a-z]+)"[^>]*name="{re.escape(name)}"', form)
            filled = {"email": "pengunjung@example.id", "tel": "081234567890"}.get(kind[1] if kind else "", "Siti")
            fields[name] = value[1] if value else filled
    fields["your-website"] = ""  # the honeypot stays empty, as people leave it
    return fields


def contact_message(visitor, path):
    """Opens the contact form, waits as a person writing does, and sends it: "sent", "limited" (the
    limit per address answered 429) or the status of another answer."""
    status, content = visitor.request("GET", path)
    if status != 200:
        return status
    fields = form_fields(content.decode())
    time.sleep(3.5)  # the form refuses messages sent within 3 seconds of opening it
    status, content = visitor.request("POST", path, fields)
    if status == 429:
        return "limited"
    return "sent" if status == 200 and b"Terima kasih" in content else status


def visit(port, paths, contact_path, until, results, lock):
    visitor = Visitor(port)
    statuses, latencies = Counter(), []
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            if random.random() < 0.01:
                statuses[("contact", contact_message(visitor, contact_path))] += 1
                continue
            statuses[("page", visitor.request("GET", random.choice(paths))[0])] += 1
            latencies.append(time.monotonic() - started)
        except (OSError, http.client.HTTPException) as error:
            statuses[("error", type(error).__name__)] += 1
    with lock:
        results["statuses"].update(statuses)
        results["latencies"].extend(latencies)


def publish_now_and_then(port, home_id, until, results):
    """A moderator signed in to the admin in Chromium, through nginx, publishes the home page with a
    new welcome heading every PUBLISH_EVERY seconds; then the page is read ten times: each answer
    that still shows the old heading is a stale page."""
    checker = Visitor(port)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", f"--host-resolver-rules=MAP {HOST} 127.0.0.1"],
        )
        page = browser.new_context(ignore_https_errors=True, locale="id-ID").new_page()
        admin = f"https://{HOST}:{port}/admin/"
        page.goto(f"{admin}login/")
        page.fill("#id_username", "moderator-soak")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(admin)
        number = 0
        while time.monotonic() + PUBLISH_EVERY < until:
            time.sleep(PUBLISH_EVERY)
            number += 1
            title = f"Selamat datang (terbitan {number})"
            page.goto(f"{admin}pages/{home_id}/edit/")
            page.fill("#id_welcome_title", title)
            page.get_by_role("button", name="Tindakan lain").click()
            page.locator("button[name=action-publish]").click()
            page.wait_for_url(f"{admin}pages/*/")
            results["publishes"] += 1
            for _ in range(10):
                status, content = checker.request("GET", "/id/")
                if status != 200 or title.encode() not in content:
                    results["stale"] += 1
        browser.close()


# -- the run ----------------------------------------------------------------------------------


def section(figures):
    lines = [
        HEADING,
        "",
        f"`make soak`, {figures['date']}, {figures['seconds']} s, {figures['clients']} clients over HTTPS through "
        f"nginx {figures['nginx']}, gunicorn with {WORKERS} workers, PostgreSQL and Redis, the demo site. Each "
        "client asks for pages of every type in both languages, search, feeds, OAI-PMH and the stylesheet "
        "at random, and now and then reads the contact form and sends it; a moderator in Chromium publishes "
        f"the home page through the admin every {PUBLISH_EVERY} s, and it is then read ten times.",
        "",
        "| | |",
        "| --- | ---: |",
        f"| requests | {figures['requests']:,} ({figures['rate']:.0f}/s) |",
        f"| p50 / p99 latency | {figures['p50']:.0f} / {figures['p99']:.0f} ms |",
        f"| answers 5xx or no answer | {figures['errors']} |",
        f"| contact messages sent / refused by the limit (5 per address in 10 minutes) | "
        f"{figures['contact_sent']} / {figures['contact_limited']} |",
        f"| publishes / old pages read after them | {figures['publishes']} / {figures['stale']} |",
        f"| worker memory at the start and the end (MB) | {figures['memory']} |",
        "",
    ]
    return "\n".join(lines)


def write_section(text):
    """docs/performance.md with this section in place of the last one (bench/run.py keeps it)."""
    doc = DOC.read_text()
    doc = re.sub(rf"{re.escape(HEADING)}\n.*?(?=\n## |\Z)", "", doc, flags=re.S).rstrip() + "\n"
    marker = "\n## Reproduce"
    doc = doc.replace(marker, f"\n{text}{marker}", 1) if marker in doc else f"{doc}\n{text}"
    DOC.write_text(doc)


def kept_section():
    """The soak's section of docs/performance.md, for bench/run.py to keep when it rewrites the page."""
    found = re.search(rf"{re.escape(HEADING)}\n.*?(?=\n## |\Z)", DOC.read_text(), flags=re.S) if DOC.exists() else None
    return found[0].rstrip() + "\n" if found else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--clients", type=int, default=20)
    options = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        server_url = "postgres://postgres@127.0.0.1:5432/postgres"
    stack = Stack("soak")
    https_port = free_port()
    try:
        with postgres_database(server_url, "portal_soak") as database_url, redis_server() as redis_url:
            stack.env.update(
                {
                    "DATABASE_URL": database_url,
                    "REDIS_URL": redis_url,
                    "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
                    # The browser's Origin names the port; nginx's Host does not.
                    "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{https_port}",
                    "SECURE_SSL_REDIRECT": "true",
                    "SECURE_COOKIES": "true",
                    "SERVE_MEDIA": "false",
                    "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP",
                    "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
                    "GUNICORN_MAX_REQUESTS": "1000000",  # no worker replaced: its memory is watched
                    "XDG_RUNTIME_DIR": str(stack.folder),
                }
            )
            stack.build()
            with stack.serve(workers=WORKERS) as upstream:
                config = nginx_site(stack.folder, upstream, stack.folder / "media", free_port(), https_port)
                with nginx(config):
                    run(stack, https_port, options)
    finally:
        stack.remove()


def run(stack, port, options):
    pages = json.loads(shell(stack, PATHS))
    home_id = int(shell(stack, MODERATOR))
    contact_path = next(path for path in pages if path.startswith("/id/kontak"))
    home = Visitor(port).request("GET", "/id/")[1].decode(errors="replace")
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home)[1]
    paths = [*pages, "/id/cari/?q=perpustakaan", "/en/search/?q=library", "/id/cari/?q=batik+madura"]
    paths += ["/id/berita/feed/", "/en/news/feed/", "/oai/?verb=ListRecords&metadataPrefix=oai_dc", stylesheet]
    for path in paths:  # warm: renditions drawn, caches filled, as after a deploy
        Visitor(port).request("GET", path)
    log = stack.folder / "gunicorn.log"
    memory_before = worker_memory(log)
    results = {"statuses": Counter(), "latencies": [], "publishes": 0, "stale": 0}
    lock = threading.Lock()
    until = time.monotonic() + options.seconds
    threads = [
        threading.Thread(target=visit, args=(port, paths, contact_path, until, results, lock))
        for _ in range(options.clients)
    ]
    threads.append(threading.Thread(target=publish_now_and_then, args=(port, home_id, until, results)))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    memory_after = worker_memory(log)
    statuses = results["statuses"]
    latencies = sorted(results["latencies"])
    requests = sum(statuses.values())
    version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1]
    figures = {
        "date": datetime.date.today().isoformat(),
        "seconds": options.seconds,
        "clients": options.clients,
        "nginx": version,
        "requests": requests,
        "rate": requests / elapsed,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
        "errors": sum(n for (kind, status), n in statuses.items() if kind == "error" or str(status)[0] == "5"),
        "contact_sent": statuses[("contact", "sent")],
        "contact_limited": statuses[("contact", "limited")],
        "publishes": results["publishes"],
        "stale": results["stale"],
        "memory": ", ".join(
            f"{memory_before[pid]:.0f} → {memory_after.get(pid, 0):.0f}" for pid in sorted(memory_before)
        ),
    }
    unexpected = {key: n for key, n in statuses.items() if key[0] != "error" and key[1] not in (200, "sent", "limited")}
    print(json.dumps({**figures, "statuses": {f"{k[0]} {k[1]}": n for k, n in statuses.items()}}, indent=1))
    if unexpected:
        print(f"unexpected answers: {unexpected}", file=sys.stderr)
    write_section(section(figures))
    print(f"written to {DOC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
