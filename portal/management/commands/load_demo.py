from django.core.management.base import BaseCommand
from django.db import transaction

from portal import registry
from portal.models import SiteNotice


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: rows are updated, never duplicated."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app, load in registry.offered("demo", "load"):
                counts = load()
                summary = ", ".join(f"{count} {name}" for name, count in counts.items())
                if options["verbosity"]:
                    self.stdout.write(f"{app}: {summary}")
            # Much of the demo's text is written for the demo: every page says so until
            # an editor switches the notice off (or DJANGO_DEMO_NOTICE=off).
            SiteNotice.switch_demo_notice(True)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
            self.stdout.write(
                "Pages show the notice that the texts are examples; switch it off in the "
                "admin (Besked om eksempelindhold) or with DJANGO_DEMO_NOTICE=off."
            )
