#!/usr/bin/env python
"""Lighthouse (mobile profile) on the home, news, album, programme and collection pages of the demo
site under gunicorn with the production settings, in Debian's Chromium. Fails when a score is under
the budgets of DESIGN.md. The reports are kept as HTML in reports/lighthouse/.

    make audit        (or: .venv/bin/python bench/audit.py)
"""

import json
import os
import subprocess
import sys
import urllib.request

from stack import ROOT, Stack

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "reports" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# DESIGN.md's budgets, as Lighthouse scores them (0-100).
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = {
    "home": "HomePage",
    "news": "NewsPage",
    "album": "GalleryPage",
    "programme": "ProgrammePage",
    "collection": "CollectionIndexPage",
}


def lighthouse(url, name, attempts=4):
    """Scores by category for one page; writes its HTML and JSON reports. Chromium sometimes loses
    the trace of a load (NO_NAVSTART), and Lighthouse then asks to be run again: so it is."""
    output = REPORTS / name
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--only-categories={','.join(BUDGETS)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        "--output=html",
        "--output=json",
        f"--output-path={output}",
    ]
    for attempt in range(1, attempts + 1):
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if run.returncode == 0:
            break
        print(f"Lighthouse failed on {url} (attempt {attempt} of {attempts})", file=sys.stderr)
    else:
        raise SystemExit(f"Lighthouse could not audit {url}")
    report = json.loads(output.with_suffix(".report.json").read_text())
    return {key: round(category["score"] * 100) for key, category in report["categories"].items()}


def main():
    REPORTS.mkdir(parents=True, exist_ok=True)
    stack = Stack("audit").build()
    failures = []
    try:
        first = stack.first_pages()
        with stack.serve() as base:
            rows = []
            for lang in ("id", "en"):
                for name, page_type in PAGES.items():
                    path = first[f"{page_type} {lang}"]
                    # A published page's first visitor draws its image renditions: not what is measured.
                    urllib.request.urlopen(base + path, timeout=60).close()
                    scores = lighthouse(base + path, f"{name}-{lang}")
                    rows.append((f"{name} ({lang})", path, scores))
                    failures += [
                        f"{name} ({lang}) {key} {scores[key]} < {low}"
                        for key, low in BUDGETS.items()
                        if scores[key] < low
                    ]
    finally:
        stack.remove()

    print(f"\nLighthouse, mobile profile (budgets: {', '.join(f'{k} ≥ {v}' for k, v in BUDGETS.items())})")
    print(f"{'page':<18}" + "".join(f"{key:>16}" for key in BUDGETS) + "  path")
    for label, path, scores in rows:
        print(f"{label:<18}" + "".join(f"{scores[key]:>16}" for key in BUDGETS) + f"  {path}")
    print(f"reports: {REPORTS.relative_to(ROOT)}/*.report.html")
    if failures:
        sys.exit("under budget: " + "; ".join(failures))


if __name__ == "__main__":
    main()
