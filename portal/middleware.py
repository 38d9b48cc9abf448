import logging

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language

from portal import cache as page_cache

logger = logging.getLogger(__name__)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
    )
)  # fmt: skip


class SecurityHeadersMiddleware:
    """Add the headers Django has no setting for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class PublicPageCacheMiddleware:
    """Serve anonymous visitors a stored copy of each page; see portal.cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = page_cache.page_key(
                page_cache.request_content_version(request), get_language(), request
            )
            cached = cache.get(key)
        except Exception:  # an unreachable cache must not take the site down
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        if cached is not None:
            content, content_type, language = cached
            response = HttpResponse(content, content_type=content_type)
            response["Content-Language"] = language
            response["X-Page-Cache"] = "hit"
            return response
        # Django has rendered template responses by the time they reach middleware.
        response = self.get_response(request)
        if page_cache.is_cacheable_response(request, response):
            value = (response.content, response["Content-Type"], get_language())
            try:
                cache.set(key, value, timeout=page_cache.PAGE_TIMEOUT)
            except Exception:
                logger.exception("Page cache unavailable")
            response["X-Page-Cache"] = "miss"
        return response


class DatabaseUnavailableMiddleware:
    """Answer 503 in the site's design when the database cannot be reached.

    Django opens a fresh connection on the next request, so the site recovers by itself
    when the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        logger.error("Database unavailable: %s", exception)
        content = render_to_string("503.html", {"centre": settings.PORTAL_CENTRE}, request=None)
        response = HttpResponse(content, status=503)
        response["Retry-After"] = "30"
        return response


SQLITE_OUTAGES = ("unable to open database", "database is locked", "disk i/o error")


def is_outage(exception: Exception) -> bool:
    """Tell an unreachable database from a bug (a missing table stays a 500)."""
    if not isinstance(exception, (OperationalError, InterfaceError)):
        return False
    cause = exception.__cause__
    if cause is not None and type(cause).__module__ == "sqlite3":
        return str(cause).lower().startswith(SQLITE_OUTAGES)
    return True
