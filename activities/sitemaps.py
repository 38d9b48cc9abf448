from django.urls import reverse

from activities.models import Activity, FocusArea
from portal.sitemaps import PortalSitemap


class CataloguePagesSitemap(PortalSitemap):
    def items(self):
        return ["activities:list", "activities:staircase"]

    def location(self, item):
        return reverse(item)


class ActivitySitemap(PortalSitemap):
    def items(self):
        return Activity.objects.published().order_by("slug")

    def lastmod(self, activity):
        return activity.updated_at


class FocusAreaSitemap(PortalSitemap):
    def items(self):
        return FocusArea.objects.order_by("order", "slug")


sitemaps = {
    "activity_pages": CataloguePagesSitemap,
    "activity": ActivitySitemap,
    "focus_area": FocusAreaSitemap,
}
