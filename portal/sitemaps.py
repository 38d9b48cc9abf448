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
    # Entries per file: each lists both languages with their alternates. A file of
    # a hundred renders in tens of milliseconds when nothing is stored.
    limit = 100

    def get_latest_lastmod(self):
        """Leave the date out of the index: it would read every entry of every section
        for each file listed. Each entry still has its own date in its section."""
        return None


class NamedPagesSitemap(PortalSitemap):
    """Pages that are one of a kind, given by their URL names."""

    def __init__(self, *names: str) -> None:
        self.names = list(names)

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)


class PublishedSitemap(PortalSitemap):
    """The published items of a content model, each dated by its last change, or by the
    moment its window opened if that came later (the page was new to visitors then)."""

    def __init__(self, model, *order: str) -> None:
        self.model, self.order = model, order or ("slug",)

    def items(self):
        # Only what a location and a date need: the list is read whole for every file.
        published = self.model.objects.published().only("slug", "updated_at", "publish_from")
        return published.order_by(*self.order)

    def lastmod(self, item):
        return max(filter(None, (item.updated_at, item.publish_from)))


class PeopleSitemap(PortalSitemap):
    def items(self):
        return Person.objects.active().only("slug").order_by("slug")


sitemaps = {
    "pages": NamedPagesSitemap(
        "portal:home",
        "portal:person_list",
        "portal:search",
        "portal:accessibility",
        "portal:privacy",
        "portal:data",
    ),
    "people": PeopleSitemap,
}


def collect() -> dict[str, Sitemap | type[Sitemap]]:
    return {
        name: sitemap
        for offered in registry.values("sitemaps", "sitemaps")
        for name, sitemap in offered.items()
    }
