"""What the themes app shows on a person's page (see portal.registry)."""

from themes.models import Theme


def block(person) -> dict | None:
    themes = list(Theme.objects.published().filter(contact=person))
    return {"template": "themes/person_block.html", "themes": themes} if themes else None
