from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.locks import job_lock
from operations.schedule import JOBS, job


class Command(BaseCommand):
    help = "Run one scheduled job (operations/schedule.py), unless it is already running."

    def add_arguments(self, parser):
        parser.add_argument("name", choices=[entry.name for entry in JOBS])

    def handle(self, *args, name, **options):
        entry = job(name)
        if not entry.available:
            self.stdout.write(f"{name}: its command {entry.command[0]} is not installed; skipped.")
            return
        with job_lock(name) as held:
            if not held:
                self.stdout.write(f"{name}: already running; skipped.")
                return
            try:
                call_command(*entry.command, stdout=self.stdout, stderr=self.stderr)
            except CommandError as error:
                raise CommandError(f"{name}: {error}") from error
