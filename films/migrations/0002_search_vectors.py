# Stored search vectors on PostgreSQL (portal.search.vector_migration); nothing on SQLite.
from django.db import migrations

from portal.search import Field, vector_migration


class Migration(migrations.Migration):
    dependencies = [("films", "0001_initial")]

    operations = [
        vector_migration(
            "films_film",
            (
                Field("title", "A"),
                Field("description", "B", html=True),
                Field("transcript", "C", html=True),
            ),
            title="title",
        ),
    ]
