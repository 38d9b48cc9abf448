from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from events.calendar import calendar_for, calendar_response
from events.filters import EventFilterSet
from events.models import EVENT_ZONE, Event
from portal.cache import STORABLE_VARIANT
from portal.context_processors import centre
from portal.seo import absolute, organization, page_meta
from portal.views import FilteredListView, StoredBodyMixin, crumbs


class EventListView(FilteredListView):
    """Upcoming events, soonest first; then past events, newest first; one pagination."""

    model = Event
    filterset_class = EventFilterSet
    template_name = "events/event_list.html"
    context_object_name = "events"
    card_template = "events/includes/event_card.html"
    card_name = "event"
    feed_url_name = "events:feed"
    feed_title = _("Kommende arrangementer")

    def get_unfiltered(self):
        return Event.objects.published().in_list_order(timezone.now())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["groups"] = UpcomingAndPast(context["events"])
        return context


class UpcomingAndPast:
    """A page of events split under its two headings, read only when the page's rows are
    rendered: a stored rows fragment needs neither the query nor the split."""

    def __init__(self, rows) -> None:
        self._rows = rows

    @cached_property
    def upcoming(self) -> list[Event]:
        return [event for event in self._rows if event.upcoming_first == 0]

    @cached_property
    def past(self) -> list[Event]:
        return [event for event in self._rows if event.upcoming_first == 1]


class EventDetailView(StoredBodyMixin, DetailView):
    template_name = "events/event_detail.html"
    body_template = "events/includes/event_body.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = crumbs(
            (_("Arrangementer"), reverse("events:list")), (self.object.title, None)
        )
        self.describe_event(page_meta(context), self.object)
        return context

    def describe_event(self, meta, event: Event) -> None:
        """schema.org's Event: when (Danish time; a date alone for an all-day event),
        where (a place, or online), and the centre as organiser."""
        if event.lead:
            meta.description = event.lead
        if event.all_day:
            start, end = event.start_date.isoformat(), event.last_day.isoformat()
        else:
            start = event.starts_at.astimezone(EVENT_ZONE).isoformat()
            end = event.ends_at.astimezone(EVENT_ZONE).isoformat()
        online = event.place.strip().casefold() == "online"
        url = absolute(self.request, event.get_absolute_url())
        facts = {
            "@type": "Event",
            "name": event.title,
            "description": event.lead or event.description_text[:300],
            "startDate": start,
            "endDate": end,
            "url": url,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/"
            + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
            # Online: the event's own page says how to take part (a sign-up link that
            # has closed is not repeated here).
            "location": {"@type": "VirtualLocation", "url": url}
            if online
            else {"@type": "Place", "name": event.place, "address": event.place},
            "organizer": organization(centre(), self.request),
        }
        meta.jsonld.append(facts)


@require_safe
def event_calendar(request, slug: str) -> HttpResponse:
    """One published event as an .ics file ("Tilføj til kalender")."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    response = calendar_response(calendar_for(request, [event]), f"{event.slug}.ics")
    if not request.GET:
        setattr(response, STORABLE_VARIANT, True)
    return response


@require_safe
def upcoming_calendar(request) -> HttpResponse:
    """Every upcoming published event: a calendar to subscribe to."""
    events = Event.objects.published().upcoming().order_by("starts_at", "pk")
    return calendar_response(calendar_for(request, events, feed=True), "arrangementer.ics")


# Calendar files and feeds are documents, not pages: the page checks leave them out.
event_calendar.not_html = True
upcoming_calendar.not_html = True

event_list = EventListView.as_view()
event_detail = EventDetailView.as_view()
