"""The demo content loads, and loading it again changes nothing anywhere."""

import pytest
from django.core.management import call_command
from django.db import models

from portal import registry

pytestmark = pytest.mark.django_db


def content_models() -> list[type[models.Model]]:
    """Every model of the site's own apps, the tables behind many-to-many fields too."""
    found = {
        model
        for app in registry.project_apps()
        for model in app.get_models(include_auto_created=True)
    }
    return sorted(found, key=lambda model: model._meta.label)


def rows(model) -> list[tuple]:
    """Every row of a table, leaving out what a repeated load may rightly renew.

    That is the times Django sets on each save, and the row's own id: a loader may
    replace rows with equal ones (the catalogue does so with an activity's sources).
    Links between rows are compared, so a replaced row that others point to shows.
    """
    names = [
        field.attname
        for field in model._meta.concrete_fields
        if not getattr(field, "auto_now", False) and not field.primary_key
    ]
    return sorted(model.objects.values_list(*names), key=repr)


def snapshot() -> dict[str, list[tuple]]:
    return {model._meta.label: rows(model) for model in content_models()}


def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    first = snapshot()

    call_command("load_demo", verbosity=0)

    second = snapshot()
    changed = [label for label in first if first[label] != second[label]]
    assert not changed
    assert {"projects.ResearchProject", "themes.Section", "news.TaggedArticle"} <= set(first)
    assert all(first[label] for label in ("activities.Activity", "portal.Person", "themes.Theme"))
