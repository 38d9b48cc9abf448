"""The film on the overview of the focus areas (/indsatsomraader/), with its transcript."""

from films.models import Film


def media() -> dict | None:
    film = Film.objects.published().filter(on_overview=True).order_by("-created_at", "-pk").first()
    return {"template": "films/overview_block.html", "film": film} if film else None
