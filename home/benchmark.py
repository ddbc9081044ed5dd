"""Server time and SQL queries per live page: a benchmark, not a test (`make bench`)."""

import http.client
import os
import socket
import statistics
import subprocess  # runs our own gunicorn only, see below  # nosec B404
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page

REQUESTS_PER_PAGE = 50


def live_page_paths():
    pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    return [page.url for page in pages.order_by("path") if page.url]


def query_counts(paths):
    """SQL queries to render each page once it is warm (the second request), with the page
    cache off: what a render costs, not what a cached answer costs (none)."""
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    counts = {}
    with override_settings(PAGE_CACHE_ENABLED=False):
        for path in paths:
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            counts[path] = (response.status_code, len(queries))
    return counts


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port, workers=1, threads=1, env=None):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 - our gunicorn, fixed arguments  # nosec B603
        [str(gunicorn), "--chdir", str(settings.SITE_DIR), "clinic.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads)]
        + ["--log-level", "warning"],
        # LOG_LEVEL: the request lines (INFO) would bury the figures.
        env={**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "WARNING", **(env or {})},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start within 30 seconds")


def server_times(port, path, count=REQUESTS_PER_PAGE):
    """Milliseconds for each of ``count`` requests over one keep-alive connection."""
    connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    timings = []
    try:
        for _ in range(count + 1):
            started = time.perf_counter()
            connection_.request("GET", path, headers={"Host": "127.0.0.1"})
            connection_.getresponse().read()
            timings.append((time.perf_counter() - started) * 1000)
    finally:
        connection_.close()
    return timings[1:]  # the first request warms caches


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(stdout):
    paths = live_page_paths()
    counts = query_counts(paths)
    port = free_port()
    server = start_server(port)
    rows = []
    try:
        for path in paths:
            timings = server_times(port, path)
            status, queries = counts[path]
            rows.append(
                (path, status, statistics.median(timings), percentile(timings, 0.95), queries)
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    width = max(len(row[0]) for row in rows) if rows else 10
    stdout.write(f"{'page':<{width}}  status  median ms  p95 ms  queries")
    for path, status, median, p95, queries in rows:
        stdout.write(f"{path:<{width}}  {status:>6}  {median:>9.1f}  {p95:>6.1f}  {queries:>7}")
    stdout.write(
        f"{len(rows)} pages, {REQUESTS_PER_PAGE} requests each (gunicorn, 1 worker, DEBUG off)."
    )
    return rows
