from django.core.management.base import BaseCommand

from pagecache.benchmark import load_test as load_test_run
from pagecache.benchmark import run


class Command(BaseCommand):
    help = "Requests/s for a condition page and a static file on one server, and their ratio."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10)
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument(
            "--load-test",
            action="store_true",
            help="then: wrk -t2 -c32 -d60s on a condition page and on every page, cache on/off",
        )

    def handle(self, *args, seconds, connections, load_test, **options):
        run(self.stdout, seconds=seconds, connections=connections)
        if load_test:
            load_test_run(self.stdout)
