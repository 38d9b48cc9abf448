"""A PostgreSQL that accepts connections and never answers, or a query that never ends,
gives visitors the 503 page with Retry-After within a bound, and the site recovers.

The database sits behind a loopback port that passes traffic to the real server or
hangs (tests.site.blackhole). When it starts hanging, the app's connection is closed:
the app meets the hung server at its next connect, as a process started against it or
one whose server restarted into a hang does.
"""

import json
import os
import subprocess
import sys
import time

import psycopg
import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests.projects.factories import ProjectFactory
from tests.site.blackhole import NOT_FOUND, Blackhole, one_page_of_each_kind, timed_get

BOUND = 2.0
RETRY_INTERVAL = 1.0


def configured(**env: str) -> dict:
    """Return the database and cache settings the environment gives."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'db': s.DATABASES['default'], 'cache': s.CACHES['default']}, "
        "default=str))"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings", **env)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_gets_a_connect_and_a_statement_timeout():
    found = configured(DATABASE_URL="postgres://portal@db.example:5432/portal")["db"]
    assert found["ENGINE"] == "portal.postgresql"
    assert found["OPTIONS"]["connect_timeout"] == 3
    assert found["OPTIONS"]["options"] == "-c statement_timeout=5000"

    found = configured(
        DATABASE_URL="postgres://portal@db.example:5432/portal?currentSchema=site",
        DJANGO_DB_CONNECT_TIMEOUT="5",
        DJANGO_DB_STATEMENT_TIMEOUT_MS="2000",
    )["db"]
    assert found["OPTIONS"]["connect_timeout"] == 5
    assert found["OPTIONS"]["options"] == "-c search_path=site -c statement_timeout=2000"


def test_redis_gets_short_socket_timeouts():
    found = configured(REDIS_URL="redis://127.0.0.1:6379/0")["cache"]
    assert found["OPTIONS"] == {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
    found = configured(REDIS_URL="redis://127.0.0.1:6379/0", DJANGO_CACHE_TIMEOUT="0.5")["cache"]
    assert found["OPTIONS"] == {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


@pytest.fixture
def public_pages():
    return {
        path: 404 if path == NOT_FOUND else 503 for path in one_page_of_each_kind()
    }  # the 404 page needs no database


@pytest.fixture
def database():
    """The app's database connection, through a port that can hang."""
    original = dict(connection.settings_dict)
    hole = Blackhole((original["HOST"] or "127.0.0.1", int(original["PORT"] or 5432)))

    def hang():
        hole.hang()
        connection.close()
        cache.clear()  # pages stored meanwhile stay up (test_database_outage): render them

    hole.hang_database = hang
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=hole.port)
    try:
        yield hole
    finally:
        hole.resume()
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
        hole.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_every_page_answers_503_while_the_database_hangs_and_the_site_recovers(
    client, database, public_pages, settings
):
    settings.DEPENDENCY_RETRY_INTERVAL = RETRY_INTERVAL
    assert client.get("/nu-undersoeger-vi/").status_code == 200

    database.hang_database()
    # The first connect waits its timeout; then the breaker answers at once.
    response, took = timed_get(client, "/nu-undersoeger-vi/")
    assert response.status_code == 503
    assert took < connection.settings_dict["OPTIONS"]["connect_timeout"] + 1
    for path, status in public_pages.items():
        response, took = timed_get(client, path)
        assert response.status_code == status, path
        if status == 503:
            assert response["Retry-After"] == "30"
            assert "Siden er midlertidigt utilgængelig" in response.text
        assert took < BOUND, (path, took)
    response, took = timed_get(client, "/healthz/")
    assert response.status_code == 200
    assert took < BOUND
    ready, took = timed_get(client, "/healthz/ready/")
    assert ready.status_code == 503
    assert json.loads(ready.content)["database"] == "unavailable"
    assert took < BOUND

    database.resume()
    time.sleep(RETRY_INTERVAL)
    back = client.get("/nu-undersoeger-vi/")
    assert back.status_code == 200
    assert "Praktikpladser" in back.text
    assert client.get("/healthz/ready/").status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_healthz_never_touches_the_database(client, database):
    database.hang_database()
    for _ in range(3):
        response, took = timed_get(client, "/healthz/")
        assert response.status_code == 200
        assert took < BOUND
    assert database.accepted == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_query_that_waits_past_the_statement_timeout_gives_the_503_page(client):
    ProjectFactory(title="Praktikpladser")
    db = connection.settings_dict
    assert "-c statement_timeout=" in db["OPTIONS"]["options"]
    original = dict(db["OPTIONS"])
    connection.close()
    db["OPTIONS"]["options"] = "-c statement_timeout=300"
    # Another session holds the projects' table, so the list page's query waits.
    holder = psycopg.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
    try:
        holder.execute("LOCK TABLE projects_researchproject IN ACCESS EXCLUSIVE MODE")
        response, took = timed_get(client, "/nu-undersoeger-vi/")
        holder.rollback()

        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert took < BOUND
        assert client.get("/nu-undersoeger-vi/").status_code == 200
    finally:
        holder.close()
        connection.close()
        db["OPTIONS"].clear()
        db["OPTIONS"].update(original)
