from films.models import Film
from portal.sitemaps import NamedPagesSitemap, PublishedSitemap

sitemaps = {
    "films": NamedPagesSitemap("films:list"),
    "film": PublishedSitemap(Film),
}
