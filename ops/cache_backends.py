"""The embedded default cache (no REDIS_URL): Django's file cache in a folder every process of the
machine shares (gunicorn's workers, `manage.py publish_scheduled` run by cron, an import command),
so that a purge or a count made by one is seen by all at once.

Django's FileBasedCache writes each entry to a temporary file and renames it into place, so a
reader sees the old entry or the new one, never half of one. What it lacks, added here:
- `add` and `incr` atomic across processes (one lock file per folder), and `incr` keeping the
  entry's expiry (Django's sets the default timeout again): django-ratelimit counts the contact
  form's messages with `add` then `incr`, and the page cache makes its first generation with `add`;
- the number of entries counted once every CULL_EVERY writes of a process rather than at every
  write: listing a folder of 10,000 entries takes 20-40 ms;
- a folder that cannot be used (not writable, the disk full, gone) costs no page: every read misses
  and every write is dropped, as django-redis does with IGNORE_EXCEPTIONS when Redis is down
  (settings/base.py), with a warning in the log at most once a minute per process."""

import contextlib
import functools
import logging
import os
import pickle
import tempfile
import time
import zlib

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks
from django.core.files.move import file_move_safe

LOCK_NAME = "lock"
WARN_EVERY_SECONDS = 60

logger = logging.getLogger(__name__)


def tolerant(failed):
    """The operation, giving `failed(arguments)` instead of an OSError of the file system."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OSError as error:
                self._warn(method.__name__, error)
                return failed(*args, **kwargs)

        return wrapper

    return decorator


def _default(key, default=None, version=None):
    return default


class SharedFileCache(FileBasedCache):
    def __init__(self, dir, params):
        options = params.get("OPTIONS", {})
        self._cull_every = int(options.get("CULL_EVERY", 100))
        self._writes = 0
        self._warned_at = None
        try:
            super().__init__(dir, params)  # makes the folder, last
        except OSError as error:
            self._warn("making the folder", error)  # tried again before each write

    def _warn(self, operation, error):
        now = time.monotonic()
        if self._warned_at is None or now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            message = "Cache folder %s cannot be used (%s: %s); pages are rendered without it"
            logger.warning(message, self._dir, operation, error)

    get = tolerant(_default)(FileBasedCache.get)
    set = tolerant(lambda *args, **kwargs: None)(FileBasedCache.set)
    touch = tolerant(lambda *args, **kwargs: False)(FileBasedCache.touch)
    delete = tolerant(lambda *args, **kwargs: False)(FileBasedCache.delete)
    has_key = tolerant(lambda *args, **kwargs: False)(FileBasedCache.has_key)
    clear = tolerant(lambda *args, **kwargs: None)(FileBasedCache.clear)

    @contextlib.contextmanager
    def _locked(self):
        self._createdir()
        with open(os.path.join(self._dir, LOCK_NAME), "ab") as handle:
            locks.lock(handle, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(handle)

    @tolerant(lambda *args, **kwargs: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    # None, as django-redis answers when Redis is down: django-ratelimit then does not limit.
    @tolerant(lambda *args, **kwargs: None)
    def incr(self, key, delta=1, version=None):
        fname = self._key_to_file(key, version)
        with self._locked():
            try:
                with open(fname, "rb") as f:
                    if self._is_expired(f):
                        raise ValueError(f"Key '{key}' not found")
                    f.seek(0)
                    expiry = pickle.load(f)
                    value = pickle.loads(zlib.decompress(f.read()))
            except FileNotFoundError:
                raise ValueError(f"Key '{key}' not found") from None
            value += delta
            self._write(fname, expiry, value)
            return value

    def _write(self, fname, expiry, value):
        fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        renamed = False
        try:
            with open(fd, "wb") as f:
                f.write(pickle.dumps(expiry, self.pickle_protocol))
                f.write(zlib.compress(pickle.dumps(value, self.pickle_protocol)))
            file_move_safe(tmp_path, fname, allow_overwrite=True)
            renamed = True
        finally:
            if not renamed:
                os.remove(tmp_path)

    def _cull(self):
        self._writes += 1
        if self._writes % self._cull_every == 1 or self._cull_every <= 1:
            super()._cull()


class WriteOnceFileCache(SharedFileCache):
    """For entries that never change once made: image renditions, whose key names the image, its
    focal point and the size (another photo or focal point is another key, and Wagtail deletes a
    rendition's entry with it). Wagtail writes each rendition back at every use, which here is a
    file written and renamed for each image of every page rendered; once is enough."""

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not self.has_key(key, version=version):
            super().set(key, value, timeout, version)
