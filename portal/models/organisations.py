from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text import SLUG_ERRORS, unique_slug


class Organisation(models.Model):
    """A partner organisation: a fund, an agency, a housing body, a municipality."""

    name = models.CharField(
        _("navn"),
        max_length=200,
        unique=True,
        error_messages={"unique": _("Der findes allerede en organisation med dette navn.")},
    )
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        blank=True,
        error_messages=SLUG_ERRORS,
        help_text=_("Udfyldes ud fra navnet."),
    )
    url = models.URLField(_("hjemmeside"), blank=True, default="")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)
