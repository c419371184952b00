"""Test suite: fast hashing, plain static storage, local memory cache, no network."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, STORAGES

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# Local memory, unless REDIS_URL is set (CI runs the suite once with Redis): then base's Redis
# caches, which the suite empties between tests, so give it a database of its own.
if REDIS_URL and os.environ.get("PYTEST_XDIST_WORKER"):
    # Each worker of a parallel run (pytest -n) empties a database of its own: 15, 14, ...
    database = 15 - int(os.environ["PYTEST_XDIST_WORKER"].removeprefix("gw"))
    for cache in CACHES.values():
        cache["LOCATION"] = urlsplit(REDIS_URL)._replace(path=f"/{database}").geturl()
elif not REDIS_URL:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"test-{alias}"}
        for alias in CACHES
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the app folders (no collectstatic before the suite).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
# Demo album photos are drawn small in tests; `make run` uses camera-sized ones.
DEMO_PHOTO_SIZE = (640, 480)
# Uploads and renditions go to a throwaway folder, the same for the whole run.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
# Sign-in throttling is off: Django's test client signs in without a request, which django-axes
# refuses. tests/ops/test_security.py turns it on for the tests of throttling.
AXES_ENABLED = False
# Transactional tests that reload the migrations' data (serialized_rollback) would load
# wagtail-localize's locale synchronisation before the locales it names (apps are read in
# INSTALLED_APPS order), and its save signal would fail on them: those tests run without it.
TEST_NON_SERIALIZED_APPS = ["wagtail_localize"]
