from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, transaction

from portal.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the groups Redaktør and Skribent, or bring them up to date with the content "
        "types of today. Safe to run again: each group gets exactly its permissions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options):
        try:
            with transaction.atomic(using=options["database"]):
                changes = setup_roles(using=options["database"])
        except LookupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            for name, (added, removed) in changes.items():
                self.stdout.write(f"{name}: {added} permissions added, {removed} removed")
            self.stdout.write(self.style.SUCCESS("Roles are up to date."))
