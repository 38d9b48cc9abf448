"""Subjects become a managed list: names compared without case or spacing.

``name_key`` and ``name_en_key`` hold each name as compared. Subjects that already differ
only in case or spacing are merged first (the oldest survives and takes over the links
of the others), so the unique constraints can be added.
"""

import unicodedata

from django.db import migrations, models


def _normalise(value):
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def _move_links(Tag, survivor, others):
    for rel in Tag._meta.get_fields(include_hidden=True):
        if not ((rel.one_to_many or rel.one_to_one) and rel.auto_created and not rel.concrete):
            continue
        rows = rel.related_model._default_manager
        owner = next(
            (
                field
                for field in rel.related_model._meta.concrete_fields
                if field.many_to_one and field.name != rel.field.name
            ),
            None,
        )
        if owner is None:
            rows.filter(**{f"{rel.field.name}__in": others}).update(**{rel.field.name: survivor})
            continue
        kept = set(
            rows.filter(**{rel.field.name: survivor}).values_list(owner.attname, flat=True)
        )
        for pk, item in rows.filter(**{f"{rel.field.name}__in": others}).values_list(
            "pk", owner.attname
        ):
            if item in kept:
                rows.filter(pk=pk).delete()
            else:
                rows.filter(pk=pk).update(**{rel.field.name: survivor})
                kept.add(item)


def fill_keys(apps, schema_editor):
    Tag = apps.get_model("portal", "Tag")
    seen = {}
    for tag in Tag.objects.order_by("pk"):
        tag.name = _normalise(tag.name)
        tag.name_en = _normalise(tag.name_en)
        key = tag.name.casefold()
        if key in seen:
            _move_links(Tag, seen[key], [tag])
            tag.delete()
            continue
        seen[key] = tag
        tag.name_key = key
        tag.name_en_key = tag.name_en.casefold()
        if tag.name_en_key and Tag.objects.filter(name_en_key=tag.name_en_key).exists():
            tag.name_en, tag.name_en_key = "", ""  # the first subject keeps the English name
        tag.save()
    if schema_editor.connection.vendor == "postgresql":
        # Check the moved links now: PostgreSQL will not alter a table with checks pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_pending_draft"),
        # The subject links whose rows a merge of doubles moves.
        ("activities", "0003_publishing_window"),
        ("news", "0004_publishing_window"),
        ("projects", "0005_publishing_window"),
    ]

    operations = [
        migrations.AddField(
            model_name="tag",
            name="name_key",
            field=models.CharField(editable=False, max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="tag",
            name="name_en_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=300),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tag",
            name="name_key",
            field=models.CharField(editable=False, max_length=300, unique=True),
        ),
        migrations.AlterField(
            model_name="tag",
            name="name",
            field=models.CharField(max_length=100, unique=True, verbose_name="navn"),
        ),
        migrations.AlterField(
            model_name="tag",
            name="slug",
            field=models.SlugField(
                allow_unicode=True,
                help_text="Udfyldes ud fra navnet.",
                max_length=100,
                unique=True,
                verbose_name="kortnavn i adressen",
            ),
        ),
        migrations.AddConstraint(
            model_name="tag",
            constraint=models.UniqueConstraint(
                condition=models.Q(("name_en_key", ""), _negated=True),
                fields=("name_en_key",),
                name="one_subject_per_english_name",
            ),
        ),
    ]
