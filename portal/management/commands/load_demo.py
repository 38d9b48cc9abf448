from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: rows are updated, never duplicated."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app in apps.get_app_configs():
                module_name = f"{app.name}.demo"
                if not app.name.startswith("django") and find_spec(module_name):
                    counts = import_module(module_name).load()
                    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
                    if options["verbosity"]:
                        self.stdout.write(f"{app.label}: {summary}")
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
