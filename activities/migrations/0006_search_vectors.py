# Stored search vectors on PostgreSQL (portal.search.vector_migration); nothing on SQLite.
from django.db import migrations

from portal.search import Field, vector_migration

SECTIONS = ("target_group_text", "method_text", "implementation", "evidence", "economy")


class Migration(migrations.Migration):
    dependencies = [("activities", "0005_activity_text_is_example")]

    operations = [
        vector_migration(
            "activities_activity",
            (
                Field("name", "A"),
                Field("summary", "B"),
                *(Field(name, "C", html=True) for name in SECTIONS),
            ),
            title="name",
        ),
    ]
