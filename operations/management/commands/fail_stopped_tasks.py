from django.core.management.base import BaseCommand

from operations.worker import fail_stopped_tasks


class Command(BaseCommand):
    help = "Mark background tasks left running by a worker that stopped as failed."

    def handle(self, *args, **options):
        count = fail_stopped_tasks()
        self.stdout.write(f"{count} task(s) left running by a stopped worker marked failed.")
