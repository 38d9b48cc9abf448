"""The events in the site search (see portal.search.Provider)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from events.models import SEARCH_FIELDS, Event
from events.templatetags.event_tags import event_when
from portal.search import Provider, SearchHit


def rows():
    return Event.objects.published()


def hit(event: Event) -> SearchHit:
    return SearchHit(
        event.title,
        event.get_absolute_url(),
        summary=event.lead or event.place,
        meta=event_when(event),
    )


def more_url(text: str) -> str:
    return f"{reverse('events:list')}?{urlencode({'q': text})}"


providers = [
    Provider(
        slug="arrangementer",
        label=_("Arrangementer"),
        queryset=rows,
        fields=SEARCH_FIELDS,
        hit=hit,
        more_url=more_url,
        order=("-starts_at", "pk"),
    )
]
