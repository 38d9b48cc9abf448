# The site search on PostgreSQL: pg_trgm, and the people's stored search vectors
# (portal.search.vector_migration); nothing happens on SQLite.
from django.db import migrations

from portal.search import Field, trigram_migration, vector_migration


class Migration(migrations.Migration):
    dependencies = [("portal", "0006_feeds_demo_notice")]

    operations = [
        trigram_migration(),
        vector_migration(
            "portal_person",
            (Field("name", "A", translated=False), Field("job_title", "B"), Field("bio", "C")),
            title="name",
        ),
    ]
