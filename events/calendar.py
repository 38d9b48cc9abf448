"""Calendar files (iCalendar, RFC 5545) made with the ``icalendar`` library.

Timed events carry UTC instants (worked out in Europe/Copenhagen on save), so every
calendar program shows the right local time on both sides of a daylight-saving change
without a VTIMEZONE. All-day events are DATE values with the exclusive end the standard
asks for (the day after the last day). An event's UID is its primary key and the site's
domain (``DJANGO_CALENDAR_DOMAIN``; else the host the file was asked for), so a calendar
that imported it updates the same entry after an edit, whichever address it came by.
"""

import datetime
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.translation import gettext

from events.models import Event

PRODID = "-//CFBU//Arrangementer//DA"


def event_uid(event: Event, host: str) -> str:
    return f"event-{event.pk}@{settings.CALENDAR_DOMAIN or host}"


def calendar_event(event: Event, request, host: str):

    entry = icalendar.Event()
    entry.add("uid", event_uid(event, host))
    entry.add("sequence", event.sequence)
    entry.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    entry.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    entry.add("summary", event.title)
    if event.all_day:
        entry.add("dtstart", event.start_date)
        entry.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        entry.add("dtstart", event.starts_at.astimezone(datetime.UTC))
        entry.add("dtend", event.ends_at.astimezone(datetime.UTC))
    entry.add("location", event.place)
    url = request.build_absolute_uri(event.get_absolute_url())
    entry.add("url", url)
    lines = [event.description_text]
    if event.signup_url:
        lines.append(f"{gettext('Tilmelding')}: {event.signup_url}")
    lines.append(url)
    entry.add("description", "\n\n".join(line for line in lines if line))
    return entry


def calendar_for(request, events: Iterable[Event], *, feed: bool = False) -> bytes:
    """Return a calendar of ``events`` as bytes; ``feed`` names it for subscribing."""

    host, _port = split_domain_port(request.get_host())
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if feed:
        calendar.add("x-wr-calname", gettext("CFBU's arrangementer"))
        calendar.add(
            "refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"}
        )
    for event in events:
        calendar.add_component(calendar_event(event, request, host))
    return calendar.to_ical()


def calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
