"""What the events app shows on a person's page (see portal.registry)."""

from events.models import Event


def block(person) -> dict | None:
    """The upcoming events the person is a contact for."""
    events = list(
        Event.objects.published()
        .upcoming()
        .filter(contacts=person)
        .order_by("starts_at", "pk")
        .with_list_relations()[:5]
    )
    return {"template": "events/person_block.html", "events": events} if events else None
