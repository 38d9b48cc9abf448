from themes.models import Theme


def block() -> dict | None:
    themes = list(Theme.objects.published()[:3])
    return {"template": "themes/home_block.html", "themes": themes} if themes else None
