"""The sitemap: every public page type, in both languages.

Each app may define ``sitemaps`` (a dict of name → Sitemap) in its own ``sitemaps.py``;
the registry collects them, this module's own first. The quality tests read
/sitemap.xml to find one page of each type, so a new page type is checked from the day
it is listed.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal import registry
from portal.models import Person


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class NamedPagesSitemap(PortalSitemap):
    """Pages that are one of a kind, given by their URL names."""

    def __init__(self, *names: str) -> None:
        self.names = list(names)

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)


class PeopleSitemap(PortalSitemap):
    def items(self):
        return Person.objects.active().order_by("slug")


sitemaps = {
    "pages": NamedPagesSitemap(
        "portal:home",
        "portal:person_list",
        "portal:search",
        "portal:accessibility",
        "portal:privacy",
    ),
    "people": PeopleSitemap,
}


def collect() -> dict[str, Sitemap | type[Sitemap]]:
    return {
        name: sitemap
        for offered in registry.values("sitemaps", "sitemaps")
        for name, sitemap in offered.items()
    }
