from django.core.management.base import BaseCommand, CommandError

from operations.backups import restore_site
from operations.services import BackupFailed


class Command(BaseCommand):
    help = "Restore the database and media from an archive made by backup_site."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A file written by backup_site.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the site already in the data folder (otherwise it must be empty).",
        )

    def handle(self, *args, archive, replace=False, **options):
        try:
            manifest = restore_site(archive, replace=replace)
        except BackupFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the site as it was on {manifest['created']} from {archive}. "
            "Start it with make run (or restart the server)."
        )
