from django.urls import reverse

from portal.sitemaps import PortalSitemap
from projects.models import ResearchProject


class ProjectListSitemap(PortalSitemap):
    def items(self):
        return ["projects:list"]

    def location(self, item):
        return reverse(item)


class ProjectSitemap(PortalSitemap):
    def items(self):
        return ResearchProject.objects.published().order_by("slug")

    def lastmod(self, project):
        return project.updated_at


sitemaps = {"projects": ProjectListSitemap, "project": ProjectSitemap}
