from activities.models import Activity, FocusArea
from portal.sitemaps import NamedPagesSitemap, PortalSitemap


class ActivitySitemap(PortalSitemap):
    def items(self):
        return Activity.objects.published().order_by("slug")

    def lastmod(self, activity):
        return activity.updated_at


class FocusAreaSitemap(PortalSitemap):
    def items(self):
        return FocusArea.objects.order_by("order", "slug")


sitemaps = {
    "activity_pages": NamedPagesSitemap("activities:list", "activities:staircase"),
    "activity": ActivitySitemap,
    "focus_area": FocusAreaSitemap,
}
