"""A busy morning, for a fixed time: patients reading, staff logging in, an editor publishing.

`make bench` runs it after the per-page figures (`manage.py bench_load`). The server is started as
`make run` starts it (gunicorn, 2 workers x 4 threads, production settings, the same database);
every kind of request runs in its own threads at the same time, and each kind reports its count,
errors, median and 99th percentile. Only loopback traffic; every loop stops at the deadline.

Each kind is a small class with ``one`` (one request, raises on error). The task worker runs as
`make run` runs it (``manage.py db_worker``), taking Wagtail's index updates from the publishes
and the bench's own small tasks, whose time from enqueue to done is the worker's row.
"""

import http.client
import json
import os
import re
import secrets
import statistics
import subprocess  # starts our own manage.py only, see below  # nosec B404
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from home.benchmark import free_port, percentile, start_server

BENCH_USER_PREFIX = "bench-staff-"


class RequestFailed(Exception):
    pass


@dataclass
class Tally:
    kind: str
    timings: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, milliseconds, error=None):
        with self.lock:
            if error is None:
                self.timings.append(milliseconds)
            else:
                self.errors.append(error)

    def row(self):
        count = len(self.timings) + len(self.errors)
        median = statistics.median(self.timings) if self.timings else 0
        p99 = percentile(self.timings, 0.99) if self.timings else 0
        return self.kind, count, len(self.errors), median, p99


class Http:
    """One keep-alive connection with a cookie jar of its own."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method, path, body=None, headers=None):
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, content.decode("utf-8", "replace")

    def close(self):
        self.connection.close()


class Readers:
    kind = "read a condition page"

    def __init__(self, port, path):
        self.http = Http(port)
        self.path = path

    def one(self):
        status, _body = self.http.request("GET", self.path)
        if status != 200:
            raise RequestFailed(f"HTTP {status}")


class Logins:
    kind = "staff login"
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    def __init__(self, port, username, password):
        self.port = port
        self.username, self.password = username, password

    def one(self):
        client = Http(self.port)  # a fresh browser: a new session row and last_login each time
        try:
            status, body = client.request("GET", "/admin/login/")
            match = self.token.search(body)
            if status != 200 or not match:
                raise RequestFailed(f"login form: HTTP {status}")
            form = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": match.group(1),
                    "username": self.username,
                    "password": self.password,
                    "next": "/admin/",
                }
            )
            status, _body = client.request(
                "POST",
                "/admin/login/",
                body=form,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Referer": f"http://127.0.0.1:{self.port}/admin/login/",
                },
            )
            if status != 302:
                raise RequestFailed(f"login: HTTP {status}")
        finally:
            client.close()


BENCH_PATIENT = "Bench patient"


class AppointmentRequests:
    """A patient opening the contact page and sending the form (stored, then a notice e-mailed)."""

    kind = "send a request"

    def __init__(self, port, path):
        self.port, self.path = port, path

    def one(self):
        client = Http(self.port)  # a new visitor: a new CSRF cookie
        try:
            status, body = client.request("GET", self.path)
            match = Logins.token.search(body)
            if status != 200 or not match:
                raise RequestFailed(f"contact page: HTTP {status}")
            form = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": match.group(1),
                    "topic": "appointment",
                    "name": BENCH_PATIENT,
                    "contact_method": "phone",
                    "phone": "514 555-0100",
                    "preferred_language": "en-ca",
                    "reason": "Bench load",
                    "consent": "on",
                }
            )
            status, _body = client.request(
                "POST",
                self.path,
                body=form,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Referer": f"http://127.0.0.1:{self.port}{self.path}",
                },
            )
            if status != 302:
                raise RequestFailed(f"send: HTTP {status}")
        finally:
            client.close()


class WorkerTasks:
    """A small task enqueued and waited for: enqueue (a write), the worker's poll, its result."""

    kind = "task through the worker"

    def one(self, wait=30):
        from django_tasks.base import TaskResultStatus

        from operations.tasks import bench_ping

        result = bench_ping.enqueue()
        deadline = time.monotonic() + wait
        while True:
            time.sleep(0.05)
            result.refresh()
            if result.status == TaskResultStatus.SUCCESSFUL:
                return
            if result.status == TaskResultStatus.FAILED:
                raise RequestFailed("the task failed")
            if time.monotonic() > deadline:
                raise RequestFailed(f"not run within {wait} s")


