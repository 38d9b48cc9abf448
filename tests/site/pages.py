"""Find one page of every public page type from the site itself.

The sitemap names every page; links on list pages back to the same list with a query
string give the filtered variants, and a page with a search form is also searched.
A page type that appears in the URL patterns but not in the sitemap fails
``test_every_public_route_is_in_the_sitemap``.
"""

import re
from urllib.parse import urlsplit

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls import resolve as django_resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

NOT_FOUND = {"da": "/findes-ikke-her/", "en": "/en/does-not-exist/"}


def public_route_names() -> set[str]:
    """Return the namespaced names of every route under the language prefix."""
    names: set[str] = set()

    def walk(patterns, namespace: str | None, public: bool) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner_public = public or isinstance(pattern.pattern, LocalePrefixPattern)
                inner_ns = pattern.namespace or namespace
                walk(pattern.url_patterns, inner_ns, inner_public)
            elif isinstance(pattern, URLPattern) and public and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None, False)
    return names


def sitemap_paths(client) -> list[str]:
    xml = client.get("/sitemap.xml").content.decode()
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]


def language_of(path: str) -> str:
    return "en" if path.startswith("/en/") else "da"


def view_name(path: str) -> str:
    """Resolve a path the way the request would: in the language its prefix names."""
    with translation.override(language_of(path)):
        return django_resolve(path).view_name


def discover_pages(client) -> dict[str, str]:
    """Return {label: path} with one page per page type and language, filtered lists too."""
    pages: dict[str, str] = {}
    for path in sitemap_paths(client):
        label = f"{view_name(path)} [{language_of(path)}]"
        if label in pages:
            continue
        pages[label] = path
        html = client.get(path).content.decode()
        filtered = re.search(rf'href="({re.escape(path)}\?[^"#]+)"', html)
        if filtered:
            pages[f"{label} filtered"] = filtered.group(1).replace("&amp;", "&")
        elif 'role="search"' in html and 'name="q"' in html:
            pages[f"{label} searched"] = f"{path}?q=boligsocialt"
    for language, path in NOT_FOUND.items():
        pages[f"404 [{language}]"] = path
    return pages
