"""SQLite under concurrent writers: a file database, real threads, their own connections."""

import sqlite3
import threading
import time

import pytest
from django.db import OperationalError, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from clinic.settings.database import sqlite_options
from operations.db import is_lock_error

pytestmark = pytest.mark.skipif(
    connections["default"].vendor != "sqlite", reason="SQLite's locking only"
)


def file_database(path, **options):
    """A Django SQLite connection of its own on ``path``, configured as the settings do."""
    settings_dict = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": options,
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {},
    }
    return DatabaseWrapper(settings_dict, alias=f"file-{id(settings_dict)}")


@pytest.fixture(autouse=True)
def own_connections(django_db_blocker):
    """These tests open their own connections to their own files, not the test database."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def counter_db(tmp_path):
    path = tmp_path / "counter.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("CREATE TABLE counter (id integer primary key, value integer)")
        setup.execute("INSERT INTO counter VALUES (1, 0)")
    return path


def read_then_write_together(path, options, workers=2):
    """Each worker, starting at the same moment, reads the counter then writes it back plus one,
    in one transaction. Returns the OperationalErrors raised."""
    barrier = threading.Barrier(workers)
    errors = []

    def work():
        wrapper = file_database(path, **options)
        try:
            with wrapper.cursor() as _cursor:  # open the connection before the race
                pass

            barrier.wait(timeout=5)  # both begin at the same moment
            with atomic_on(wrapper), wrapper.cursor() as cursor:
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                value = cursor.fetchone()[0]
                time.sleep(0.2)  # long enough for the other to have read too, if it can
                cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
        except OperationalError as error:
            errors.append(error)
        finally:
            wrapper.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def atomic_on(wrapper):
    """Django's own ``atomic()`` on a stand-alone wrapper (registered for this thread only:
    connections are per thread)."""
    connections[wrapper.alias] = wrapper
    return transaction.atomic(using=wrapper.alias)


def test_two_read_then_write_transactions_both_succeed(counter_db):
    errors = read_then_write_together(counter_db, sqlite_options(busy_timeout=5))
    assert errors == []
    with sqlite3.connect(counter_db) as check:
        # Immediate transactions serialise the two: neither lost the other's increment.
        assert check.execute("SELECT value FROM counter").fetchone()[0] == 2
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_deferred_transactions_fail_the_same_race(counter_db):
    """The test above can fail: SQLite's default transactions deadlock on the upgrade."""
    errors = read_then_write_together(counter_db, {"timeout": 5})
    assert len(errors) == 1
    assert is_lock_error(errors[0])


def test_a_write_behind_a_long_lock_fails_cleanly_and_saves_nothing(counter_db):
    holder = sqlite3.connect(counter_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # held for longer than the writer's busy timeout
    wrapper = file_database(counter_db, **sqlite_options(busy_timeout=0.2))
    try:
        with (
            pytest.raises(OperationalError) as raised,
            atomic_on(wrapper),
            wrapper.cursor() as cursor,
        ):
            cursor.execute("UPDATE counter SET value = 99 WHERE id = 1")
        assert is_lock_error(raised.value)
    finally:
        wrapper.close()
        holder.execute("ROLLBACK")
        holder.close()
    with sqlite3.connect(counter_db) as check:
        assert check.execute("SELECT value FROM counter").fetchone()[0] == 0
