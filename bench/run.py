#!/usr/bin/env python
"""The site's speed: the demo site under gunicorn with the production settings (2 workers), loaded by
wrk from another process on loopback, with the page cache on and off; then the same listings at 100
and at 10,000 items. Prints the tables and writes docs/performance.md.

    make bench        (or: .venv/bin/python bench/run.py [--seconds 10] [--no-growth])
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from urllib.request import urlopen

from soak import kept_section
from stack import PYTHON, ROOT, Stack

DOC = ROOT / "docs" / "performance.md"
CONNECTIONS = 4  # two per worker: each worker always has the next request waiting
GROWTH = [(100, 100, 100), (10_000, 5_000, 2_000)]  # news items, collection items, images
GROWTH_PAGES = ["news index", "collection facets", "search", "OAI ListRecords"]


def bench_paths(first):
    return {
        "home": first["HomePage id"],
        "news index": first["NewsIndexPage id"],
        "news page": first["NewsPage id"],
        "album": first["GalleryPage id"],
        "programme": first["ProgrammePage id"],
        "collection facets": first["CollectionIndexPage id"] + "?type=Text&sort=date",
        "search": "/id/cari/?q=perpustakaan",
        "RSS": first["NewsIndexPage id"] + "feed/",
        "OAI ListRecords": "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
    }


def static_path(base, home):
    """The site's stylesheet under its hashed name, as the home page links it."""
    with urlopen(base + home, timeout=30) as response:
        return re.search(r'href="(/static/[^"]+\.css)"', response.read().decode()).group(1)


def wrk(url, seconds):
    """Requests per second and the 50th and 99th percentile latency in ms."""
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{url}: some answers were not 2xx/3xx\n{out}")
    latency = {p: to_ms(value) for p, value in re.findall(r"\b(50|99)\.?0*%\s+([\d.]+(?:us|ms|s|m))\b", out)}
    if len(latency) != 2:
        raise SystemExit(f"{url}: no latency distribution in wrk's output\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency["50"],
        "p99": latency["99"],
    }


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def measure(stack, paths):
    """Queries and HTML bytes per path, rendered in-process without the page cache."""
    env = {**stack.env, "PAGE_CACHE_SECONDS": "0"}
    out = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "measure.py"), *paths], cwd=ROOT, env=env, check=True, capture_output=True
    )
    results = json.loads(out.stdout)
    bad = {path: result["status"] for path, result in results.items() if result["status"] != 200}
    if bad:
        raise SystemExit(f"not 200: {bad}")
    return results


def load(stack, paths, seconds, page_cache):
    with stack.serve(page_cache=page_cache) as base:
        for path in paths.values():  # warm-up: renditions, the menu, the library's data
            urlopen(base + path, timeout=30).close()
        return {name: wrk(base + path, seconds) for name, path in paths.items()}


