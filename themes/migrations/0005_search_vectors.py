# Stored search vectors on PostgreSQL (portal.search.vector_migration); nothing on SQLite.
from django.db import migrations

from portal.search import Field, vector_migration


class Migration(migrations.Migration):
    dependencies = [("themes", "0004_danish_labels")]

    operations = [
        vector_migration(
            "themes_theme",
            (Field("title", "A"), Field("lead", "B"), Field("intro", "C", html=True)),
            title="title",
        ),
        vector_migration(
            "themes_section",
            (
                Field("heading", "B"),
                Field("body", "C", html=True),
                Field("read_more", "C", html=True),
            ),
        ),
        vector_migration(
            "themes_sectionitem",
            (
                Field("title", "B"),
                Field("body", "C", html=True),
                Field("read_more", "C", html=True),
            ),
        ),
    ]
