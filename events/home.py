from events.models import Event

HOW_MANY = 3


def block() -> dict | None:
    """The next three upcoming events, or nothing when none are coming."""
    events = list(
        Event.objects.published()
        .upcoming()
        .order_by("starts_at", "pk")
        .with_list_relations()[:HOW_MANY]
    )
    return {"template": "events/home_block.html", "events": events} if events else None
