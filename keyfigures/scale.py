"""Ten years of monthly key-figure bands: only the newest published one is shown."""

from keyfigures.models import KeyFigure, KeyFigureBand
from portal.models import PublishStatus

# Older than the demo's band (January 2023), which stays the one shown.
YEARS = range(2011, 2023)


def load(rng) -> dict[str, int]:
    bands = KeyFigureBand.objects.bulk_create(
        [
            KeyFigureBand(
                heading_da=f"Skalafakta {year}-{month:02d}",
                valid_year=year,
                valid_month=month,
                status=PublishStatus.PUBLISHED,
            )
            for year in YEARS
            for month in range(1, 13)
        ]
    )
    KeyFigure.objects.bulk_create(
        KeyFigure(band=band, value_da=f"{rng.randrange(1, 99)} %", label_da="af beboerne", order=n)
        for band in bands
        for n in range(4)
    )
    return {"key-figure bands": len(bands)}
