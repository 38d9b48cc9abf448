from activities.models import Activity, FocusArea
from portal.sitemaps import NamedPagesSitemap, PortalSitemap, PublishedSitemap


class FocusAreaSitemap(PortalSitemap):
    def items(self):
        return FocusArea.objects.order_by("order", "slug")


sitemaps = {
    "activity_pages": NamedPagesSitemap(
        "activities:list", "activities:staircase", "activities:overview"
    ),
    "activity": PublishedSitemap(Activity),
    "focus_area": FocusAreaSitemap,
}
