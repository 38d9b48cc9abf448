"""The site's caches: one content version, one key rule, three stores.

Every save, delete, relation change and bulk update anywhere replaces the *content
version* in the shared cache (Redis in production), so every app process stops using
what it stored before, at once.

What a cache key must contain: the release (the code and templates that made the
value, so a deploy never serves a page built by the code it replaced, with its old
asset addresses, nor unpickles an object of a class that changed), the content
version, today's date (``published()``
reads the clock: an article dated tomorrow appears at midnight with no save), the
*schedule marker* (the next moment an item's window opens or closes: an item scheduled
for 09:00 appears at 09:00 with no save), the language, and every other input the
value depends on. Nothing else: no port, no parameter the page does not use, no free
text. ``scope()`` gives the first five, so no store can forget them.

The stores:

- ``pages`` (``portal.middleware.PublicPageCacheMiddleware``): whole anonymous pages,
  in the shared cache, only for the variants a page really serves.
- ``derived``: data computed from the content (choices with counts, list counts,
  catalogue terms), in the shared cache and in a small copy in each process.
- ``fragments``: rendered HTML that looks the same wherever it appears (list cards),
  in each process only: a fragment is cheaper to render than to fetch over the network.

Each store is bounded and honours its timeout.
"""

import functools
import hashlib
import logging
import os
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.translation import get_language, get_language_from_path

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:content-version"
PAGE_TIMEOUT = 60 * 10
MISSING = object()

# The content version of the request being served: read once per request.
_request_version: ContextVar[dict | None] = ContextVar("portal_content_version", default=None)
# Set while a request works on data that is rolled back afterwards (a draft's preview).
_bypassed: ContextVar[bool] = ContextVar("portal_cache_bypassed", default=False)


@contextmanager
def bypass() -> Iterator[None]:
    """Neither read nor store anything, and bump no version, until the block ends.

    For work on data that is rolled back afterwards (a pending draft applied to render
    its preview): nothing computed from it may be kept, and nothing real changed.
    """
    token = _bypassed.set(True)
    try:
        yield
    finally:
        _bypassed.reset(token)


