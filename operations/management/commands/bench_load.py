from django.core.management.base import BaseCommand

from operations.load import run


class Command(BaseCommand):
    help = "Readers, staff logins and publishes at the same time; errors and times per kind."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=30)
        parser.add_argument("--readers", type=int, default=32)
        parser.add_argument("--logins", type=int, default=4)
        parser.add_argument(
            "--publish-interval", type=float, default=0.2, help="Seconds between publishes."
        )

    def handle(self, *args, seconds, readers, logins, publish_interval, **options):
        run(
            self.stdout,
            seconds=seconds,
            readers=readers,
            logins=logins,
            publish_interval=publish_interval,
        )
