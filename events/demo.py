"""Demo events. The seeds name no concrete event (seed 001 only says the centre holds
events for decision-makers, consultants, project managers and frontline staff), so
every event here is invented example content: its title starts with "Eksempel" and its
description says so. Dates are relative to today, so the demo always has upcoming
events and one past event.
"""

import datetime

from django.utils import timezone

from events.models import Event
from portal.demo import read, upsert
from portal.models import Person
from projects.models import ResearchProject
from themes.models import Theme


def time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def load() -> dict[str, int]:
    today = timezone.localdate()
    rows = read("events.json")
    for row in rows:
        contacts = row.pop("contacts")
        themes = row.pop("themes")
        projects = row.pop("research_projects")
        in_days, end_days = row.pop("in_days"), row.pop("end_days")
        deadline = row.pop("signup_deadline_in_days")
        row.update(
            start_date=today + datetime.timedelta(days=in_days),
            end_date=None if end_days is None else today + datetime.timedelta(days=end_days),
            start_time=time(row["start_time"]),
            end_time=time(row["end_time"]),
            signup_deadline=None if deadline is None else today + datetime.timedelta(days=deadline),
            status="published",
        )
        event = upsert(Event, "slug", row)
        event.contacts.set(Person.objects.filter(slug__in=contacts))
        event.themes.set(Theme.objects.filter(slug__in=themes))
        event.research_projects.set(ResearchProject.objects.filter(slug__in=projects))
    return {"events": len(rows)}
