"""Find one page of every public page type from the site itself.

The sitemap names every page; links on list pages back to the same list with a query
string give the filtered variants, and a page with a search form is also searched.
A page type that appears in the URL patterns but not in the sitemap fails
``test_every_public_route_is_in_the_sitemap``. A route whose view has ``not_html = True``
(a calendar file, a feed) is a document, not a page: it is left out of both.

The tests read pages through Django's test client, the benchmarks from a running
server; both hand in ``fetch``: a function from a path to the page's text.
"""

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls import resolve as django_resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

NOT_FOUND = {"da": "/findes-ikke-her/", "en": "/en/does-not-exist/"}

Fetch = Callable[[str], str]


def public_route_names() -> set[str]:
    """Return the namespaced names of every page route under the language prefix."""
    names: set[str] = set()

    def walk(patterns, namespace: str | None, public: bool) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner_public = public or isinstance(pattern.pattern, LocalePrefixPattern)
                inner_ns = pattern.namespace or namespace
                walk(pattern.url_patterns, inner_ns, inner_public)
            elif getattr(pattern.callback, "not_html", False):
                continue  # a calendar file or a feed: a document, not a page
            elif isinstance(pattern, URLPattern) and public and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None, False)
    return names


def sitemap_documents(fetch: Fetch) -> list[str]:
    """Return the sitemap's files: the index's sections, every page of each."""
    index = fetch("/sitemap.xml")
    sections = re.findall(r"<sitemap>\s*<loc>([^<]+)</loc>", index)
    return [fetch(urlsplit(loc)._replace(scheme="", netloc="").geturl()) for loc in sections]


def sitemap_paths(fetch: Fetch) -> list[str]:
    """Return the path of every page the sitemap lists, in both languages."""
    return [
        urlsplit(loc).path
        for xml in sitemap_documents(fetch)
        for loc in re.findall(r"<url>\s*<loc>([^<]+)</loc>", xml)
    ]


def language_of(path: str) -> str:
    return "en" if path.startswith("/en/") else "da"


def view_name(path: str) -> str:
    """Resolve a path the way the request would: in the language its prefix names."""
    with translation.override(language_of(path)):
        return django_resolve(path).view_name


def discover_pages(fetch: Fetch) -> dict[str, str]:
    """Return {label: path} with one page per page type and language, filtered lists too."""
    pages: dict[str, str] = {}
    for path in sitemap_paths(fetch):
        label = f"{view_name(path)} [{language_of(path)}]"
        if label in pages:
            continue
        pages[label] = path
        html = fetch(path)
        filtered = re.search(rf'href="({re.escape(path)}\?[^"#]+)"', html)
        if filtered:
            variant = filtered.group(1).replace("&amp;", "&")
            # A link that searches (the search page's popular subjects) is a search.
            kind = "searched" if "q" in parse_qs(urlsplit(variant).query) else "filtered"
            pages[f"{label} {kind}"] = variant
        # The page's own search form, not the header's (which every page has).
        elif 'role="search"' in (main := html.partition("<main")[2]) and 'name="q"' in main:
            pages[f"{label} searched"] = f"{path}?q=boligsocialt"
    for language, path in NOT_FOUND.items():
        pages[f"404 [{language}]"] = path
    return pages
