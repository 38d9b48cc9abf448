import random

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from portal import registry
from portal.models import Person


class Command(BaseCommand):
    help = (
        "Create a large synthetic data set for benchmarks (each app's scale.py). "
        "Runs once per database: a second run does nothing."
    )

    def handle(self, *args, **options):
        if Person.objects.filter(slug__startswith="skala-person-").exists():
            self.stdout.write("Scale data already present.")
            return
        rng = random.Random(2026)  # noqa: S311 - repeatable synthetic data, not security
        with transaction.atomic():
            for app, load in registry.offered("scale", "load"):
                counts = load(rng)
                summary = ", ".join(f"{count} {name}" for name, count in counts.items())
                self.stdout.write(f"{app}: {summary}")
        if connection.vendor == "postgresql":
            # Fresh statistics, as a production database has: without them the planner
            # guesses a handful of rows and sorts where an index would do.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
