"""Logs an operator can read: one line per request, JSON lines on request, quiet noise.

- ``RequestLogMiddleware`` writes one line per request to the ``portal.request`` logger
  (method, path without its query string, status, duration), at INFO, so production
  (``DJANGO_LOG_LEVEL`` INFO by default) has it and development (runserver prints its
  own) does not.
- ``JsonFormatter`` writes every record as one JSON object on one line, a traceback
  included as a field (``DJANGO_LOG_FORMAT=json``).
- ``OneLineWarning`` turns a record into a one-line warning, its traceback dropped: for
  ``django.security.DisallowedHost``, where the traceback says nothing the host does not.
- ``DependencyOutage`` drops Django's "Service Unavailable" line per 503: a dependency
  that is down is reported once per interval with a count (``portal.cache.OutageLog``).
"""

import json
import logging
import time
from datetime import UTC, datetime

request_logger = logging.getLogger("portal.request")

# Attributes every LogRecord has; anything else was passed in ``extra``.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")


class RequestLogMiddleware:
    """Log one line per request: method, path, status and time taken.

    Outermost, so that it times pages answered from the page cache too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if request_logger.isEnabledFor(logging.INFO):
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            request_logger.info(
                "%s %s %s %.1f ms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                },
            )
        return response


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the request's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in REQUEST_FIELDS:
            if name in record.__dict__:
                entry[name] = record.__dict__[name]
        # Django's own request records carry the status, and the request as an object.
        if "status_code" in record.__dict__:
            entry.setdefault("status", record.status_code)
        request = record.__dict__.get("request")
        if request is not None and hasattr(request, "method"):
            entry.setdefault("method", request.method)
            entry.setdefault("path", getattr(request, "path", ""))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class OneLineWarning(logging.Filter):
    """Keep the record's message as a warning; drop its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = None
        record.exc_text = None
        return True


class DependencyOutage(logging.Filter):
    """Drop Django's line for each 503: the outage itself is logged once per interval."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503


def logging_config(level: str, json_lines: bool) -> dict:
    """Return the LOGGING setting: every record to stderr, in text or JSON lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "portal.logging.JsonFormatter"},
        },
        "filters": {
            "one_line": {"()": "portal.logging.OneLineWarning"},
            "dependency_outage": {"()": "portal.logging.DependencyOutage"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if json_lines else "text",
            },
            "quiet": {
                "class": "logging.StreamHandler",
                "formatter": "json" if json_lines else "text",
                "filters": ["one_line"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Each request already has its line; Django's "Not Found: /x" (4xx) would be
            # a second one. Errors (5xx) stay, with their traceback; 503s are outages.
            "django.request": {"level": "ERROR", "filters": ["dependency_outage"]},
            # Scanners send any Host header: one line at most, no traceback, no email.
            "django.security.DisallowedHost": {
                "handlers": ["quiet"],
                "level": "WARNING",
                "propagate": False,
            },
        },
    }
