"""Page discovery for the tests: tools.pages, reading pages through the test client."""

from tools import pages
from tools.pages import NOT_FOUND, language_of, public_route_names, view_name

__all__ = [
    "NOT_FOUND",
    "discover_pages",
    "language_of",
    "public_route_names",
    "sitemap_paths",
    "sitemap_xml",
    "view_name",
]


def through(client) -> pages.Fetch:
    return lambda path: client.get(path).content.decode()


def sitemap_xml(client) -> str:
    """Return every file of the sitemap, one after the other."""
    return "\n".join(pages.sitemap_documents(through(client)))


def sitemap_paths(client) -> list[str]:
    return pages.sitemap_paths(through(client))


def discover_pages(client) -> dict[str, str]:
    return pages.discover_pages(through(client))
