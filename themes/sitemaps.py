from portal.sitemaps import NamedPagesSitemap, PortalSitemap
from themes.models import Theme


class ThemeSitemap(PortalSitemap):
    def items(self):
        return Theme.objects.published().order_by("slug")

    def lastmod(self, theme):
        return theme.updated_at


sitemaps = {"themes": NamedPagesSitemap("themes:list"), "theme": ThemeSitemap}