def uses_database_tasks():
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def start_worker():
    manage = Path(settings.BASE_DIR) / "manage.py"
    return subprocess.Popen(  # noqa: S603 - our own command, fixed arguments  # nosec B603
        [sys.executable, str(manage), "db_worker", "--no-reload", "--interval", "1"]
        + ["--no-startup-delay", "--verbosity", "0"],
        env={**os.environ, "LOG_LEVEL": "WARNING"},
    )


def warm_up(port, path, task_worker, seconds=180):
    """Wait until the server answers and the worker has run a task: on a busy machine their
    processes take a while to boot, and the clock should not run meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        client = Http(port)
        try:
            if client.request("GET", path)[0] == 200:
                break
        except (OSError, http.client.HTTPException):
            time.sleep(1)
        finally:
            client.close()
    if task_worker is not None:
        WorkerTasks().one(wait=max(1, deadline - time.monotonic()))


def stop(process):
    """Ask a server or the worker to stop; kill it if it still runs after 30 s."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def remove_bench_tasks():
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(task_path="operations.tasks.bench_ping").delete()


def contact_page_path():
    from practice.models import ContactPage

    page = ContactPage.objects.live().filter(locale__language_code="en-ca").first()
    return page.url if page else None


def remove_bench_requests():
    from practice.models import AppointmentRequest

    AppointmentRequest.objects.filter(name=BENCH_PATIENT).delete()


def publish_repeatedly(page_id, seconds, interval):
    """An editor publishing every ``interval`` seconds: [(milliseconds or None, error or None)].

    Runs in its own process (``manage.py bench_load --publisher``), as an editor's request would
    run in another worker: in the bench's process it would take the interpreter from the readers.
    """
    from wagtail.models import Page

    results = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            page = Page.objects.get(pk=page_id).specific
            page.save_revision().publish()
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            results.append((None, f"{type(error).__name__}: {error}"))
        else:
            results.append(((time.perf_counter() - started) * 1000, None))
        time.sleep(max(0.0, interval - (time.perf_counter() - started)))
    return results


def start_publisher(page_id, seconds, interval):
    manage = Path(settings.BASE_DIR) / "manage.py"
    return subprocess.Popen(  # noqa: S603 - our own command, fixed arguments  # nosec B603
        [sys.executable, str(manage), "bench_load", "--publisher", str(page_id)]
        + ["--seconds", str(seconds), "--publish-interval", str(interval)],
        stdout=subprocess.PIPE,
        text=True,
    )


def collect_publisher(process, timeout):
    tally = Tally("publish a condition page")
    output, _errors = process.communicate(timeout=timeout)
    for milliseconds, error in json.loads(output.strip().splitlines()[-1]):
        tally.add(milliseconds, error)
    return tally


def condition_pages():
    from treatments.models import ConditionPage

    return list(ConditionPage.objects.live().filter(locale__language_code="en-ca").order_by("pk"))


def staff_logins(count):
    """Bench-only staff accounts (removed afterwards): [(username, password)]."""
    user_model = get_user_model()
    logins = []
    for number in range(count):
        username, password = f"{BENCH_USER_PREFIX}{number}", secrets.token_urlsafe(12)
        user, _created = user_model.objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = True  # reaches /admin/ after login; the account is deleted at the end
        user.set_password(password)
        user.save()
        logins.append((username, password))
    return logins


def remove_staff_logins():
    get_user_model().objects.filter(username__startswith=BENCH_USER_PREFIX).delete()


