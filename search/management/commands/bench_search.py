"""Server time and SQL queries of the site search (`make bench`): a benchmark, not a test."""

import statistics

from django.core.management.base import BaseCommand

from home.benchmark import (
    REQUESTS_PER_PAGE,
    free_port,
    percentile,
    query_counts,
    server_times,
    start_server,
)

SEARCHES = [
    "/en-ca/search/?q=knee",
    "/en-ca/search/?q=jaw+pain",
    "/en-ca/search/?q=prolotherapy",
    "/en-ca/search/?q=prolotherapy&page=2",
    "/en-ca/search/?q=xylophone",
    "/fr-ca/recherche/?q=genoux",
    "/fr-ca/recherche/?q=epaule",
    "/fr-ca/recherche/?q=ATM",
]
TARGET_MS = 50


class Command(BaseCommand):
    help = "Print server time (median, p95 over 50 requests) and SQL queries of site searches."

    def handle(self, *args, **options):
        counts = query_counts(SEARCHES)
        port = free_port()
        server = start_server(port)
        rows = []
        try:
            for path in SEARCHES:
                timings = server_times(port, path)
                status, queries = counts[path]
                rows.append(
                    (path, status, statistics.median(timings), percentile(timings, 0.95), queries)
                )
        finally:
            server.terminate()
            server.wait(timeout=10)
        width = max(len(row[0]) for row in rows)
        self.stdout.write(f"{'search':<{width}}  status  median ms  p95 ms  queries")
        for path, status, median, p95, queries in rows:
            self.stdout.write(
                f"{path:<{width}}  {status:>6}  {median:>9.1f}  {p95:>6.1f}  {queries:>7}"
            )
        overall = statistics.median(row[2] for row in rows)
        verdict = "under" if overall < TARGET_MS else "OVER"
        self.stdout.write(
            f"Search: median of medians {overall:.1f} ms ({verdict} the {TARGET_MS} ms target), "
            f"{REQUESTS_PER_PAGE} requests each (gunicorn, 1 worker, DEBUG off)."
        )
