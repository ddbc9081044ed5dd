from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from operations.services import BackupFailed, backup_database


class Command(BaseCommand):
    help = "Take a consistent backup of the live database (SQLite online backup, or pg_dump)."

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            help="Backup file (default: DATA_DIR/backups/db-<date and time>.backup).",
        )

    def handle(self, *args, destination=None, **options):
        if destination is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            destination = settings.DATA_DIR / "backups" / f"db-{stamp}.backup"
        try:
            path = backup_database(destination)
        except BackupFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup written to {path}.")
