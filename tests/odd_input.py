"""Addresses that are no page, in the odd shapes scanners and broken links send: each is a 404 at
once in the visitor's language, through Django (tests/portal/test_bad_input_error_pages.py) and
through nginx (tests/ops/test_behind_nginx.py)."""

ODD_PATHS = {
    "unknown": "/anything-unknown/",
    "unknown without slash": "/anything-unknown",
    "4,000 characters": "/" + "a" * 4000 + "/",
    "4,000 characters without slash": "/" + "a" * 4000,
    "many segments": "/" + "a/" * 2000,
    "nul": "/%00/",
    "nul inside": "/berita%00/",
    "ff": "/%ff/",
    "invalid utf-8": "/%c3%28/",
    "cut utf-8": "/%e2%82/",
    "surrogate": "/%ed%a0%80/",
    "crlf": "/%0d%0aLocation:%20http://example.com/",
    "wordpress": "/wp-login.php",
}
