from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from operations.deploy import generated_files


class Command(BaseCommand):
    help = "Write deploy/crontab and deploy/systemd/clinic-job-*.timer from operations/schedule.py."

    def handle(self, *args, **options):
        for relative, content in generated_files().items():
            path = Path(settings.BASE_DIR) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content)
            self.stdout.write(f"Wrote {relative}")
