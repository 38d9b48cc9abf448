"""The events feed (Atom): the upcoming published events, soonest first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from events.models import Event
from events.templatetags.event_tags import event_when
from portal.feeds import atom_summary, tag_uri

ITEMS = 50


class UpcomingEventsFeed(Feed):
    feed_type = Atom1Feed
    title = _("CFBU's kommende arrangementer")
    subtitle = _("Seminarer, netværksmøder og webinarer fra centret.")
    # Calendar files and feeds are documents, not pages: the page checks leave them out.
    not_html = True

    def link(self):
        return reverse("events:list")

    def items(self):
        return Event.objects.published().upcoming().order_by("starts_at", "pk")[:ITEMS]

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        summary = event.lead or Truncator(event.description_text).words(60)
        return atom_summary(f"{event_when(event)}, {event.place}. {summary}")

    def item_link(self, event):
        return event.get_absolute_url()

    def item_pubdate(self, event):
        return event.publish_from or event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return super().get_object(request, *args, **kwargs)

    def item_guid(self, event) -> str:
        return tag_uri(self.request, event)

    item_guid_is_permalink = False


upcoming_feed = UpcomingEventsFeed()
