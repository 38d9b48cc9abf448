"""The overview's one row, with the first texts, so the page is searchable from the
first deploy; an editor's later texts are never touched (the row is only added)."""

from django.db import migrations


def add_the_row(apps, schema_editor):
    from activities.models import FIRST_OVERVIEW

    Overview = apps.get_model("activities", "Overview")
    Overview.objects.get_or_create(pk=1, defaults=FIRST_OVERVIEW)


class Migration(migrations.Migration):
    dependencies = [("activities", "0008_overview_search_vectors")]

    operations = [migrations.RunPython(add_the_row, migrations.RunPython.noop)]
