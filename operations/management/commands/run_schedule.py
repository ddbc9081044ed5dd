import subprocess  # starts our own manage.py run_job only  # nosec B404
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.schedule import JOBS, due_between


class Command(BaseCommand):
    help = "Start the scheduled jobs when due, each minute (make run; production uses timers)."

    def handle(self, *args, **options):
        manage = Path(settings.BASE_DIR) / "manage.py"
        names = ", ".join(f"{entry.name} ({entry.when.cron})" for entry in JOBS if entry.available)
        self.stdout.write(f"Scheduler: {names}", ending="\n")
        self.stdout.flush()
        last = timezone.localtime()
        try:
            while True:
                time.sleep(60 - timezone.localtime().second + 0.5)
                now = timezone.localtime()
                for entry in due_between(last, now):
                    if entry.available:
                        # A process per job: a job that fails or hangs never stops the schedule.
                        subprocess.Popen(  # noqa: S603 - our own command  # nosec B603
                            [sys.executable, str(manage), "run_job", entry.name]
                        )
                last = now
        except KeyboardInterrupt:
            return
