"""400 published events over five years, half of them still to come, most with themes."""

import datetime

from django.utils import timezone

from events.models import Event, event_moments
from portal.models import PublishStatus
from themes.models import Theme

EVENTS = 400
DAYS = 365 * 5
PARAGRAPH = (
    "Centret samler kommuner og boligorganisationer om nye måder at organisere det "
    "boligsociale arbejde på. "
)


def load(rng) -> dict[str, int]:
    today = timezone.localdate()
    themes = list(Theme.objects.all()[:20])
    events = []
    for n in range(EVENTS):
        start_date = today + datetime.timedelta(days=rng.randrange(DAYS) - DAYS // 2)
        timed = n % 4 != 0
        start_time = datetime.time(rng.choice((9, 10, 13))) if timed else None
        end_time = datetime.time(start_time.hour + 2) if timed else None
        starts_at, ends_at = event_moments(start_date, start_time, None, end_time)
        events.append(
            Event(
                title_da=f"Skalaarrangement {n}: netværksmøde om boligsocialt arbejde",
                title_en=f"Scale event {n}" if n % 2 else "",
                slug=f"skalaarrangement-{n}",
                start_date=start_date,
                start_time=start_time,
                end_time=end_time,
                starts_at=starts_at,
                ends_at=ends_at,
                place="Online" if n % 3 == 0 else "København",
                description_da=f"<p>{PARAGRAPH * 4}</p>" * 3,
                status=PublishStatus.PUBLISHED,
            )
        )
    events = Event.objects.bulk_create(events, batch_size=500)
    if themes:
        links = Event.themes.through
        links.objects.bulk_create(
            [
                links(event_id=event.pk, theme_id=rng.choice(themes).pk)
                for event in events
                if event.pk % 5
            ],
            batch_size=2000,
        )
    return {"events": EVENTS}
