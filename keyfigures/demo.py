"""Demo content of "Faktabånd": only the figures seed 003 states, with its date.

Seed 003 ("Hvad er boligsociale indsatser?"): 2,4 mia. kr. invested in social housing
efforts since 2011, efforts that run four years, four focus areas; "Tallene er gældende
fra januar 2023".
"""

from keyfigures.models import KeyFigure, KeyFigureBand
from portal.models import PublishStatus

FIGURES = [
    (
        "2,4 mia. kr.",
        "DKK 2.4 billion",
        "investeret i boligsociale indsatser siden 2011",
        "invested in social housing efforts since 2011",
    ),
    ("4 år", "4 years", "varer en boligsocial indsats", "is how long a social housing effort runs"),
    ("4", "4", "overordnede indsatsområder", "overall focus areas"),
]


def load() -> dict[str, int]:
    band, _created = KeyFigureBand.objects.update_or_create(
        valid_year=2023,
        valid_month=1,
        defaults={
            "heading_da": "Fakta om igangværende boligsociale indsatser",
            "heading_en": "Facts about current social housing efforts",
            "status": PublishStatus.PUBLISHED,
        },
    )
    band.figures.all().delete()
    KeyFigure.objects.bulk_create(
        KeyFigure(
            band=band,
            value_da=value_da,
            value_en=value_en,
            label_da=label_da,
            label_en=label_en,
            order=order,
        )
        for order, (value_da, value_en, label_da, label_en) in enumerate(FIGURES, start=1)
    )
    return {"key-figure bands": 1, "key figures": len(FIGURES)}
