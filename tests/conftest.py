"""Shared test set-up.

``PORTAL_STRICT=1`` (set by CI) turns every skip into a failure, so tests that need
PostgreSQL or a real browser cannot pass quietly by not running.
"""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

STRICT = os.environ.get("PORTAL_STRICT") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres"):
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    if item.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        pytest.skip(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"Skipped, but PORTAL_STRICT=1 requires it to run: {report.longrepr}"


@pytest.fixture(scope="session", autouse=True)
def _end_stray_connections(django_db_setup, django_db_blocker):
    """Close connections that other contexts left open, so the test database can be dropped.

    Playwright's sync API runs an event loop in the main thread; Django keys connections
    by context, so ORM calls made under that loop open a second connection that nothing
    closes. PostgreSQL then refuses to drop a database that still has a session.
    """
    yield
    with django_db_blocker.unblock():
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture(scope="session", autouse=True)
def _without_rows_from_migrations(django_db_setup, django_db_blocker):
    """Start every test from the same rows: the overview's first texts, which a migration
    adds, are gone, as after a transactional test's flush. A test that needs the row
    makes it (OverviewFactory); tests/activities/test_overview.py runs the migration."""
    with django_db_blocker.unblock():
        from activities.models import Overview

        Overview.objects.all().delete()


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # The demo notice's switch is read once per content version and process (one query
    # after each save); the pinned page counts leave it out, and
    # tests/portal/test_demo_notice.py switches it back on and counts it.
    settings.DEMO_NOTICE = "off"


@pytest.fixture(autouse=True)
def _danish():
    """Start each test in Danish: a request under /en/ leaves English active in the thread."""
    from django.utils import translation

    with translation.override("da"):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "da-DK"}
