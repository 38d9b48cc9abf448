import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from portal.models import Publishable, PublishableQuerySet


class KeyFigureBandQuerySet(PublishableQuerySet):
    def newest(self):
        """Return the band valid from the latest month first."""
        return self.order_by("-valid_year", "-valid_month", "-pk")

    def with_figures(self):
        return self.prefetch_related(
            Prefetch("figures", queryset=KeyFigure.objects.order_by("order", "pk"))
        )

    def current(self) -> "KeyFigureBand | None":
        """Return the band visitors see: the newest published one, with its figures."""
        return self.published().newest().with_figures().first()


class KeyFigureBand(Publishable):
    """A band of key figures ("Faktabånd") that hold as of one month."""

    heading = models.CharField(
        _("overskrift"),
        max_length=150,
        help_text=_("Fx “Fakta om igangværende boligsociale indsatser”."),
    )
    valid_month = models.PositiveSmallIntegerField(
        _("gældende fra måned"), choices=list(MONTHS.items())
    )
    valid_year = models.PositiveSmallIntegerField(
        _("gældende fra år"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Tallene er gældende fra denne måned og dette år."),
    )

    objects = KeyFigureBandQuerySet.as_manager()

    class Meta:
        verbose_name = _("faktabånd")
        verbose_name_plural = _("faktabånd")
        ordering = ["-valid_year", "-valid_month", "-pk"]

    def __str__(self) -> str:
        return f"{self.heading} ({self.valid_month:02d}/{self.valid_year})"

    @property
    def valid_from(self) -> datetime.date:
        """The first day of the month the figures hold from (the day itself is not shown)."""
        return datetime.date(self.valid_year, self.valid_month, 1)


class KeyFigure(models.Model):
    """One figure of a band: a value with its unit and what it counts."""

    band = models.ForeignKey(
        KeyFigureBand, on_delete=models.CASCADE, related_name="figures", verbose_name=_("faktabånd")
    )
    value = models.CharField(
        _("tal"), max_length=40, help_text=_("Tallet med enhed, fx “2,4 mia. kr.” eller “4 år”.")
    )
    label = models.CharField(
        _("forklaring"),
        max_length=200,
        help_text=_("Hvad tallet viser, fx “investeret i boligsociale indsatser siden 2011”."),
    )
    source_url = models.URLField(
        _("kilde"), max_length=300, blank=True, default="", help_text=_("Valgfri adresse.")
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("nøgletal")
        verbose_name_plural = _("nøgletal")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"
