import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string

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


class AllowedMethodsMiddleware:
    """Answer 405 for a method a page does not serve: OPTIONS, TRACE, PUT, PATCH, DELETE.

    The site serves GET and HEAD, and POST where a view handles it (the admin's forms).
    Django's class-based views otherwise answer OPTIONS with 200, and its form views
    take PUT as POST.
    """

    SERVED = ("get", "head", "post")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "view_class", None)
        if view_class is None:
            allowed = self.SERVED
        else:
            allowed = [
                method
                for method in self.SERVED
                if hasattr(view_class, method) or (method == "head" and hasattr(view_class, "get"))
            ]
        if request.method.lower() not in allowed:
            return HttpResponseNotAllowed([method.upper() for method in allowed])
        return None


class PublicPageCacheMiddleware:
    """Serve anonymous visitors a stored copy of each page; see portal.cache.

    It sits just inside SecurityMiddleware, so a hit skips the rest of the stack; the
    stored copy keeps the headers the inner middleware gave the rendered page.
    One round trip answers a hit: the content version and the page are read together.
    A page is stored with the next publishing edge it was rendered before (see
    portal.cache.ScheduleMarker) and is not served from the moment that edge passes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.is_cacheable_request(request):
            with page_cache.request_scope():
                return self.get_response(request)
        key = page_cache.page_key(request)
        try:
            found = cache.get_many([page_cache.VERSION_KEY, key])
        except Exception as error:  # an unreachable cache must not take the site down
            page_cache.outage.report("Page cache", error)
            found = None
        if found is None:
            with page_cache.request_scope(uuid.uuid4().hex):
                return self.get_response(request)
        version = found.get(page_cache.VERSION_KEY)
        stored = found.get(key)
        if self.is_current(stored, version):
            return self.replay(stored)
        with page_cache.request_scope(version) as scope:
            if version is None:  # the first request after the cache was emptied
                version = page_cache.content_version()
            # Read before rendering, so no window opens or closes unnoticed meanwhile.
            edge = page_cache.next_edge()
            response = self.get_response(request)
        if (
            # A page rendered while a save happened belongs to neither version.
            scope.get("version") == version
            # Nor does one rendered across a publishing edge.
            and page_cache.is_before(edge)
            and page_cache.is_cacheable_response(request, response)
            and page_cache.is_storable_variant(request, response)
        ):
            headers = [(name, value) for name, value in response.items()]
            stored = (version, edge, response.content, headers)
            try:
                cache.set(key, stored, page_cache.PAGE_TIMEOUT)
            except Exception as error:
                page_cache.outage.report("Page cache", error)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def is_current(stored, version) -> bool:
        """Tell whether a stored page was rendered from this content version and no
        publishing window has opened or closed since."""
        if version is None or not isinstance(stored, tuple) or len(stored) != 4:
            return False
        return stored[0] == version and page_cache.is_before(stored[1])

    @staticmethod
    def replay(stored) -> HttpResponse:
        _version, _edge, content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
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
