from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase

from portal.text import slugify


class Tag(TagBase):
    """A subject ("emne") shared by every kind of content.

    taggit looks tags up by ``name`` internally, so the Danish name stays the one
    taggit knows and the English name is a plain extra column rather than a
    modeltranslation field (which would redirect those lookups).
    """

    name_en = models.CharField(_("navn på engelsk"), max_length=100, blank=True, default="")

    class Meta:
        verbose_name = _("emne")
        verbose_name_plural = _("emner")
        ordering = ["name"]

    @property
    def label(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    def slugify(self, tag: str, i: int | None = None) -> str:
        slug = slugify(tag)[:90] or "emne"
        return f"{slug}-{i}" if i is not None else slug
