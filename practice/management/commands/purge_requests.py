from django.conf import settings
from django.core.management.base import BaseCommand

from practice.services import purge_requests


class Command(BaseCommand):
    help = "Delete appointment requests older than REQUEST_RETENTION_DAYS (default 90). Idempotent."

    def handle(self, *args, **options):
        deleted = purge_requests()
        self.stdout.write(
            f"Deleted {deleted} request(s) older than {settings.REQUEST_RETENTION_DAYS} days."
        )
