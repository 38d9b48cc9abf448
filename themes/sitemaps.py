from portal.sitemaps import NamedPagesSitemap, PublishedSitemap
from themes.models import Theme

sitemaps = {"themes": NamedPagesSitemap("themes:list"), "theme": PublishedSitemap(Theme)}
