# Stored search vectors on PostgreSQL (portal.search.vector_migration); nothing on SQLite.
from django.db import migrations

from portal.search import Field, vector_migration


class Migration(migrations.Migration):
    dependencies = [("activities", "0007_overview")]

    operations = [
        vector_migration(
            "activities_overview",
            (
                Field("title", "A"),
                Field("lead", "B"),
                Field("body", "C", html=True),
                Field("areas_intro", "C"),
            ),
            title="title",
        ),
    ]
