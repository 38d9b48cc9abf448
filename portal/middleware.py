import datetime
import hashlib
import logging
import uuid

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import split_directive_names, split_header_value

from portal import cache as page_cache

logger = logging.getLogger(__name__)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
    )
)  # fmt: skip


def permissions_policy() -> str:
    """Every powerful feature off; autoplay only for the frames the CSP lets in (a film
    player started by the visitor's own press of "Afspil film")."""
    frames = settings.SECURE_CSP.get("frame-src", [])
    autoplay = " ".join(f'"{origin}"' for origin in frames)
    return f"{PERMISSIONS_POLICY}, autoplay=({autoplay})"


class SecurityHeadersMiddleware:
    """Add the headers Django has no setting for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", permissions_policy())
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        # Error pages, and pages whose head says noindex (portal/seo.py), say it here too.
        if response.status_code >= 400 or getattr(request, "seo_noindex", False):
            response.headers.setdefault("X-Robots-Tag", "noindex")
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

    It also tells the caches in front (a CDN, a proxy, the browser) what they may keep:
    a page it serves or may store is public for shared caches, with an ETag from the
    page's key, the content version and the schedule marker, and a matching
    If-None-Match gets 304; every other response is private and not stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.is_cacheable_request(request):
            with page_cache.request_scope():
                return private(self.get_response(request))
        key = page_cache.page_key(request)
        try:
            found = cache.get_many([page_cache.VERSION_KEY, key])
        except Exception as error:  # an unreachable cache must not take the site down
            page_cache.outage.report("Cache", error)
            found = None
        if found is None:
            with page_cache.request_scope(uuid.uuid4().hex):
                edge = page_cache.next_edge()
                response = self.get_response(request)
            if is_public(request, response, edge):
                # No shared content version to build an ETag from.
                return public(request, response, edge, etag=None)
            return private(response)
        version = found.get(page_cache.VERSION_KEY)
        stored = found.get(key)
        if self.is_current(stored, version):
            response = self.replay(stored)
            return public(request, response, stored[1], page_etag(key, version, stored[1]))
        with page_cache.request_scope(version) as scope:
            if version is None:  # the first request after the cache was emptied
                version = page_cache.content_version()
            # Read before rendering, so no window opens or closes unnoticed meanwhile.
            edge = page_cache.next_edge()
            response = self.get_response(request)
        # A page rendered while a save happened belongs to neither version.
        if scope.get("version") != version or not is_public(request, response, edge):
            return private(response)
        headers = [(name, value) for name, value in response.items()]
        if response.streaming:
            response.streaming_content = self.store_streamed(
                key, version, edge, headers, response.streaming_content
            )
            response["X-Page-Cache"] = "miss"
            return public(request, response, edge, page_etag(key, version, edge))
        stored = (version, edge, response.content, headers)
        try:
            cache.set(key, stored, page_cache.PAGE_TIMEOUT)
        except Exception as error:
            page_cache.outage.report("Cache", error)
        response["X-Page-Cache"] = "miss"
        return public(request, response, edge, page_etag(key, version, edge))

    @staticmethod
    def store_streamed(key, version, edge, headers, chunks):
        """Send a streamed body as it is written, and store it whole at its end.

        Stored only when it stayed within STREAM_LIMIT and no save happened and no
        publishing window opened or closed while it was read (the stream outlives the
        request's content version).
        """
        kept: list[bytes] | None = []
        size = 0
        for chunk in chunks:
            yield chunk
            if kept is not None:
                size += len(chunk)
                if size <= page_cache.STREAM_LIMIT:
                    kept.append(chunk)
                else:
                    kept = None  # too long to keep: the rest is only sent
        if kept is None or not page_cache.is_before(edge):
            return
        try:
            if cache.get(page_cache.VERSION_KEY) == version:
                stored = (version, edge, b"".join(kept), headers)
                cache.set(key, stored, page_cache.PAGE_TIMEOUT)
        except Exception as error:
            page_cache.outage.report("Cache", error)

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


# What the caches in front may keep ---------------------------------------------------

# How long a shared cache may answer with a page that has gone stale while it asks for
# a fresh one, when its lifetime ended by the timeout (not at a publishing edge).
STALE_WHILE_REVALIDATE = 60
PRIVATE = "private, no-store"
# Headers a 304 carries beyond those RFC 9110 15.4.5 names, which Django copies.
NOT_MODIFIED_EXTRA = ("X-Page-Cache",)


def is_public(request, response, edge) -> bool:
    """A page the page cache may store, rendered before the next publishing edge, whose
    view did not ask to keep it out of caches."""
    control = set(split_directive_names(response.get("Cache-Control", "")))
    return (
        page_cache.is_before(edge)
        and page_cache.is_cacheable_response(request, response)
        and page_cache.is_storable_variant(request, response)
        and not control & {"private", "no-store", "no-cache"}
    )


def private(response):
    """Keep a response out of every cache, unless its view already said how (the
    admin's never_cache, a preview, a static file)."""
    response.headers.setdefault("Cache-Control", PRIVATE)
    return response


def page_etag(key: str, version: str, edge) -> str:
    """Return a page's ETag: the same in every process for the same content.

    Weak: two renderings of the same content mean the same, but are not promised to
    be the same bytes.
    """
    inputs = f"{key}\n{version}\n{page_cache.edge_marker(edge)}".encode()
    return f'W/"{hashlib.sha256(inputs).hexdigest()[:32]}"'


def shared_lifetime(edge) -> tuple[int, int]:
    """Return how long a shared cache may keep a page, and how long it may then serve
    it stale while it asks again: no longer than the page cache would, and not past the
    next publishing edge or midnight (the page key's date)."""
    now = timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    ends = [now + datetime.timedelta(seconds=page_cache.PAGE_TIMEOUT), midnight]
    if isinstance(edge, datetime.datetime):
        ends.append(edge)
    end = min(ends)
    seconds = max(0, int((end - now).total_seconds()))
    if end is ends[0]:
        return seconds, STALE_WHILE_REVALIDATE
    return seconds, 0


def public_vary(request, response) -> None:
    """Vary on the session cookie (a logged-in editor sees drafts at the same address)
    and not on Accept-Language, which LocaleMiddleware adds to every page whose address
    has no language prefix although it takes the language from the address alone here
    (i18n_patterns with prefix_default_language=False)."""
    names = list(split_header_value(response.get("Vary", "")))
    if not negotiates_language(request):
        names = [name for name in names if name.lower() != "accept-language"]
    if names:
        response["Vary"] = ", ".join(names)
    elif "Vary" in response:
        del response["Vary"]
    patch_vary_headers(response, ("Cookie",))


def negotiates_language(request) -> bool:
    """Tell whether LocaleMiddleware may pick a page's language from the request's
    headers or cookies rather than from its address alone."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    used, prefixed_default = is_language_prefix_patterns_used(urlconf)
    return not used or prefixed_default


def public(request, response, edge, etag: str | None):
    """Let shared caches keep a page, and answer a matching If-None-Match with 304."""
    seconds, stale = shared_lifetime(edge)
    control = f"public, max-age=0, s-maxage={seconds}"
    if stale:
        control += f", stale-while-revalidate={stale}"
    response["Cache-Control"] = control
    public_vary(request, response)
    if etag is None:
        return response
    response["ETag"] = etag
    answer = get_conditional_response(request, etag=etag, response=response)
    if answer is response:
        return response
    if answer.status_code != 304:  # 412 for an If-Match that fails
        return private(answer)
    for name in NOT_MODIFIED_EXTRA:
        if name in response:
            answer[name] = response[name]
    return answer


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
        page_cache.outage.report("Database", exception)  # once a minute, with a count
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
