"""A change to published content kept aside until someone publishes it.

A pending draft holds the item and every row it owns (its inlines: a project's contact
links and subject links, a theme's sections and their items), serialised the way
django-reversion stores a version. The live rows stay as they are: visitors see the
published version until the draft is applied.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import IntegrityError, connections, models, router, transaction
from django.db.models.deletion import Collector
from django.utils.translation import gettext_lazy as _
from reversion.revisions import _follow_relations, _get_options

PUBLISHING_FIELDS = ("status", "publish_from", "publish_until")


class DraftConflict(Exception):
    """A draft cannot be applied: something it points at is gone or taken."""


def snapshot_of(obj: models.Model) -> list[dict]:
    """Serialise ``obj`` and the rows it owns, parents before the rows that point at them."""
    rows, seen, queue = [], set(), [obj]
    while queue:
        current = queue.pop(0)
        key = (current._meta.label_lower, str(current.pk))
        if key in seen:
            continue
        seen.add(key)
        options = _get_options(type(current))
        rows.append(
            {
                "model": current._meta.label_lower,
                "object_id": str(current.pk),
                "format": options.format,
                "data": serializers.serialize(
                    options.format,
                    [current],
                    fields=options.fields,
                    use_natural_foreign_keys=options.use_natural_foreign_keys,
                ),
            }
        )
        queue.extend(_follow_relations(current))
    return rows


def _owned_now(obj: models.Model) -> list[models.Model]:
    found, seen, queue = [], set(), [obj]
    while queue:
        current = queue.pop(0)
        key = (type(current), current.pk)
        if key in seen:
            continue
        seen.add(key)
        found.append(current)
        queue.extend(_follow_relations(current))
    return found


def _deserialised(row: dict):
    return next(iter(serializers.deserialize(row["format"], row["data"], ignorenonexistent=True)))


def apply_snapshot(model: type[models.Model], object_id: str, rows: list[dict]) -> None:
    """Make the database hold ``rows``: save each, delete the owned rows they lack.

    Call inside a transaction. A row the draft added may carry an id that another item
    took since (SQLite hands out again the ids of a rolled-back save): it is saved under
    a new id, and the rows pointing at it follow.
    """
    using = router.db_for_write(model)
    root = model._base_manager.using(using).get(pk=object_id)
    live = _owned_now(root)
    live_keys = {(type(row), str(row.pk)) for row in live}
    versions = _without_dangling([_deserialised(row) for row in rows], using)
    for version in versions:
        if type(version.object) is model and str(version.object.pk) == str(root.pk):
            # What visitors see is the live item's to say: a draft carries content, never
            # the state it was saved in (an item taken offline since stays offline).
            for name in PUBLISHING_FIELDS:
                if hasattr(root, name):
                    setattr(version.object, name, getattr(root, name))
    wanted = {(type(version.object), str(version.object.pk)) for version in versions}
    gone = [row for row in live[1:] if (type(row), str(row.pk)) not in wanted]
    if gone:
        collector = Collector(using=using)
        collector.collect(gone)
        collector.delete()
    moved: dict[tuple[type[models.Model], str], object] = {}
    pending = versions
    while pending:
        failed = []
        for version in pending:
            try:
                with transaction.atomic(using=using):
                    _save_row(version, using, live_keys, moved)
            except IntegrityError:
                failed.append(version)
        if len(failed) == len(pending):
            raise DraftConflict(str(failed[0].object))
        pending = failed
    _check_references(using, {type(version.object) for version in versions})


def _without_dangling(versions: list, using: str) -> list:
    """Leave out what points at rows deleted since the draft was saved.

    A subject merged away or a person deleted while a draft waited: the link row goes,
    a nullable reference is emptied, and the rest of the draft (its text above all)
    still applies.
    """
    while True:
        present = {(type(v.object), str(v.object.pk)) for v in versions}
        kept = []
        for version in versions:
            instance = version.object
            whole = True
            for field in type(instance)._meta.concrete_fields:
                if not (field.many_to_one or field.one_to_one):
                    continue
                value = getattr(instance, field.attname)
                target = field.related_model
                if value is None or (target, str(value)) in present:
                    continue
                if not target._base_manager.using(using).filter(pk=value).exists():
                    if field.null:
                        setattr(instance, field.attname, None)
                    else:
                        whole = False
                        break
            if whole:
                for name, values in (version.m2m_data or {}).items():
                    related = type(instance)._meta.get_field(name).related_model
                    version.m2m_data[name] = list(
                        related._base_manager.using(using)
                        .filter(pk__in=values)
                        .values_list("pk", flat=True)
                    )
                kept.append(version)
        if len(kept) == len(versions):
            return kept
        versions = kept


def _check_references(using: str, touched: set[type[models.Model]]) -> None:
    """Raise DraftConflict if a row now points at something deleted since the draft was saved.

    Foreign keys are checked at commit; a draft applied only to be shown is never
    committed, and would fail on the page instead.
    """
    tables = {model._meta.db_table for model in touched}
    for model in touched:
        tables.update(
            field.remote_field.through._meta.db_table for field in model._meta.local_many_to_many
        )
    try:
        with transaction.atomic(using=using):
            connections[using].check_constraints(table_names=sorted(tables))
    except IntegrityError as error:
        raise DraftConflict(str(error)) from error


def _save_row(version, using, live_keys, moved) -> None:
    instance = version.object
    model = type(instance)
    for field in model._meta.concrete_fields:
        if field.many_to_one or field.one_to_one:
            target = (field.related_model, str(getattr(instance, field.attname)))
            if target in moved:
                setattr(instance, field.attname, moved[target])
    key = (model, str(instance.pk))
    taken = key not in live_keys and model._base_manager.using(using).filter(pk=instance.pk)
    if taken and taken.exists():
        instance.pk = None
        instance._state.adding = True
        models.Model.save_base(instance, using=using, raw=True)
        moved[key] = instance.pk
        for name, values in (version.m2m_data or {}).items():
            getattr(instance, name).set(values)
        return
    version.save(using=using)


class PendingDraftQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )


class PendingDraft(models.Model):
    """Changes to one published item, saved but not yet published."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("indholdstype")
    )
    object_id = models.CharField(_("id"), max_length=191)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemt af"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)
    snapshot = models.JSONField(_("indhold"), default=list)

    objects = PendingDraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("kladde med ændringer")
        verbose_name_plural = _("kladder med ændringer")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_draft_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model}:{self.object_id}"

    @property
    def model(self) -> type[models.Model] | None:
        return self.content_type.model_class()

    def apply(self) -> None:
        """Write the draft over the live rows (inside the caller's transaction)."""
        apply_snapshot(self.model, self.object_id, self.snapshot)
