"""Logs stay readable: one line per request, JSON lines on request, outages once, no noise."""

import io
import json
import logging
import logging.config
import socket
import sys

import pytest
from django.conf import settings as django_settings
from django.utils.log import configure_logging

from portal import cache as portal_cache
from portal.logging import JsonFormatter, logging_config


@pytest.fixture
def site_logs():
    """Configure the site's logging as production does (INFO, JSON lines), into a buffer.

    Return a function that gives the JSON objects logged since its last call.
    """
    buffer = io.StringIO()

    def configure(json_lines: bool = True) -> None:
        logging.config.dictConfig(logging_config("INFO", json_lines=json_lines))
        for name in ("console", "quiet"):  # stderr, as in production, but kept here
            logging.getHandlerByName(name).setStream(buffer)

    def text() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    def lines() -> list[dict]:
        return [json.loads(line) for line in text().splitlines() if line.strip()]

    configure()
    lines.configure, lines.text = configure, text
    yield lines
    configure_logging(django_settings.LOGGING_CONFIG, django_settings.LOGGING)


def test_a_record_with_a_traceback_is_one_json_line():
    try:
        raise ValueError("no such page")
    except ValueError:
        record = logging.LogRecord(
            "portal.views", logging.ERROR, __file__, 1, "Failed: %s", ("/x/",), sys.exc_info()
        )
    record.method, record.path, record.status, record.duration_ms = "GET", "/x/", 500, 3.5

    line = JsonFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "portal.views"
    assert entry["message"] == "Failed: /x/"
    assert entry["time"].endswith("+00:00")
    assert (entry["method"], entry["path"], entry["status"], entry["duration_ms"]) == (
        "GET",
        "/x/",
        500,
        3.5,
    )
    assert "Traceback" in entry["exception"]
    assert "ValueError: no such page" in entry["exception"]


@pytest.mark.django_db
def test_every_request_is_one_json_line_with_method_path_status_and_time(client, site_logs):
    client.get("/?q=private-search-words")
    client.get("/findes-ikke-her/")

    entries = site_logs()

    assert [(e["logger"], e["method"], e["path"], e["status"]) for e in entries] == [
        ("portal.request", "GET", "/", 200),
        ("portal.request", "GET", "/findes-ikke-her/", 404),
    ]
    assert all(e["duration_ms"] >= 0 for e in entries)
    assert "private-search-words" not in json.dumps(entries)  # a query string may be personal


@pytest.mark.django_db
def test_a_foreign_host_is_one_warning_line_without_traceback_or_email(
    client, site_logs, mailoutbox, settings
):
    settings.ADMINS = [("Drift", "drift@example.org")]

    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    entries = site_logs()
    assert [(e["logger"], e["level"]) for e in entries] == [
        ("django.security.DisallowedHost", "WARNING"),
        ("portal.request", "INFO"),
    ]
    assert "evil.example" in entries[0]["message"]
    assert "exception" not in entries[0]
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_text_format_is_one_line_per_request_too(client, site_logs):
    site_logs.configure(json_lines=False)

    client.get("/")

    err = site_logs.text()
    assert err.count("\n") == 1
    assert "INFO portal.request GET / 200 " in err


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_a_cache_outage_under_load_logs_a_few_lines_not_one_per_request(
    client, site_logs, settings, monkeypatch
):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    # Start the outage reports afresh, as a process that has not seen the outage yet.
    monkeypatch.setattr(portal_cache, "outage", portal_cache.OutageLog())

    statuses = [client.get(path).status_code for path in ["/", "/en/"] * 100]

    assert set(statuses) == {200}
    entries = site_logs()
    requests = [e for e in entries if e["logger"] == "portal.request"]
    others = [e for e in entries if e["logger"] != "portal.request"]
    assert len(requests) == 200
    assert 1 <= len(others) <= 3, [e["message"] for e in others]
    assert all("exception" not in e for e in others)
    assert any("unavailable" in e["message"] for e in others)
