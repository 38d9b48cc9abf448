from django.urls import reverse

from portal.sitemaps import PortalSitemap
from themes.models import Theme


class ThemeListSitemap(PortalSitemap):
    def items(self):
        return ["themes:list"]

    def location(self, item):
        return reverse(item)


class ThemeSitemap(PortalSitemap):
    def items(self):
        return Theme.objects.published().order_by("slug")

    def lastmod(self, theme):
        return theme.updated_at


sitemaps = {"themes": ThemeListSitemap, "theme": ThemeSitemap}
