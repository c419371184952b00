"""/healthz for monitoring and load balancers: can this app server reach its database and cache?"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache():
    # django-redis drops the errors of a Redis that is down (IGNORE_EXCEPTIONS, settings/base.py):
    # ask Redis itself first, so that the log says why.
    client = getattr(cache, "client", None)
    if hasattr(client, "get_client"):
        client.get_client(write=True).ping()
    # A key of its own: app servers sharing one Redis check at the same time.
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


# Changes nothing and answers GET and HEAD only: no CSRF check, so a POST gets 405, not 403.
@csrf_exempt
@require_safe
@never_cache
def healthz(request):
    """{"database": "ok", "cache": "ok"} with 200, or 503 naming the failing part "error". The reason
    goes to the log, never to the response."""
    results = {}
    for name, check in CHECKS.items():
        try:
            passed = check()
        except Exception:
            logger.exception("Health check failed: %s", name)
            passed = False
        else:
            if not passed:
                logger.error("Health check failed: %s gave a wrong answer", name)
        results[name] = "ok" if passed else "error"
    status = 200 if all(result == "ok" for result in results.values()) else 503
    return JsonResponse(results, status=status)
