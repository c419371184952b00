"""The caches every process shares (ops/cache_backends.py and the settings that choose them): real
processes counting at once, and the settings read as production reads them."""

import json
import runpy
import subprocess

from bench.stack import PYTHON, ROOT


def test_the_shared_cache_counts_across_processes(tmp_path):
    """django-ratelimit's add-then-incr from several processes at once: no count lost, and the
    count keeps its expiry (the window), as with Redis."""
    script = f"""
import django
from django.conf import settings
settings.configure(CACHES={{"default": {{"BACKEND": "ops.cache_backends.SharedFileCache",
                                         "LOCATION": {str(tmp_path)!r}}}}})
django.setup()
from django.core.cache import cache
for _ in range(50):
    if not cache.add("count", 1, 600):
        cache.incr("count")
"""
    processes = [subprocess.Popen([PYTHON, "-c", script], cwd=ROOT) for _ in range(4)]
    assert all(process.wait(timeout=60) == 0 for process in processes)
    check = f"""
import django, json, pickle, time
from django.conf import settings
settings.configure(CACHES={{"default": {{"BACKEND": "ops.cache_backends.SharedFileCache",
                                         "LOCATION": {str(tmp_path)!r}}}}})
django.setup()
from django.core.cache import cache
with open(cache._key_to_file("count"), "rb") as f:
    expiry = pickle.load(f)
print(json.dumps([cache.get("count"), expiry - time.time()]))
"""
    count, seconds_left = json.loads(subprocess.run([PYTHON, "-c", check], cwd=ROOT, capture_output=True).stdout)
    assert count == 200
    assert 500 < seconds_left <= 600


def test_settings_share_every_cache_between_processes(monkeypatch):
    """No cache of the settings lives in one process's memory (portal/settings/base.py, which
    production and development take as it is); without Redis, each database has its own folder,
    so that two sites on one machine never mix."""

    def caches(**env):
        for name in ("REDIS_URL", "DATABASE_URL"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("CACHE_DIR", "/srv/portal/cache")
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        values = runpy.run_path(str(ROOT / "portal" / "settings" / "base.py"))
        assert set(values["CACHES"]) == {"default", "renditions", "pages"}
        assert values["RATELIMIT_USE_CACHE"] == "default"
        return values["CACHES"]

    embedded = caches()
    assert {alias: cache["BACKEND"] for alias, cache in embedded.items()} == {
        "default": "ops.cache_backends.SharedFileCache",
        "pages": "ops.cache_backends.SharedFileCache",
        # Written once per rendition, not at every use.
        "renditions": "ops.cache_backends.WriteOnceFileCache",
    }
    folders = {cache["LOCATION"] for cache in embedded.values()}
    assert len(folders) == 3 and all(folder.startswith("/srv/portal/cache/") for folder in folders)
    other = caches(DATABASE_URL="sqlite:////srv/other/db.sqlite3")
    assert not folders & {cache["LOCATION"] for cache in other.values()}
    redis = caches(REDIS_URL="redis://127.0.0.1:6379/0")
    assert {cache["BACKEND"] for cache in redis.values()} == {"django_redis.cache.RedisCache"}
