# Stored search vectors on PostgreSQL (portal.search.vector_migration); nothing on SQLite.
from django.db import migrations

from portal.search import Field, vector_migration


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [
        vector_migration(
            "events_event",
            (
                Field("title", "A"),
                Field("lead", "B"),
                Field("place", "B", translated=False),
                Field("description", "C", html=True),
            ),
            title="title",
        ),
    ]
