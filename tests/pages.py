"""Page discovery for the tests: tools.pages, reading pages through the test client."""

from tools import pages
from tools.pages import NOT_FOUND, language_of, public_route_names, view_name

__all__ = [
    "NOT_FOUND",
    "discover_pages",
    "language_of",
    "public_route_names",
    "sitemap_paths",
    "view_name",
]


def through(client) -> pages.Fetch:
    return lambda path: client.get(path).content.decode()


def sitemap_paths(client) -> list[str]:
    return pages.sitemap_paths(through(client))


def discover_pages(client) -> dict[str, str]:
    return pages.discover_pages(through(client))
