"""The events feed (Atom): the upcoming published events, soonest first, whole or
narrowed like the list (``?tema=``, ``?aar=``)."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from events.filters import EventFilterSet
from events.models import Event
from events.templatetags.event_tags import event_when
from portal.feeds import ListFeed


class UpcomingEventsFeed(ListFeed):
    model = Event
    filterset_class = EventFilterSet
    list_url_name = "events:list"
    feed_title = _("Kommende arrangementer")
    subtitle = _("Seminarer, netværksmøder og webinarer fra centret.")

    def items(self, filterset):
        # Only what is still to come: a feed reader shows the newest entry first, and
        # here the newest news is the nearest event.
        return filterset.qs.upcoming().order_by("starts_at", "pk")[: self.limit]

    def item_title(self, event) -> str:
        return event.title

    def item_summary(self, event) -> str:
        summary = event.lead or Truncator(event.description_text).words(60)
        return f"{event_when(event)}, {event.place}. {summary}"

    def item_updateddate(self, event):
        return event.updated_at
