from django.core.management.base import BaseCommand
from django.db import transaction

from portal import registry


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: rows are updated, never duplicated."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app, load in registry.offered("demo", "load"):
                counts = load()
                summary = ", ".join(f"{count} {name}" for name, count in counts.items())
                if options["verbosity"]:
                    self.stdout.write(f"{app}: {summary}")
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
