# Stored search vectors on PostgreSQL (portal.search.vector_migration); nothing on SQLite.
from django.db import migrations

from portal.search import Field, vector_migration


class Migration(migrations.Migration):
    dependencies = [("projects", "0006_danish_labels")]

    operations = [
        vector_migration(
            "projects_researchproject",
            (Field("title", "A"), Field("summary", "B"), Field("body", "C", html=True)),
            title="title",
        ),
    ]
