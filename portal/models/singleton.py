from typing import Any, Self

from django.db import models


class OneRow(models.Model):
    """A model of exactly one row, number 1: the site's notice switch, a page's texts.

    Every save writes row 1, whatever the form or the caller says; ``load()`` returns it,
    adding it with ``first_values()`` when it is not there yet.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def first_values(cls) -> dict[str, Any]:
        """What the row holds when it is added (its fields' defaults, unless overridden)."""
        return {}

    @classmethod
    def load(cls) -> Self:
        row, _created = cls.objects.get_or_create(pk=1, defaults=cls.first_values())
        return row
