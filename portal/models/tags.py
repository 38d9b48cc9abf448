from django.db import models
from django.db.models import Prefetch, Q
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


def prefetch_subjects(link_model) -> Prefetch:
    """Prefetch an object's subjects in name order, for ``HasSubjects.subjects``.

    Through the link table rather than taggit's manager, which builds a new query per
    object before it looks at the prefetched rows.
    """
    return Prefetch(
        "tagged_items",
        queryset=link_model.objects.select_related("tag").order_by("tag__name"),
        to_attr="tag_links",
    )


def subject_links(link_model, word: str):
    """Return the link rows of the outer object whose subject, in either language, has
    ``word`` in it: for ``Exists`` in a search."""
    from django.db.models import OuterRef

    return link_model.objects.filter(content_object=OuterRef("pk")).filter(
        Q(tag__name__icontains=word) | Q(tag__name_en__icontains=word)
    )


class HasSubjects:
    """Content tagged with subjects through a link table named ``tagged_items``."""

    @property
    def subjects(self) -> list[Tag]:
        """Return the subjects in name order (prefetched for lists by prefetch_subjects)."""
        links = getattr(self, "tag_links", None)
        if links is None:
            return list(self.tags.order_by("name"))
        return [link.tag for link in links]