def main_table(paths, cached, uncached, counts):
    rows = [
        "| page | path | req/s cached | p50 ms | p99 ms | req/s uncached | p50 ms | p99 ms | SQL queries | HTML KB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path in paths.items():
        c, u, m = cached[name], uncached.get(name), counts.get(path)
        uncached_cells = f"{u['rps']:.0f} | {u['p50']:.1f} | {u['p99']:.1f}" if u else "– | – | –"
        measured = f"{m['queries']} | {m['bytes'] / 1000:.1f}" if m else "– | –"
        rows.append(
            f"| {name} | `{path}` | {c['rps']:.0f} | {c['p50']:.1f} | {c['p99']:.1f} | {uncached_cells} | {measured} |"
        )
    return rows


def growth_table(results):
    (small, large) = results
    rows = [
        f"| page | p50 ms at {small['label']} | p99 ms | queries | p50 ms at {large['label']} | p99 ms | queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in GROWTH_PAGES:
        a, b = small["load"][name], large["load"][name]
        qa, qb = small["counts"][name]["queries"], large["counts"][name]["queries"]
        rows.append(f"| {name} | {a['p50']:.1f} | {a['p99']:.1f} | {qa} | {b['p50']:.1f} | {b['p99']:.1f} | {qb} |")
    return rows


def machine():
    cpuinfo, meminfo = Path("/proc/cpuinfo").read_text(), Path("/proc/meminfo").read_text()
    cpu = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    cpu = cpu.group(1) if cpu else platform.processor()
    memory = int(re.search(r"^MemTotal:\s+(\d+)", meminfo, re.M).group(1)) // 1024**2
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[1]
    return [
        f"- CPU: {cpu}, {len(os.sched_getaffinity(0))} cores available; {memory} GiB of memory",
        f"- {platform.platform()}; Python {platform.python_version()}, Django {version('django')}, "
        f"Wagtail {version('wagtail')}, gunicorn {version('gunicorn')}, wrk {wrk_version}",
        f"- database: {'PostgreSQL' if os.environ.get('DATABASE_URL', '').startswith('postgres') else 'SQLite'}; "
        f"cache: {'Redis' if os.environ.get('REDIS_URL') else 'files shared by the workers'}",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="of load per page and mode (default 10)")
    parser.add_argument("--no-growth", action="store_true", help="skip the 100 versus 10,000 items run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (make bench installs it from Debian's packages)")

    stack = Stack("bench").build()
    try:
        paths = bench_paths(stack.first_pages())
        counts = measure(stack, paths.values())
        with stack.serve() as base:
            paths["static file (CSS)"] = static_path(base, paths["home"])
        print("loading the pages with the page cache on, then off ...", file=sys.stderr)
        cached = load(stack, paths, args.seconds, page_cache=True)
        static = paths.pop("static file (CSS)")
        uncached = load(stack, paths, args.seconds, page_cache=False)
        paths["static file (CSS)"] = static
        growth = [] if args.no_growth else grow(stack, paths, args.seconds)
    finally:
        stack.remove()

    main_rows = main_table(paths, cached, uncached, counts)
    growth_rows = growth_table(growth) if growth else []
    print("\n".join(["", *main_rows, "", *growth_rows]))
    write_doc(args, main_rows, growth_rows)


def grow(stack, paths, seconds):
    results = []
    pages = {name: paths[name] for name in GROWTH_PAGES}
    for news, items, images in GROWTH:
        print(f"growing the site to {news} news items, {items} collection items, {images} images ...", file=sys.stderr)
        stack.manage("grow_site", f"--news={news}", f"--items={items}", f"--images={images}")
        counts = measure(stack, pages.values())
        results.append(
            {
                "label": f"{news:,} news / {items:,} items",
                "counts": {name: counts[path] for name, path in pages.items()},
                "load": load(stack, pages, seconds, page_cache=False),
            }
        )
    return results


def write_doc(args, main_rows, growth_rows):
    today = datetime.date.today().isoformat()
    lines = [
        "# Performance",
        "",
        "Measured by `make bench` (`bench/run.py`): the demo site in a throwaway folder, served by gunicorn",
        "with the production settings and 2 workers, with static files by whitenoise; the load comes from",
        f"wrk in a separate process on loopback ({CONNECTIONS} connections, {args.seconds} s per page and mode).",
        '"Cached" is the anonymous page cache as in production; "uncached" turns it off',
        "(`PAGE_CACHE_SECONDS=0`), so every request renders its page, as after a publish. SQL queries and",
        "HTML bytes are from one uncached render in-process, after a first request has warmed the menu and the",
        "image renditions.",
        "",
        f"Run on {today}:",
        "",
        *machine(),
        "",
        "## Pages",
        "",
        *main_rows,
        "",
        "Search and OAI-PMH answers are not kept in the page cache (every query differs), so both of",
        "their columns measure a render. With the cache on, a page takes about a millisecond, and p99",
        "can reach a second: gunicorn's sync workers close every connection, and at over 3,000 new",
        "connections a second on loopback the client soon reuses ports the server still holds in",
        "TIME_WAIT, which most likely costs a one-second SYN retry now and then (it varies from run",
        "to run and never shows at the uncached rates).",
        "",
    ]
    if growth_rows:
        lines += [
            "## Growth: 100 versus 10,000 items",
            "",
            "`manage.py grow_site` fills the site (news items, collection items, images) in under a minute;",
            "the listings are then loaded uncached at each size. The SQL queries stay the same; the time",
            "that grows is counting and grouping all the items (pagination, facets, search counts).",
            "",
            *growth_rows,
            "",
        ]
    soak = kept_section()  # bench/soak.py's figures, measured apart
    lines += [
        *([soak] if soak else []),
        "## Reproduce",
        "",
        "```",
        "make bench                                  # this page (about 6 minutes)",
        ".venv/bin/python bench/run.py --seconds 5 --no-growth   # a quicker look",
        "make audit                                  # Lighthouse: reports/lighthouse/*.report.html",
        "make soak                                   # the soak above (about 5 minutes; installs nginx)",
        "```",
        "",
        "Page weight (HTML, CSS, JS, images per page type) is measured by the browser quality gates in",
        "`make test` (`tests/browser/test_quality_gates.py`), which print it at the end of the run.",
        "",
    ]
    DOC.write_text("\n".join(lines))
    print(f"\nwritten to {DOC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
