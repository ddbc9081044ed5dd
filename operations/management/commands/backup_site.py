from django.core.management.base import BaseCommand, CommandError

from operations.backups import backup_site
from operations.services import BackupFailed


class Command(BaseCommand):
    help = "Archive the database and the media (default: DATA_DIR/backups/site-<date>.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("destination", nargs="?", help="Archive file to write.")

    def handle(self, *args, destination=None, **options):
        try:
            path = backup_site(destination)
        except BackupFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup of the database and media written to {path}.")
