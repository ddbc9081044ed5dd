"""/health/ for a load balancer: 200 when the database and the cache answer, 503 when not.

A view of our own rather than django-health-check: two checks are all the site has, and that
package's JSON names each backend and its error, which a public address should not reveal.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("operations.health")


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    key, value = "health-check", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    return cache.get(key) == value


CHECKS = {"database": database_answers, "cache": cache_answers}


@require_safe
@never_cache
def health(request):
    failed = []
    for name, check in CHECKS.items():
        try:
            healthy = check()
        except Exception:  # whatever a backend raises (sqlite, psycopg, redis...) means 503
            logger.exception("Health check %s failed", name)
            healthy = False
        if not healthy:
            failed.append(name)
    # Only the outcome: which part failed, and why, goes to the log, not to whoever asks.
    if failed:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
