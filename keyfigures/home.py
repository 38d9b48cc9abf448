from keyfigures.models import KeyFigureBand


def block(template: str = "keyfigures/home_block.html") -> dict | None:
    """Return the newest published band with its figures, or None when there is none."""
    band = KeyFigureBand.objects.current()
    if band is None or not band.figures.all():
        return None
    return {"template": template, "band": band}
