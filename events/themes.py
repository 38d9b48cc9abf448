"""What the events app shows on a theme's page (see portal.registry): the theme's next
events and a link to the events list filtered by the theme (``?tema=<slug>``).

Nothing when no event about the theme is coming: a link to an empty list helps no one.
"""

from django.urls import reverse
from django.utils.http import urlencode

from events.models import Event

HOW_MANY = 3


def block(theme) -> dict | None:
    upcoming = Event.objects.published().upcoming().about_theme(theme)
    events = list(upcoming.order_by("starts_at", "pk").with_list_relations()[:HOW_MANY])
    if not events:
        return None
    count = len(events) if len(events) < HOW_MANY else upcoming.count()
    return {
        "template": "events/theme_block.html",
        "events": events,
        "count": count,
        "list_url": f"{reverse('events:list')}?{urlencode({'tema': theme.slug})}",
    }
