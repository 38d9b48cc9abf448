from portal.sitemaps import NamedPagesSitemap, PublishedSitemap
from projects.models import ResearchProject

sitemaps = {
    "projects": NamedPagesSitemap("projects:list"),
    "project": PublishedSitemap(ResearchProject),
}