class OutageLog:
    """Log a failing dependency once per interval, with how often it failed meanwhile.

    Each dependency ("Cache", "Database") keeps its own interval, so a cache outage
    never hides a database outage that starts during it.
    """

    def __init__(self, interval: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.interval, self.clock = interval, clock
        self._last: dict[str, float] = {}
        self._suppressed: dict[str, int] = {}
        self._lock = threading.Lock()

    def report(self, what: str, error: Exception) -> None:
        now = self.clock()
        with self._lock:
            last = self._last.get(what)
            if last is not None and now - last < self.interval:
                self._suppressed[what] = self._suppressed.get(what, 0) + 1
                return
            suppressed = self._suppressed.pop(what, 0)
            self._last[what] = now
        logger.warning(
            "%s unavailable (%s: %s); %d more failures since the last report",
            what,
            type(error).__name__,
            error,
            suppressed,
        )


outage = OutageLog()


class CircuitBreaker:
    """Skip a dependency for a while after it failed, in this process.

    A dependency that hangs costs every call its full timeout; a page makes several
    calls. After a failure, ``is_open()`` says to skip the dependency for ``interval``
    seconds (``DEPENDENCY_RETRY_INTERVAL``); then one caller tries it again while the
    others keep skipping, and a success closes the breaker.
    """

    def __init__(
        self,
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        on_recovery: Callable[[], None] | None = None,
    ) -> None:
        self._interval, self.clock, self.on_recovery = interval, clock, on_recovery
        self.open_until: float | None = None

    @property
    def interval(self) -> float:
        if self._interval is not None:
            return self._interval
        return getattr(settings, "DEPENDENCY_RETRY_INTERVAL", 5.0)

    def is_open(self) -> bool:
        until = self.open_until
        if until is None:
            return False
        now = self.clock()
        if now < until:
            return True
        # This caller tries; the others skip until it has failed or succeeded.
        self.open_until = now + self.interval
        return False

    def failed(self) -> None:
        self.open_until = self.clock() + self.interval

    def is_trying(self) -> bool:
        """Tell whether the caller that ``is_open()`` let through is trying after a failure."""
        return self.open_until is not None

    def succeeded(self) -> None:
        recovered = self.open_until is not None
        self.open_until = None
        if recovered and self.on_recovery is not None:
            self.on_recovery()


# The content version ----------------------------------------------------------------


def _read_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add() keeps a version another process set meanwhile.
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def content_version() -> str:
    """Return the content version: read once per request, every time outside one.

    Without a reachable cache every call gets a new version, so nothing is reused.
    """
    holder = _request_version.get()
    if holder is not None and "version" in holder:
        return holder["version"]
    try:
        version = _read_version()
    except Exception as error:
        outage.report("Cache", error)
        return uuid.uuid4().hex
    if holder is not None:
        holder["version"] = version
    return version


@contextmanager
def request_scope(version: str | None = None) -> Iterator[dict]:
    """Hold one content version for the length of a request (see PublicPageCacheMiddleware).

    Given no version, the first content_version() call of the request reads it.
    """
    holder = {} if version is None else {"version": version}
    token = _request_version.set(holder)
    try:
        yield holder
    finally:
        _request_version.reset(token)


# A change this process could not announce while the shared cache was down.
_unannounced = threading.Event()


def _set_new_version() -> None:
    version = uuid.uuid4().hex
    holder = _request_version.get()
    if holder is not None:
        holder["version"] = version
        holder.pop("edge", None)
    try:
        cache.set(VERSION_KEY, version, timeout=None)
    except Exception as error:  # a cache outage must never block an editor's save
        outage.report("Cache", error)
        _unannounced.set()
    else:
        _unannounced.clear()


def announce_missed_changes() -> None:
    """Replace the content version if a change was saved while the shared cache was down.

    Called when the shared cache answers again (portal.redis), before anything is read
    from it: else every process would serve what it stored before the change.
    """
    if _unannounced.is_set():
        _set_new_version()


def bump_content_version(**kwargs) -> None:
    """Invalidate now, and again after commit.

    The second bump closes a race: another process could render the page from the old,
    still committed data between the first bump and the commit, and store it under the
    new version.
    """
    if _bypassed.get():
        return
    _set_new_version()
    transaction.on_commit(_set_new_version, robust=True)


def connect_invalidation() -> None:
    """Bump the content version whenever content changes in any of the site's apps."""
    from portal.registry import project_apps

    for model in (model for app in project_apps() for model in app.get_models()):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"del-{model}")
    m2m_changed.connect(bump_content_version, dispatch_uid="bump-m2m")


# The schedule marker ----------------------------------------------------------------

NO_EDGE = "-"


def read_next_edge(now) -> Any:
    """Return the next moment after ``now`` at which a published item's window opens or
    closes (its publish_from or publish_until), or None: one query over every model.

    A model may name more such moments in ``schedule_edges`` (datetime fields at which
    what visitors see of it changes, e.g. an event's end moves it to the past).

    The query filters on the moments alone, so each part reads its index of future
    moments (few rows) rather than every published row; the first published row wins.
    """
    from django.db.models import F

    from portal.models import PublishStatus
    from portal.models.publishing import publishable_models

    parts = [
        model._base_manager.filter(**{f"{edge}__gt": now})
        .order_by()
        .annotate(edge=F(edge))
        .values_list("edge", "status")
        for model in publishable_models()
        for edge in ("publish_from", "publish_until", *getattr(model, "schedule_edges", ()))
    ]
    if not parts:
        return None
    upcoming = parts[0].union(*parts[1:], all=True).order_by("edge")
    for edge, status in upcoming:
        if status == PublishStatus.PUBLISHED:
            return edge
    return None


class ScheduleMarker:
    """The next publishing edge, kept per process for one content version.

    Any process computes the same value from the same content and clock: the smallest
    publish_from or publish_until after now among published items. It stays right from
    the moment it was read until that edge (no window opens or closes in between), so it
    is read again only when the edge has passed or the content version changed. In every
    cache key, it makes stored pages, data and fragments stale exactly when a window
    opens or closes.
    """

    def __init__(self) -> None:
        # (content version, read at, next edge); replaced whole, so no lock is needed.
        self._state: tuple[str, Any, Any] | None = None

    def next_edge(self, version: str):
        """Return the next edge (None when nothing is scheduled) for this content version.

        Raise the database's error when it cannot be read.
        """
        now = timezone.now()
        state = self._state
        if state is not None:
            known_version, read_at, edge = state
            if known_version == version and read_at <= now and (edge is None or now < edge):
                return edge
        edge = read_next_edge(now)
        self._state = (version, now, edge)
        return edge


