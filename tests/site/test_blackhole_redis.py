"""A Redis that accepts connections and never answers costs a page one short wait.

The shared cache sits behind a loopback port that passes traffic to the real Redis or
hangs (tests.site.blackhole). While it hangs, every public page is rendered from the
database within a bound; when it answers again, pages are stored and served from it.
"""

import json
import logging
import re
import time
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from portal import cache as page_cache
from portal.cache import CircuitBreaker, OutageLog
from tests.projects.factories import ProjectFactory
from tests.site.blackhole import (
    NOT_FOUND,
    Blackhole,
    one_page_of_each_kind,
    service_answers,
    timed_get,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not service_answers(6379), reason="needs Redis on 127.0.0.1:6379"),
]

# A hung dependency may cost a page its timeouts, never the worker's 30 s.
BOUND = 2.0
RETRY_INTERVAL = 0.5


def redis_cache(port: int) -> dict:
    """The cache settings REDIS_URL gives (test_settings checks those), on ``port``."""
    return {
        "default": {
            "BACKEND": "portal.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/9",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {
                "socket_connect_timeout": settings.CACHE_SOCKET_TIMEOUT,
                "socket_timeout": settings.CACHE_SOCKET_TIMEOUT,
            },
        }
    }


@pytest.fixture
def redis():
    """The app's shared cache, behind a port that can hang."""
    hole = Blackhole(("127.0.0.1", 6379))
    try:
        with override_settings(
            CACHES=redis_cache(hole.port), DEPENDENCY_RETRY_INTERVAL=RETRY_INTERVAL
        ):
            yield hole
            hole.resume()
            time.sleep(RETRY_INTERVAL)
            # Only this test's keys: other suites may share the database.
            client = cache._cache.get_client(write=True)
            keys = list(client.scan_iter(f"{cache.key_prefix}:*"))
            if keys:
                client.delete(*keys)
    finally:
        hole.close()


@pytest.fixture
def public_pages():
    return {path: 404 if path == NOT_FOUND else 200 for path in one_page_of_each_kind()}


def test_every_page_answers_from_the_database_while_redis_hangs_and_the_cache_returns(
    client, redis, public_pages
):
    for path, status in public_pages.items():
        assert client.get(path).status_code == status
    assert client.get("/").headers.get("X-Page-Cache") == "hit"

    redis.hang()
    for _round in range(2):  # the second round after the breaker has let a call through
        for path, status in public_pages.items():
            response, took = timed_get(client, path)
            assert response.status_code == status, path
            assert took < BOUND, (path, took)
            assert "X-Page-Cache" not in response.headers
        time.sleep(RETRY_INTERVAL)

    redis.resume()
    time.sleep(RETRY_INTERVAL)
    client.get("/nu-undersoeger-vi/")
    assert client.get("/nu-undersoeger-vi/").headers.get("X-Page-Cache") == "hit"


def test_a_hung_redis_costs_a_page_at_most_one_timeout(client, redis, public_pages):
    """Without the breaker, each of a page's cache calls would wait its timeout."""
    for path in public_pages:
        client.get(path)
    redis.hang()
    with override_settings(DEPENDENCY_RETRY_INTERVAL=60):
        client.get("/")  # the first call waits and opens the breaker
        asked = (redis.accepted, redis.dropped)
        for path in public_pages:
            assert client.get(path).status_code == public_pages[path]

    assert (redis.accepted, redis.dropped) == asked  # not one call reached Redis


def test_healthz_never_touches_the_cache(client, redis):
    redis.hang()
    for _ in range(3):
        response, took = timed_get(client, "/healthz/")
        assert response.status_code == 200
        assert took < BOUND
    assert redis.accepted == 0

    client.get("/")
    assert redis.accepted > 0


def test_the_outage_is_logged_once_per_interval_with_a_count(
    client, redis, public_pages, caplog, monkeypatch
):
    clock = [1000.0]
    monkeypatch.setattr(page_cache, "outage", OutageLog(interval=60, clock=lambda: clock[0]))
    redis.hang()
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        for path in public_pages:
            client.get(path)
        time.sleep(RETRY_INTERVAL)
        for path in public_pages:
            client.get(path)
        first = [record.getMessage() for record in caplog.records if record.name == "portal.cache"]
        clock[0] += 61
        client.get("/")
    reports = [record.getMessage() for record in caplog.records if record.name == "portal.cache"]

    assert len(first) == 1
    assert "unavailable" in first[0]
    assert "Traceback" not in caplog.text
    assert len(reports) == 2
    assert int(re.search(r"; (\d+) more failures", reports[1]).group(1)) > 0


def test_the_breaker_skips_for_an_interval_then_lets_one_caller_try():
    clock = [0.0]
    breaker = CircuitBreaker(interval=5, clock=lambda: clock[0])
    assert not breaker.is_open()

    breaker.failed()
    clock[0] = 4.9
    assert breaker.is_open()
    clock[0] = 5.0
    assert not breaker.is_open()  # this caller tries again
    assert breaker.is_open()  # the others keep skipping meanwhile
    breaker.failed()
    clock[0] = 9.9
    assert breaker.is_open()
    clock[0] = 10.0
    assert not breaker.is_open()
    breaker.succeeded()
    assert not breaker.is_open()
    assert not breaker.is_open()


def test_readiness_names_a_hung_redis_and_sees_it_return(client, redis):
    assert client.get("/healthz/ready/").status_code == 200

    redis.hang()
    response, took = timed_get(client, "/healthz/ready/")
    assert response.status_code == 503
    assert json.loads(response.content)["cache"] == "unavailable"
    assert json.loads(response.content)["database"] == "ok"
    assert took < BOUND
    assert client.get("/healthz/").status_code == 200

    redis.resume()
    time.sleep(RETRY_INTERVAL)
    assert client.get("/healthz/ready/").status_code == 200


def test_a_change_saved_while_redis_hangs_shows_once_it_answers_again(client, redis):
    project = ProjectFactory(title="Praktikpladser")
    client.get("/nu-undersoeger-vi/")
    assert client.get("/nu-undersoeger-vi/").headers.get("X-Page-Cache") == "hit"

    redis.hang()
    client.get("/")
    project.title = "Lektiehjælp"
    project.save()  # the new content version cannot reach Redis
    assert "Lektiehjælp" in client.get("/nu-undersoeger-vi/").text

    redis.resume()
    time.sleep(RETRY_INTERVAL)
    response = client.get("/nu-undersoeger-vi/")
    assert "Lektiehjælp" in response.text
    assert "Praktikpladser" not in response.text
