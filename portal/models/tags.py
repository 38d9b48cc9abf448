import unicodedata

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import NaturalKeyManager, TagBase

from portal.text import slugify


def normalise_subject(value: str) -> str:
    """Return a subject's name as stored: one space between words, none around them."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def subject_key(value: str) -> str:
    """Return what two names must differ in to be two subjects: not case, not spacing.

    Compared in Python (``casefold``) rather than with the database's ``LOWER()``, which
    in SQLite leaves Æ, Ø and Å as they are.
    """
    return normalise_subject(value).casefold()


class TagQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.normalise()
        return super().bulk_create(objs, *args, **kwargs)

    def with_usage(self) -> "TagQuerySet":
        """Annotate ``usage``: how many items (of any content type, in any state) have each."""
        total = models.Value(0)
        for rel in Tag.subject_relations():
            count = (
                rel.related_model._default_manager.filter(**{rel.field.name: models.OuterRef("pk")})
                .order_by()
                .values(rel.field.name)
                .annotate(n=models.Count("pk"))
                .values("n")
            )
            total = total + Coalesce(models.Subquery(count), 0)
        return self.annotate(usage=total)

    def merge_into(self, survivor: "Tag") -> dict[type[models.Model], set]:
        """Move every link of these subjects to ``survivor`` and delete them.

        Every table with a foreign key to subjects takes part (the subject links of each
        content type, present and future); a link the survivor already has is dropped
        rather than doubled. Returns the pks of the linked rows' owners by model: the
        items whose subjects changed.
        """
        others = list(self.exclude(pk=survivor.pk))
        if not others:
            return {}
        changed: dict[type[models.Model], set] = {}
        with transaction.atomic():
            for rel in Tag.subject_relations():
                _move_links(rel, others, survivor, changed)
            Tag.objects.filter(pk__in=[tag.pk for tag in others]).delete()
        from portal.cache import bump_content_version

        bump_content_version()  # the moves are updates, which no signal reports to the caches
        return changed


def _link_owner_fields() -> dict[type[models.Model], models.ForeignKey]:
    """Map each subject link table to its foreign key to the item the links belong to."""
    from django.apps import apps

    owners = {}
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            if field.remote_field.model is not Tag:
                continue
            through = field.remote_field.through
            for fk in through._meta.concrete_fields:
                if fk.many_to_one and fk.related_model is model:
                    owners[through] = fk
    return owners


def _move_links(rel, others: list["Tag"], survivor: "Tag", changed: dict) -> None:
    """Point the rows of one relation at ``survivor``; a link it already has is dropped."""
    rows = rel.related_model._default_manager
    tag_field = rel.field.name
    owner_field = _link_owner_fields().get(rel.related_model)
    if owner_field is None:  # a plain foreign key: the row itself is what changes
        pks = list(rows.filter(**{f"{tag_field}__in": others}).values_list("pk", flat=True))
        rows.filter(pk__in=pks).update(**{tag_field: survivor})
        if pks:
            changed.setdefault(rel.related_model, set()).update(pks)
        return
    kept = set(rows.filter(**{tag_field: survivor}).values_list(owner_field.attname, flat=True))
    moving, dropping = [], []
    for pk, owner in rows.filter(**{f"{tag_field}__in": others}).values_list(
        "pk", owner_field.attname
    ):
        (dropping if owner in kept else moving).append(pk)
        kept.add(owner)
        changed.setdefault(owner_field.related_model, set()).add(owner)
    rows.filter(pk__in=dropping).delete()
    rows.filter(pk__in=moving).update(**{tag_field: survivor})


class Tag(TagBase):
    """A subject ("emne") shared by every kind of content.

    taggit looks tags up by ``name`` internally, so the Danish name stays the one
    taggit knows and the English name is a plain extra column rather than a
    modeltranslation field (which would redirect those lookups).

    Subjects are a managed list: editors pick from it, and a new subject is added on
    its own form, where ``clean()`` refuses names without letters and names that differ
    from an existing one only in case or spacing. ``name_key`` and ``name_en_key`` hold
    the names as compared, so the database refuses such doubles as well.
    """

    name = models.CharField(_("navn"), unique=True, max_length=100)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        unique=True,
        max_length=100,
        allow_unicode=True,
        help_text=_("Udfyldes ud fra navnet."),
    )
    name_en = models.CharField(_("navn på engelsk"), max_length=100, blank=True, default="")
    # casefold() can lengthen a name ("ß" → "ss"), so the keys have room to spare.
    name_key = models.CharField(max_length=300, unique=True, editable=False)
    name_en_key = models.CharField(max_length=300, blank=True, default="", editable=False)

    objects = NaturalKeyManager.from_queryset(TagQuerySet)()

    class Meta:
        verbose_name = _("emne")
        verbose_name_plural = _("emner")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name_en_key"],
                condition=~Q(name_en_key=""),
                name="one_subject_per_english_name",
            )
        ]

    @property
    def label(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    def slugify(self, tag: str, i: int | None = None) -> str:
        slug = slugify(tag)[:90] or "emne"
        return f"{slug}-{i}" if i is not None else slug

    def normalise(self) -> None:
        self.name = normalise_subject(self.name)
        self.name_en = normalise_subject(self.name_en)
        self.name_key = subject_key(self.name)
        self.name_en_key = subject_key(self.name_en)

    def save(self, *args, **kwargs):
        self.normalise()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.normalise()
        errors = {}
        for field, key, label in (
            ("name", "name_key", self.name),
            ("name_en", "name_en_key", self.name_en),
        ):
            if not label:
                continue
            if not any(char.isalpha() for char in label):
                errors[field] = ValidationError(
                    _("Et emne skal indeholde bogstaver, ikke kun tegn og tal."),
                    code="no_letters",
                )
                continue
            if "," in label:
                errors[field] = ValidationError(
                    _("Et emne kan ikke indeholde komma. Opret ét emne ad gangen."),
                    code="comma",
                )
                continue
            twin = Tag.objects.exclude(pk=self.pk).filter(**{key: getattr(self, key)}).first()
            if twin is not None:
                errors[field] = ValidationError(
                    _("Emnet “%(name)s” findes allerede. Vælg det i stedet for at oprette et nyt.")
                    % {"name": twin.name if field == "name" else twin.name_en},
                    code="duplicate",
                )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def subject_relations() -> list:
        """Every foreign key to subjects in the project, as the reverse relations of Tag."""
        return [
            rel
            for rel in Tag._meta.get_fields(include_hidden=True)
            if (rel.one_to_many or rel.one_to_one) and rel.auto_created and not rel.concrete
        ]


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