def drive(worker, tally, deadline, interval=0.0):
    """Call ``worker.one()`` until the deadline, ``interval`` seconds apart (start to start)."""
    while True:
        started = time.perf_counter()
        if time.monotonic() >= deadline:
            break
        try:
            worker.one()
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            tally.add(0, f"{type(error).__name__}: {error}")
        else:
            tally.add((time.perf_counter() - started) * 1000)
        if interval:
            time.sleep(max(0.0, interval - (time.perf_counter() - started)))
    connection.close()  # this thread's database connection, if it opened one


def run(
    stdout,
    seconds=30,
    readers=32,
    logins=4,
    publish_interval=0.2,
    publishers=1,
    senders=2,
    send_interval=1.0,
    task_senders=1,
    task_interval=0.5,
):
    pages = condition_pages()
    if not pages:
        stdout.write("No live condition page: run `make run` once to seed the site.")
        return []
    page = pages[0]
    accounts = staff_logins(logins)
    port = free_port()
    contact = contact_page_path()
    # Every sender posts from 127.0.0.1: the per-address limit would answer 429 after a few.
    server = start_server(
        port,
        workers=2,
        threads=4,
        # Request lines (INFO) would bury the table; warnings and errors still show.
        env={"REQUEST_RATE_LIMIT": "1000000", "LOG_LEVEL": "WARNING"},
    )
    tallies, threads = [], []
    task_worker = start_worker() if uses_database_tasks() else None
    task_senders = task_senders if task_worker else 0
    try:
        warm_up(port, page.url, task_worker)
        deadline = time.monotonic() + seconds
        # Several editors publish several pages: more publishers, more writes per second.
        editors = [
            start_publisher(pages[number % len(pages)].pk, seconds, publish_interval)
            for number in range(publishers)
        ]
        plan = [
            *[(Readers(port, page.url), 0.0) for _ in range(readers)],
            *[(Logins(port, *account), 0.0) for account in accounts],
            *[
                (AppointmentRequests(port, contact), send_interval)
                for _ in range(senders if contact else 0)
            ],
            *[(WorkerTasks(), task_interval) for _ in range(task_senders)],
        ]
        by_kind = {}
        for worker, interval in plan:
            tally = by_kind.setdefault(worker.kind, Tally(worker.kind))
            threads.append(threading.Thread(target=drive, args=(worker, tally, deadline, interval)))
        tallies = list(by_kind.values())
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 60)
        published = Tally("publish a condition page")
        for editor in editors:
            collected = collect_publisher(editor, timeout=seconds + 60)
            published.timings += collected.timings
            published.errors += collected.errors
        tallies.append(published)
    finally:
        for process in (server, task_worker):
            if process is not None:
                stop(process)
        if task_worker is not None:
            remove_bench_tasks()
        remove_staff_logins()
        remove_bench_requests()

    stdout.write(
        f"\nMixed load for {seconds} s on {connection.vendor}: {readers} readers, {logins} staff "
        f"logging in, {publishers} editor(s) each publishing every {publish_interval} s, "
        f"{senders} patient(s) each sending a request every {send_interval} s, "
        f"{task_senders} task(s) through the worker every {task_interval} s "
        "(gunicorn 2 workers x 4 threads; the worker as make run starts it)."
    )
    stdout.write(f"{'kind':<26}  {'count':>6}  {'errors':>6}  {'median ms':>9}  {'p99 ms':>7}")
    for kind, count, errors, median, p99 in (tally.row() for tally in tallies):
        stdout.write(f"{kind:<26}  {count:>6}  {errors:>6}  {median:>9.1f}  {p99:>7.1f}")
    stdout.write(f"publishes per second: {len(published.timings) / seconds:.1f}")
    for tally in tallies:
        for error in sorted(set(tally.errors))[:3]:
            stdout.write(f"  {tally.kind}: {error}")
    if task_worker is None:
        stdout.write("Not measured: the task worker (TASKS_BACKEND is not the database).")
    return [tally.row() for tally in tallies]
