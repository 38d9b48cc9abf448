"""A page cache for anonymous visitors that every save invalidates, in every process.

Each rendered page is stored under a key that contains the current *content version*.
Saving or deleting any content bumps the version in the shared cache (Redis in
production), so every app process stops serving old pages at once; the old entries
simply expire.
"""

import hashlib
import logging
import uuid
from functools import cache as cache_once

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:content-version"
PAGE_TIMEOUT = 60 * 10


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add() keeps a version another process set meanwhile.
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def _set_new_version() -> None:
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # a cache outage must never block an editor's save
        logger.exception("Could not invalidate the page cache")


def bump_content_version(**kwargs) -> None:
    """Invalidate now, and again after commit.

    The second bump closes a race: another process could render the page from the old,
    still committed data between the first bump and the commit, and store it under the
    new version.
    """
    _set_new_version()
    transaction.on_commit(_set_new_version, robust=True)


class LocalCopies:
    """Values derived from content, kept in this process for the current content version."""

    def __init__(self) -> None:
        self.version: str | None = None
        self.values: dict[str, object] = {}

    def get(self, version: str, name: str):
        if version != self.version:
            self.version, self.values = version, {}
        return self.values.get(name)

    def set(self, version: str, name: str, value) -> None:
        if version == self.version and len(self.values) < 5000:
            self.values[name] = value


local_copies = LocalCopies()


def cached_by_content(name: str, compute, timeout: int = PAGE_TIMEOUT):
    """Return ``compute()``, stored until the next content change.

    For data derived from all content, such as the filters' counts per person and
    subject: fresh after every save, computed once per change rather than per request.
    Each process also keeps its own copy for the current version, which saves the
    shared cache a round trip and the value its unpickling.
    """
    try:
        version = content_version()
    except Exception:
        logger.exception("Cache unavailable")
        return compute()
    value = local_copies.get(version, name)
    if value is not None:
        return value
    key = f"portal:data:{version}:{name}"
    try:
        value = cache.get(key)
    except Exception:
        logger.exception("Cache unavailable")
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout=timeout)
        except Exception:
            logger.exception("Cache unavailable")
    local_copies.set(version, name, value)
    return value


def page_key(version: str, language: str, request) -> str:
    """Key a page by content version, language, host, scheme and full path."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()
    return f"portal:page:{version}:{language}:{digest}"


@cache_once
def known_query_params() -> frozenset[str]:
    """Return the query parameters some page understands: its filters and ``page``.

    Read from the filter forms themselves, so a new filter is cacheable at once.
    """
    from django.urls import get_resolver

    from portal.forms import FilterForm

    get_resolver().url_patterns  # noqa: B018 - imports every view, and so every form
    names, forms = {"page"}, [FilterForm]
    while forms:
        form = forms.pop()
        names.update(form.base_fields)
        forms.extend(form.__subclasses__())
    return frozenset(names)


def connect_invalidation() -> None:
    """Bump the content version whenever content changes anywhere on the site."""
    from portal.registry import project_apps

    for model in (model for app in project_apps() for model in app.get_models()):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"del-{model}")
    m2m_changed.connect(bump_content_version, dispatch_uid="bump-m2m")


def is_cacheable_request(request) -> bool:
    """Anonymous GETs whose query parameters all mean something to some page.

    Unknown parameters would each make a new entry and could push real pages out.
    """
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(("/admin/", f"/{settings.STATIC_URL}"))
        and known_query_params().issuperset(request.GET.keys())
    )


def is_cacheable_response(request, response) -> bool:
    """A plain 200 that sets nothing per visitor.

    Cookies are added by outer middleware after this check, so ask the request whether
    a CSRF token was handed out or the session was written.
    """
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
    )


class RenderedCards:
    """Rendered list cards, kept in this process until the content version changes.

    A card (a project, an activity, a news item) looks the same on every list that shows
    it, so a list page rendered for a new combination of filters reuses the cards other
    pages already rendered. The shared content version, read once per request, empties
    the store after any save in any process.
    """

    MAX = 20_000

    def __init__(self) -> None:
        self.version: str | None = None
        self.cards: dict[tuple, str] = {}

    def has(self, version: str, key: tuple) -> bool:
        return version == self.version and key in self.cards

    def get_or_render(self, version: str, key: tuple, render) -> str:
        if version != self.version or len(self.cards) > self.MAX:
            self.version, self.cards = version, {}
        html = self.cards.get(key)
        if html is None:
            html = self.cards[key] = render()
        return html


rendered_cards = RenderedCards()


def request_content_version(request) -> str:
    """Return the content version, read from the shared cache at most once per request."""
    version = getattr(request, "content_version", None)
    if version is None:
        try:
            version = content_version()
        except Exception:  # no shared cache: render without reuse
            version = uuid.uuid4().hex
        request.content_version = version
    return version


def card_key(template_name: str, values: dict) -> tuple:
    """Identify a card by language, template and the objects and values it shows."""
    from django.db.models import Model
    from django.utils.translation import get_language

    identity = tuple(
        (name, (value._meta.label, value.pk) if isinstance(value, Model) else value)
        for name, value in sorted(values.items())
    )
    return (get_language(), template_name, identity)
