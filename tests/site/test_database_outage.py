"""When the database cannot be reached, visitors get a 503 page; the site then recovers."""

import socket

import pytest
from django.core.cache import cache
from django.db import connection

from tests.projects.factories import ProjectFactory

# SQLite's in-memory test database cannot be disconnected, and production runs on
# PostgreSQL over the network, where outages happen.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_database():
    """Point the running app's connection at nothing, then back."""
    original = dict(connection.settings_dict)

    def cut():
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=closed_port())

    def restore():
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)

    yield cut, restore
    restore()


def test_visitors_get_a_clear_503_page_and_the_site_recovers(client, unreachable_database):
    cut, restore = unreachable_database
    ProjectFactory(title="Praktikpladser")
    assert client.get("/nu-undersoeger-vi/").status_code == 200

    cut()
    cache.clear()
    down = client.get("/nu-undersoeger-vi/")

    assert down.status_code == 503
    assert down["Retry-After"] == "30"
    assert "Siden er midlertidigt utilgængelig" in down.text
    assert "Traceback" not in down.text
    assert "Content-Security-Policy" in down.headers

    restore()
    back = client.get("/nu-undersoeger-vi/")
    assert back.status_code == 200
    assert "Praktikpladser" in back.text


def test_cached_pages_stay_up_while_the_database_is_down(client, unreachable_database):
    cut, _restore = unreachable_database
    ProjectFactory(title="Praktikpladser")
    client.get("/nu-undersoeger-vi/")

    cut()

    assert client.get("/nu-undersoeger-vi/").status_code == 200


def test_a_database_outage_is_logged_once_not_per_request(
    client, unreachable_database, caplog, monkeypatch
):
    from portal import cache as stores

    monkeypatch.setattr(stores, "outage", stores.OutageLog(interval=60))
    cut, _restore = unreachable_database
    cut()
    cache.clear()

    answers = {client.get("/nu-undersoeger-vi/").status_code for _ in range(20)}

    assert answers == {503}
    reports = [r for r in caplog.records if r.getMessage().startswith("Database unavailable")]
    assert len(reports) == 1
    assert not any(r.exc_info for r in caplog.records if r.levelname == "ERROR")
