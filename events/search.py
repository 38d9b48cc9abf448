from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from events.models import Event
from events.templatetags.event_tags import event_when
from portal.search import SearchGroup, SearchHit


def hit(event: Event) -> SearchHit:
    return SearchHit(
        event.title,
        event.get_absolute_url(),
        summary=event.lead or event.place,
        meta=event_when(event),
    )


def search(text: str, limit: int) -> SearchGroup:
    """Search the published events: title, description and place, in either language."""
    events = Event.objects.published().search(text).order_by("-starts_at", "pk")
    return SearchGroup.of(
        gettext("Arrangementer"),
        events.with_list_relations(),
        limit,
        hit,
        more_url=f"{reverse('events:list')}?{urlencode({'q': text})}",
    )
