from portal.sitemaps import NamedPagesSitemap, PortalSitemap
from projects.models import ResearchProject


class ProjectSitemap(PortalSitemap):
    def items(self):
        return ResearchProject.objects.published().order_by("slug")

    def lastmod(self, project):
        return project.updated_at


sitemaps = {"projects": NamedPagesSitemap("projects:list"), "project": ProjectSitemap}
