from django.core.management.base import BaseCommand

from pagecache.lighthouse import run


class Command(BaseCommand):
    help = "Lighthouse scores (mobile) for one page of each type in both languages."

    def handle(self, *args, **options):
        run(self.stdout)
