from django.core.management.base import BaseCommand, CommandError

from operations.services import BackupFailed, restore_database


class Command(BaseCommand):
    help = "Replace the database's content with a backup made by backup_database."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="A file written by backup_database.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, backup, yes=False, **options):
        if not yes:
            answer = input(
                "This replaces every page, request and login with the backup's. Go on? [y/N] "
            )
            if answer.strip().lower() not in {"y", "yes", "o", "oui"}:
                self.stdout.write("Nothing restored.")
                return
        try:
            restore_database(backup)
        except BackupFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored from {backup}. Restart the server.")
