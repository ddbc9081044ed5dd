"""Requests per second for a condition page and a static file on the same server, and their
ratio: a benchmark, not a test (`make bench`, `manage.py bench_throughput`).

The server is started as `make run` starts it (gunicorn, 2 workers x 4 threads, the same
settings and database), once with the page cache and once without. The load comes from wrk
(Debian's package) when it is installed, else from Python threads on keep-alive connections
(slower to generate load, so its figures are lower bounds). Only loopback traffic.
"""

import http.client
import re
import shutil
import subprocess  # runs wrk with fixed arguments  # nosec B404
import tempfile
import threading
import time

from django.templatetags.static import static

from home.benchmark import free_port, live_page_paths, start_server
from treatments.models import ConditionPage


def condition_path():
    page = ConditionPage.objects.live().public().order_by("path").first()
    return page.get_url() if page else None


def _wrk(port, seconds, connections, path="/", script=None):
    """wrk's answer: (req/s, non-2xx/3xx answers, socket errors incl. timeouts)."""
    arguments = [shutil.which("wrk"), "-t2", f"-c{connections}", f"-d{seconds}s"]
    arguments += ["-s", script] if script else []
    output = subprocess.run(  # noqa: S603 - wrk, fixed arguments, loopback only  # nosec B603
        [*arguments, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return rate, int(bad.group(1)) if bad else 0, sum(map(int, sockets.groups())) if sockets else 0


def with_wrk(port, path, seconds, connections):
    rate, bad, sockets = _wrk(port, seconds, connections, path)
    return rate, bad + sockets


# wrk's own scripting: each request takes the next address of the list (every live page).
ROTATE = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def with_wrk_mixed(port, paths, seconds, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        lua.write(ROTATE % ", ".join(f'"{path}"' for path in paths))
        lua.flush()
        return _wrk(port, seconds, connections, script=lua.name)


def load_test(stdout, seconds=60, connections=32):
    """Issue 12's load: wrk -t2 -c32 -d60s on a condition page and on every page in turn, with
    the page cache on and off. The pass mark: no non-2xx/3xx answer, no socket error or timeout.
    """
    if not shutil.which("wrk"):
        stdout.write("Load test SKIPPED: wrk is not installed (apt-get install wrk).")
        return []
    page, paths = condition_path(), live_page_paths()
    rows = []
    for label, cache in (("page cache on", "1"), ("page cache off", "0")):
        port = free_port()
        server = start_server(port, workers=2, threads=4, env={"PAGE_CACHE": cache})
        try:
            for _worker in range(4):
                first_answer(port, page)
            rows.append((label, "condition page", *_wrk(port, seconds, connections, page)))
            mixed = with_wrk_mixed(port, paths, seconds, connections)
            rows.append((label, f"{len(paths)} pages in turn", *mixed))
        finally:
            stop(server)
    stdout.write(f"Load (wrk -t2 -c{connections} -d{seconds}s; gunicorn 2 workers x 4 threads):")
    stdout.write(f"{'':16}{'load':<22}{'req/s':>8}{'non-2xx/3xx':>13}{'socket errors':>15}")
    for label, what, rate, bad, sockets in rows:
        stdout.write(f"{label:16}{what:<22}{rate:>8.0f}{bad:>13}{sockets:>15}")
    failed = sum(bad + sockets for *_rest, bad, sockets in rows)
    stdout.write("Errors: none." if not failed else f"Errors: {failed} (see above).")
    return rows


def with_threads(port, path, seconds, connections):
    deadline = time.monotonic() + seconds
    counts, errors = [0] * connections, [0] * connections

    def reader(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            counts[number] += 1
            errors[number] += response.status >= 400
        connection.close()

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds, sum(errors)


def first_answer(port, path):
    """Wait for the workers: on a busy machine their first answer may take many seconds."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        connection.getresponse().read()
    finally:
        connection.close()


def measure(port, path, seconds, connections):
    load = with_wrk if shutil.which("wrk") else with_threads
    for _worker in range(4):  # each worker process renders (and loads) once
        first_answer(port, path)
    load(port, path, 2, connections)  # warm: the first render, the page cache's entry
    return load(port, path, seconds, connections)


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=30)  # gunicorn waits for the load's keep-alive connections
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def run(stdout, seconds=10, connections=16):
    page, asset = condition_path(), static("css/base.css")
    tool = f"wrk -t2 -c{connections}" if shutil.which("wrk") else "Python threads"
    rows = []
    for label, env in (
        ("page cache on", {"PAGE_CACHE": "1"}),
        ("page cache off", {"PAGE_CACHE": "0"}),
    ):
        port = free_port()
        server = start_server(port, workers=2, threads=4, env=env)
        try:
            page_rate, page_errors = measure(port, page, seconds, connections)
            static_rate, static_errors = measure(port, asset, seconds, connections)
        finally:
            stop(server)
        rows.append((label, page_rate, static_rate, page_errors + static_errors))
    stdout.write(f"Throughput ({tool}, {seconds} s each; gunicorn 2 workers x 4 threads):")
    stdout.write(f"  condition page {page}, static file {asset}")
    stdout.write(f"{'':16}{'page req/s':>12}{'static req/s':>14}{'ratio':>8}{'errors':>8}")
    for label, page_rate, static_rate, errors in rows:
        ratio = page_rate / static_rate if static_rate else 0
        stdout.write(f"{label:16}{page_rate:>12.0f}{static_rate:>14.0f}{ratio:>8.2f}{errors:>8}")
    return rows
