from django.core.management.base import BaseCommand

from home.benchmark import run


class Command(BaseCommand):
    help = "Print server time (median, p95 over 50 requests) and SQL queries for every live page."

    def handle(self, *args, **options):
        run(self.stdout)
