"""Open data: the events, as the list "Arrangementer" shows them (upcoming first)."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.filters import EventFilterSet
from events.models import EVENT_ZONE, Event
from portal.models import language_columns
from portal.opendata import LIST, TEXT, URL, Dataset, Field


def events():
    """The published events in the list's order, without their long text."""
    return Event.objects.published().in_list_order().defer(*language_columns("description"))


def with_themes(chunk: list[Event]) -> None:
    """Give each event of a chunk the titles of its published themes: one query of values."""
    from themes.models import Theme

    ids = [event.pk for event in chunk]
    found: dict[int, list[str]] = {pk: [] for pk in ids}
    column = "theme__title_en" if get_language() == "en" else "theme__title_da"
    links = (
        Event.themes.through.objects.filter(event_id__in=ids, theme__in=Theme.objects.published())
        .order_by("theme__title_da", "pk")
        .values_list("event_id", "theme__title_da", column)
    )
    for event_id, danish, title in links:
        found[event_id].append(title or danish)
    for event in chunk:
        event.export_themes = found[event.pk]


def moment(event: Event, value) -> str:
    """A date for an all-day event, else the Danish time with its offset (ISO 8601)."""
    if event.all_day:
        return value.astimezone(EVENT_ZONE).date().isoformat()
    return value.astimezone(EVENT_ZONE).isoformat(timespec="minutes")


def event_row(event: Event) -> dict:
    ends = event.last_day.isoformat() if event.all_day else moment(event, event.ends_at)
    return {
        "slug": event.slug,
        "title": event.title,
        "lead": event.lead,
        "starts": moment(event, event.starts_at),
        "ends": ends,
        "all_day": "true" if event.all_day else "false",
        "place": event.place,
        "signup_url": event.signup_url,
        "signup_deadline": event.signup_deadline.isoformat() if event.signup_deadline else "",
        "themes": event.export_themes,
        "url": event.get_absolute_url(),
        "calendar_url": reverse("events:event_calendar", kwargs={"slug": event.slug}),
    }


datasets = [
    Dataset(
        slug="arrangementer",
        title=_("Arrangementer"),
        description=_(
            "Centrets arrangementer: de kommende først (det nærmeste øverst), derefter de "
            "afholdte, det nyeste først."
        ),
        fields=(
            Field("slug", TEXT, _("Kort, fast navn, som også står i arrangementets adresse.")),
            Field("title", TEXT, _("Arrangementets titel.")),
            Field("lead", TEXT, _("Kort beskrivelse; kan være tom.")),
            Field(
                "starts",
                TEXT,
                _(
                    "Start i dansk tid (ÅÅÅÅ-MM-DDTtt:mm+02:00), eller en dato for "
                    "heldagsarrangementer."
                ),
            ),
            Field("ends", TEXT, _("Slut, skrevet som starten.")),
            Field("all_day", TEXT, _("“true” for et heldagsarrangement, ellers “false”.")),
            Field("place", TEXT, _("Adresse eller “Online”.")),
            Field("signup_url", URL, _("Link til tilmelding; kan være tomt.")),
            Field(
                "signup_deadline", TEXT, _("Sidste dag for tilmelding (ÅÅÅÅ-MM-DD); kan være tom.")
            ),
            Field("themes", LIST, _("De temaer, arrangementet hører under.")),
            Field("url", URL, _("Arrangementets side på hjemmesiden.")),
            Field("calendar_url", URL, _("Arrangementet som kalenderfil (.ics).")),
        ),
        queryset=events,
        row=event_row,
        prepare=with_themes,
        filterset_class=EventFilterSet,
        list_url="events:list",
    )
]
