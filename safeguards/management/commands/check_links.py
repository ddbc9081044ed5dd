from django.core.management.base import BaseCommand

from safeguards import links


class Command(BaseCommand):
    help = (
        "Check the web address of every directory resource (HEAD, then GET; redirects "
        "followed) and record the result and the date. Prints one line per broken link."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=links.TIMEOUT_SECONDS)
        parser.add_argument("--workers", type=int, default=links.WORKERS)

    def handle(self, *args, timeout, workers, **options):
        from directory.models import Resource

        checked = links.check_links(
            Resource.objects.exclude(url="").order_by("pk"), timeout=timeout, workers=workers
        )
        broken = 0
        for resource, result in checked:
            if not result.is_ok:
                broken += 1
                problem = result.status_code or result.error
                self.stdout.write(f"broken {resource.pk} “{resource}” {result.url}: {problem}")
        self.stdout.write(f"{len(checked)} links checked, {broken} broken.")
