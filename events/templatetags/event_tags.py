"""When an event is, as visitors read it: "15. februar 2027 kl. 10:00–12:00"."""

from django import template
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.translation import gettext

from events.models import EVENT_ZONE

register = template.Library()


def _date(day) -> str:
    return date_format(day, "DATE_FORMAT")


def _time(moment) -> str:
    return time_format(moment, "TIME_FORMAT")


@register.simple_tag
def event_when(event) -> str:
    """Return the event's dates and times in Danish time, in the current language."""
    start, last = _date(event.start_date), _date(event.last_day)
    if event.all_day:
        if event.spans_days:
            return gettext("%(start)s til %(end)s") % {"start": start, "end": last}
        return start
    values = {"date": start, "start": _time(event.start_time), "last": last}
    if event.end_time is None:
        return gettext("%(date)s kl. %(start)s") % values
    values["end"] = _time(event.end_time)
    if event.spans_days:
        return gettext("%(date)s kl. %(start)s til %(last)s kl. %(end)s") % values
    return gettext("%(date)s kl. %(start)s–%(end)s") % values


@register.simple_tag
def event_time(event) -> str:
    """Return ``event_when`` in a <time> element carrying the start for machines."""
    if event.all_day:
        machine = event.start_date.isoformat()
    else:
        machine = event.starts_at.astimezone(EVENT_ZONE).isoformat(timespec="minutes")
    return format_html('<time datetime="{}">{}</time>', machine, event_when(event))
