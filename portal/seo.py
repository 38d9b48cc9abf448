"""What a page tells search engines and link previews: the one hook for every app.

``templates/base.html`` renders the head with ``{% seo_head %}`` (portal/templatetags/seo.py):
the ``<title>``, the meta description, the canonical address, ``hreflang`` alternates
for Danish, English and ``x-default``, OpenGraph and Twitter card tags, schema.org
JSON-LD, and ``noindex`` where a page should stay out of search engines. Every address
in them is absolute, built from the request like the sitemap's and robots.txt's.

What it reads, so an app never needs more than this module:

- The ``title`` and ``description`` blocks of the page's template (plain text is made
  of them: tags stripped, the description cut at a word boundary near 155 characters).
- ``seo``, a :class:`PageMeta` in the context, which a view fills to say more:

      from portal.seo import page_meta

      def get_context_data(self, **kwargs):
          context = super().get_context_data(**kwargs)
          meta = page_meta(context)          # the PageMeta already there, or a new one
          meta.type = "article"              # og:type
          meta.image = event.image.url       # relative is fine: made absolute
          meta.jsonld.append({"@type": "Event", "name": event.title, ...})
          return context

  Each ``jsonld`` entry is a dict: ``@context`` is added, it is written as its own
  ``<script type="application/ld+json">`` with ``<``, ``>`` and ``&`` escaped, so text from
  the content cannot end the script element. Use :func:`absolute` for addresses inside it
  (it needs the request). Read only objects the view has loaded: the head must not add
  queries. ``title``/``description`` given here win over the template's blocks.
- ``crumbs`` (portal.views.crumbs, what includes/breadcrumbs.html shows) → BreadcrumbList,
  and the section (the crumb before the page's own) is added to ``<title>``.
- ``meta.items`` → ItemList of the page's rows. Every list built on portal.views'
  FriendlyPaginationMixin or FilteredListView gets it without a line of its own: each row
  gives ``str(row)`` and ``row.get_absolute_url()``, stored with the rendered rows.
- A template without a view of its own may write data itself in its ``head`` block:
  ``{% load seo %}{% jsonld data %}`` (escaped the same way).
- ``preview`` (drafts), a ``robots`` block containing "noindex" (the error pages) or
  ``meta.noindex`` → ``<meta name="robots" content="noindex">`` and the ``X-Robots-Tag``
  header (portal.middleware.SecurityHeadersMiddleware adds it; every 4xx/5xx gets it too).

Which variants of a page are indexed (decided once, here and in portal.views):

- Tracking and other unknown query parameters never change the canonical address.
- A list without filters, page N of it and a list narrowed by ONE filter (page N of
  that too) are canonical to themselves. Two or more filters, an invalid filter value
  or free text (``?q=``) are ``noindex`` with the unfiltered list as canonical. A sort
  order is a variant: canonical without it.
- Any page with a non-empty ``?q=`` is a search result: ``noindex`` (``/soeg/?q=…``
  included). The empty search page ``/soeg/`` is indexable: it is the site's way in.
"""

import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

DESCRIPTION_LENGTH = 155
PAGE_PARAMETER = "page"
SEARCH_PARAMETER = "q"
# og:locale per language code.
LOCALES = {"da": "da_DK", "en": "en_GB"}

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class PageMeta:
    """Head data a view gives its page; everything is optional."""

    title: str | None = None
    description: str | None = None
    image: str | None = None  # an address, relative or absolute
    type: str = "website"  # og:type: "website", "article", "profile"
    jsonld: list[dict] = field(default_factory=list)
    noindex: bool = False
    # The canonical path and query ("/nyheder/?emne=x"); None: the page's path alone.
    canonical: str | None = None
    # A callable returning (name, address) of the rows shown, for an ItemList.
    items: object = None
    # The number of the first row shown (page 2 of 12 a page starts at 13).
    first_position: int = 1


def page_meta(context) -> PageMeta:
    """Return the context's PageMeta, putting a new one there when there is none."""
    meta = context.get("seo")
    if meta is None:
        meta = context["seo"] = PageMeta()
    return meta


def plain(text) -> str:
    """Return rendered template text as plain text: no tags, entities read, one-spaced."""
    return " ".join(html.unescape(strip_tags(str(text or ""))).split())


def describe(text, limit: int = DESCRIPTION_LENGTH) -> str:
    """Return plain text cut at a word boundary to at most ``limit`` characters."""
    text = plain(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"


def absolute(request, url: str | None) -> str | None:
    """Return the absolute address of ``url`` on this site (as the sitemap builds it)."""
    if not url:
        return None
    return request.build_absolute_uri(url)


def jsonld(data) -> SafeString:
    """Return ``data`` as JSON safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    return mark_safe(text.translate(_JSON_ESCAPES))  # noqa: S308 - <, >, & escaped


def organization(centre: dict, request) -> dict:
    facts = {"@type": "Organization", "name": centre["name"], "url": absolute(request, "/")}
    if centre.get("short_name"):
        facts["alternateName"] = centre["short_name"]
    return facts


def is_search_result(request) -> bool:
    return bool(request.GET.get(SEARCH_PARAMETER, "").strip())


def list_variant(request, filters: dict, valid: bool, page: int) -> tuple[str, bool]:
    """Return (canonical path and query, noindex) for a list narrowed by ``filters``.

    ``filters`` are the filter parameters in the address (name → list of values), the
    sort order, paging and unknown parameters left out; ``valid`` is False when any of
    them has a value the list does not know.
    """
    values = [(name, value) for name, given in filters.items() for value in given]
    if not valid or len(values) > 1 or any(name == SEARCH_PARAMETER for name, _ in values):
        return request.path, True
    query = [*values, *([(PAGE_PARAMETER, page)] if page > 1 else [])]
    return (f"{request.path}?{urlencode(query)}" if query else request.path), False


_NOINDEX = re.compile(r"\bnoindex\b")


def wants_noindex(robots_block: str) -> bool:
    return bool(_NOINDEX.search(robots_block or ""))