schedule = ScheduleMarker()


def next_edge():
    """Return the next publishing edge: read once per request, kept per content version.

    A database that cannot be read gives a marker of its own, so nothing is reused.
    """
    holder = _request_version.get()
    if holder is not None and "edge" in holder:
        return holder["edge"]
    version = content_version()
    try:
        edge = schedule.next_edge(version)
    except Exception as error:
        # Kept for the request like a marker read: a database that hangs costs the
        # request one wait here, not one per key.
        outage.report("Database", error)
        edge = uuid.uuid4().hex
    if holder is not None and holder.get("version") == version:
        holder["edge"] = edge
    return edge


def edge_marker(edge) -> str:
    """Return an edge as it goes into a key."""
    if edge is None:
        return NO_EDGE
    return edge if isinstance(edge, str) else edge.isoformat()


def is_before(edge) -> bool:
    """Tell whether a stored value whose next edge was ``edge`` is still current."""
    return edge is None or (not isinstance(edge, str) and timezone.now() < edge)


# The release ------------------------------------------------------------------------

# What a page is made of besides the content: the project's apps (code and their
# templates), the site's templates, styles and scripts, the translations and the locked
# dependencies. Not tests, demo data, virtualenvs or anything else a working tree holds.
RELEASE_SUFFIXES = frozenset({".py", ".html", ".txt", ".po", ".css", ".js", ".svg", ".xml"})
RELEASE_FILES = ("uv.lock",)
RELEASE_SKIPPED = frozenset({"tests", "fixtures", "migrations", "__pycache__", "node_modules"})


def _release_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            continue  # a link may point anywhere, itself included
        if path.is_dir():
            if path.name not in RELEASE_SKIPPED and not path.name.startswith("."):
                yield from _release_files(path)
        elif path.suffix in RELEASE_SUFFIXES:
            yield path


