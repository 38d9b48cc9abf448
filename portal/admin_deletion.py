"""The delete page lists what goes with an item, without Django's link rows.

Deleting an item removes its links to other items (a project's partners, an activity's
focus areas), never the items at the other end. Django lists those links all the same,
named in English after the tables it made for them: "Activity-focusarea-relationer: 2",
"Activity_focus_areas object (1)". An editor learns nothing from them, so they go.
"""

from django.apps import apps
from django.utils.text import capfirst


def _link_models() -> list:
    """Return the link tables Django made itself for many-to-many fields."""
    return [
        model for model in apps.get_models(include_auto_created=True) if model._meta.auto_created
    ]


def _without(items: list, prefixes: tuple[str, ...]) -> list:
    kept = []
    for item in items:
        if isinstance(item, list):
            if nested := _without(item, prefixes):
                kept.append(nested)
        elif not str(item).startswith(prefixes):
            kept.append(item)
    return kept


class LinksOffDeletePageMixin:
    """Leave Django's own link rows off a model admin's delete pages."""

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        links = _link_models()
        prefixes = tuple(f"{capfirst(model._meta.verbose_name)}: " for model in links)
        plurals = {str(model._meta.verbose_name_plural) for model in links}
        model_count = {
            name: count for name, count in model_count.items() if str(name) not in plurals
        }
        return _without(to_delete, prefixes), model_count, perms_needed, protected
