"""One run of a job at a time, across processes (and across servers on PostgreSQL)."""

import contextlib
import fcntl
import hashlib
import threading

from django.conf import settings
from django.db import connection

# Jobs this process runs now. PostgreSQL's advisory locks are re-entrant within one session, so
# a second run from the same connection would otherwise get the lock it already holds.
_running_here = set()
_running_here_guard = threading.Lock()


@contextlib.contextmanager
def job_lock(name):
    """Yield True when this process holds the job's lock, False when another run holds it."""
    with _running_here_guard:
        already = name in _running_here
        _running_here.add(name)
    if already:
        yield False
        return
    try:
        with _held_across_processes(name) as held:
            yield held
    finally:
        with _running_here_guard:
            _running_here.discard(name)


@contextlib.contextmanager
def _held_across_processes(name):
    if connection.vendor == "postgresql":
        key = int.from_bytes(
            hashlib.sha256(f"job:{name}".encode()).digest()[:8], "big", signed=True
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    folder = settings.DATA_DIR / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
