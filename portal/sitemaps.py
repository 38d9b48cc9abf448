"""The sitemap: every public page type, in both languages.

Each app may define ``sitemaps`` (a dict of name → Sitemap class) in its own
``sitemaps.py``; they are collected here. The quality tests read /sitemap.xml to find
one page of each type, so a new page type is checked from the day it is listed.
"""

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal.models import Person


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(PortalSitemap):
    """Pages that are one of a kind."""

    def items(self):
        return [
            "portal:home",
            "portal:person_list",
            "portal:search",
            "portal:accessibility",
            "portal:privacy",
        ]

    def location(self, item):
        return reverse(item)


class PeopleSitemap(PortalSitemap):
    def items(self):
        return Person.objects.active().order_by("slug")


@cache
def collect() -> dict[str, type[Sitemap]]:
    found: dict[str, type[Sitemap]] = {"pages": PagesSitemap, "people": PeopleSitemap}
    for app in apps.get_app_configs():
        module_name = f"{app.name}.sitemaps"
        if app.name != "portal" and not app.name.startswith("django") and find_spec(module_name):
            found.update(getattr(import_module(module_name), "sitemaps", {}))
    return found
