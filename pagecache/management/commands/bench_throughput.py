from django.core.management.base import BaseCommand

from pagecache.benchmark import run


class Command(BaseCommand):
    help = "Requests/s for a condition page and a static file on one server, and their ratio."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10)
        parser.add_argument("--connections", type=int, default=16)

    def handle(self, *args, seconds, connections, **options):
        run(self.stdout, seconds=seconds, connections=connections)
