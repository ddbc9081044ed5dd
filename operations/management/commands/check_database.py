from django.core.management.base import BaseCommand, CommandError

from operations.services import DatabaseUnusable, check_database_writable


class Command(BaseCommand):
    help = "Stop with one line if the database cannot take a write (read-only, disk full...)."

    def handle(self, *args, **options):
        try:
            check_database_writable()
        except DatabaseUnusable as error:
            raise CommandError(str(error)) from None
