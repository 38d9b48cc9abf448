"""Readiness: can this process serve pages from its database and its shared cache?

``/healthz/`` is the liveness check: it answers without touching either, so a load
balancer does not restart a healthy process because a dependency is down.
``/healthz/ready/`` asks both, each within a short time, and answers 503 naming what
is down, so a load balancer can send visitors elsewhere meanwhile.
"""

import json
import uuid

from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from portal import cache as page_cache

READY_KEY = "portal:ready"
# The longest the database may take to answer, in milliseconds (the connect has its
# own timeout, DJANGO_DB_CONNECT_TIMEOUT; the cache its socket timeout).
DATABASE_PROBE_MS = 1000


def database_answers() -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SET LOCAL statement_timeout = {DATABASE_PROBE_MS}")
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as error:
        page_cache.outage.report("Database", error)
        return False


def cache_answers() -> bool:
    # A key of its own for each probe: processes probing at once must not read each
    # other's writes. It expires by itself.
    key = f"{READY_KEY}:{uuid.uuid4().hex}"
    try:
        cache.set(key, 1, timeout=10)
        return cache.get(key) == 1
    except Exception as error:
        page_cache.outage.report("Cache", error)
        return False


@require_safe
def ready(request):
    checks = {"database": database_answers(), "cache": cache_answers()}
    body = {name: "ok" if up else "unavailable" for name, up in checks.items()}
    body["status"] = "ready" if all(checks.values()) else "unavailable"
    response = HttpResponse(
        json.dumps(body),
        content_type="application/json",
        status=200 if all(checks.values()) else 503,
    )
    response["Cache-Control"] = "no-store"
    return response
