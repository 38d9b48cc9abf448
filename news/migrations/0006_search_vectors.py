# Stored search vectors on PostgreSQL (portal.search.vector_migration); nothing on SQLite.
from django.db import migrations

from portal.search import Field, vector_migration


class Migration(migrations.Migration):
    dependencies = [("news", "0005_danish_labels")]

    operations = [
        vector_migration(
            "news_newsarticle",
            (Field("title", "A"), Field("lead", "B"), Field("body", "C", html=True)),
            title="title",
        ),
    ]
