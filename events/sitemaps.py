from events.models import Event
from portal.sitemaps import NamedPagesSitemap, PublishedSitemap

sitemaps = {
    "events": NamedPagesSitemap("events:list"),
    "event": PublishedSitemap(Event, "-start_date", "slug"),
}
