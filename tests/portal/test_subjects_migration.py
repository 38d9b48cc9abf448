"""Subjects that already differ only in case or spacing are merged when the list is managed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("portal", "0002_help_text_without_brackets")]


def migrate(targets=None):
    """Migrate to ``targets`` (every app's newest by default); return the models as then."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    targets = targets or leaves
    executor.migrate(targets)
    executor.loader.build_graph()
    apps_then = {app for app, _name in targets}
    return executor.loader.project_state(
        [*targets, *(node for node in leaves if node[0] not in apps_then)]
    ).apps


def test_doubles_are_merged_into_the_oldest_with_their_links():
    old = migrate(BEFORE)
    try:
        Tag = old.get_model("portal", "Tag")
        Project = old.get_model("projects", "ResearchProject")
        Link = old.get_model("projects", "TaggedProject")
        first = Tag.objects.create(name="Boligområder", slug="a", name_en="Housing")
        same = Tag.objects.create(name="  boligområder", slug="b", name_en="housing ")
        shout = Tag.objects.create(name="BOLIGOMRÅDER", slug="c")
        other = Tag.objects.create(name="andet", slug="d")
        both = Project.objects.create(title="A", title_da="A", slug="a")
        one = Project.objects.create(title="B", title_da="B", slug="b")
        Link.objects.create(content_object=both, tag=first)
        Link.objects.create(content_object=both, tag=same)
        Link.objects.create(content_object=one, tag=shout)
        Link.objects.create(content_object=one, tag=other)
    finally:
        new = migrate()

    Tag = new.get_model("portal", "Tag")
    Link = new.get_model("projects", "TaggedProject")
    assert list(Tag.objects.order_by("pk").values_list("name", "name_key", "name_en")) == [
        ("Boligområder", "boligområder", "Housing"),
        ("andet", "andet", ""),
    ]
    assert sorted(Link.objects.values_list("content_object__slug", "tag__name")) == [
        ("a", "Boligområder"),
        ("b", "Boligområder"),
        ("b", "andet"),
    ]