def source_digest(root: Path, folders: list[Path]) -> str:
    """Return a digest of the files in ``folders`` (and ``uv.lock`` in ``root``) that
    shape a page: the same on every machine that runs the same sources, whatever else
    lies beside them, and different after any change to them."""
    digest = hashlib.sha256()
    found = [root / name for name in RELEASE_FILES if (root / name).is_file()]
    for folder in sorted({Path(folder) for folder in folders}):
        if folder.is_dir():
            found += _release_files(folder)
    for path in found:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def release_folders() -> list[Path]:
    """The project's apps, the template and static folders and the translations."""
    from portal.registry import project_apps

    folders = [Path(app.path) for app in project_apps()]
    folders += [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [Path(folder) for folder in (*settings.STATICFILES_DIRS, *settings.LOCALE_PATHS)]
    return folders


@functools.cache
def release() -> str:
    """Return this process's release: ``DJANGO_RELEASE`` when the deploy sets it (a
    commit id), else the digest of the sources, read on the process's first use (about
    50 ms)."""
    named = os.environ.get("DJANGO_RELEASE", "").strip()
    return named or source_digest(Path(settings.BASE_DIR), release_folders())


# The key rule -----------------------------------------------------------------------


def scope() -> str:
    """Return what every key starts with: release, content version, today's date, the
    schedule marker and the language."""
    version = content_version()
    day = timezone.localdate().isoformat()
    return f"{release()}:{version}:{day}:{edge_marker(next_edge())}:{get_language() or ''}"


def identity(value: Any) -> Hashable:
    """Return a stable stand-in for a key input: a model instance by its label and pk."""
    if isinstance(value, Model):
        return (value._meta.label, value.pk)
    if isinstance(value, dict):
        return tuple(sorted((key, identity(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(identity(item) for item in value)
    return value


def digest(inputs: Any) -> str:
    return hashlib.sha256(repr(identity(inputs)).encode("utf-8", "surrogatepass")).hexdigest()


# The stores -------------------------------------------------------------------------


class LocalStore:
    """A bounded, least-recently-used store in this process whose entries expire."""

    def __init__(
        self, max_entries: int, timeout: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_entries, self.timeout, self.clock = max_entries, timeout, clock
        self._entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str, default: Any = MISSING) -> Any:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return default
            expires, value = entry
            if expires <= self.clock():
                del self._entries[key]
                return default
            self._entries.move_to_end(key)
            return value

    def set(self, key: str, value: Any) -> None:
        with self._lock:
            self._entries[key] = (self.clock() + self.timeout, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


class Store:
    """Values kept under the key rule: ``scope()``, a name and the caller's inputs.

    ``shared`` stores also go to the shared cache, so one process computes a value for
    all; every store keeps a bounded local copy, which saves the round trip and the
    unpickling.
    """

    def __init__(self, name: str, *, timeout: int, local_entries: int, shared: bool) -> None:
        self.name, self.timeout, self.shared = name, timeout, shared
        self.local = LocalStore(local_entries, timeout)

    def key(self, name: str, inputs: Any = ()) -> str:
        return f"portal:{self.name}:{scope()}:{name}:{digest(inputs)}"

    def get_or_set(self, name: str, compute: Callable[[], Any], inputs: Any = ()) -> Any:
        if _bypassed.get():
            return compute()
        key = self.key(name, inputs)
        value = self.local.get(key)
        if value is not MISSING:
            return value
        if self.shared:
            try:
                value = cache.get(key, MISSING)
            except Exception as error:
                outage.report("Cache", error)
        if value is MISSING:
            value = compute()
            if self.shared:
                try:
                    cache.set(key, value, timeout=self.timeout)
                except Exception as error:
                    outage.report("Cache", error)
        self.local.set(key, value)
        return value

    def has(self, name: str, inputs: Any = ()) -> bool:
        """Tell whether this process holds the value (without asking the shared cache)."""
        if _bypassed.get():
            return False
        return self.local.get(self.key(name, inputs)) is not MISSING


derived = Store("data", timeout=PAGE_TIMEOUT, local_entries=2_000, shared=True)
fragments = Store("fragment", timeout=PAGE_TIMEOUT, local_entries=20_000, shared=False)


def cached_by_content(name: str, compute: Callable[[], Any], inputs: Any = ()) -> Any:
    """Return ``compute()`` from the derived store (see the key rule above)."""
    return derived.get_or_set(name, compute, inputs)


# Pages ------------------------------------------------------------------------------

# Responses a view marks with this attribute are stored although they have parameters.
STORABLE_VARIANT = "storable_variant"
# Streaming responses a view marks with this attribute (a finite body that depends on the
# content alone: the open data exports) are stored as they are sent, up to STREAM_LIMIT
# bytes; a longer one is sent without being stored.
STORABLE_STREAM = "storable_stream"
STREAM_LIMIT = 8 * 1024 * 1024


def page_language(request) -> str:
    """Return the page's language from its path, as LocaleMiddleware will decide it."""
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def page_key(request) -> str:
    """Key a page by release, date, language, scheme, host name (no port) and full path.

    The content version is stored with the page rather than in its key, so a hit costs
    one round trip (the version and the page together) and a save overwrites the old
    copies instead of leaving them beside the new ones.
    """
    host, _port = split_domain_port(request.get_host())
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    day = timezone.localdate().isoformat()
    return f"portal:page:{release()}:{day}:{page_language(request)}:{digest(address)}"


def is_cacheable_request(request) -> bool:
    """Anonymous GETs of public pages."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(
            (
                f"/{settings.ADMIN_PATH}",
                "/healthz/",
                f"/{settings.STATIC_URL}",
                f"/{settings.MEDIA_URL}",
            )
        )
    )


def is_storable_variant(request, response) -> bool:
    """Store only what a page really serves: its plain address, or a variant it vouches
    for (its own parameters, choices that exist, a page number in range, no free text).

    A Host header with a port other than the server's would make a copy per port.
    """
    _host, port = split_domain_port(request.get_host())
    if port and port != str(request.META.get("SERVER_PORT", "")):
        return False
    return not request.GET or getattr(response, STORABLE_VARIANT, False)


def is_cacheable_response(request, response) -> bool:
    """A plain 200 that sets nothing per visitor; streamed only if its view vouches for it.

    Cookies are added by outer middleware after this check, so ask the request whether
    a CSRF token was handed out or the session was written.
    """
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and (not response.streaming or getattr(response, STORABLE_STREAM, False))
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
    )
