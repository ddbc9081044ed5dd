"""Backups of a live WAL database: taken while another connection writes, then restored."""

import sqlite3
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from operations import services

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's backup API")


@pytest.fixture
def live_file_database(tmp_path, monkeypatch):
    """A WAL database file the services treat as the site's, with a writer running on it."""
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE entry (id integer primary key, body text)")
    monkeypatch.setattr(services, "_sqlite_path", lambda: path)
    monkeypatch.setattr(services, "is_sqlite", lambda _connection: True)
    stop = threading.Event()
    written = []

    def write_continuously():
        writer = sqlite3.connect(path, timeout=5, isolation_level=None)
        writer.execute("PRAGMA busy_timeout=5000")
        number = 0
        while not stop.is_set() and number < 20000:
            number += 1
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("INSERT INTO entry (id, body) VALUES (?, ?)", (number, "x" * 200))
            writer.execute("COMMIT")
            written.append(number)
        writer.close()

    thread = threading.Thread(target=write_continuously)
    thread.start()
    while len(written) < 200:  # the writer is well under way
        stop.wait(0.01)
    yield path, written
    stop.set()
    thread.join(timeout=30)


def test_backup_under_write_load_restores_a_consistent_database(live_file_database, tmp_path):
    path, written = live_file_database
    backup = services.backup_database(tmp_path / "backups" / "db.backup")
    during = len(written)

    restored = tmp_path / "restored.sqlite3"
    with sqlite3.connect(backup) as source, sqlite3.connect(restored) as target:
        source.backup(target)
    with sqlite3.connect(restored) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in check.execute("SELECT id FROM entry ORDER BY id")]
    # A snapshot: every committed row up to some point, none missing in between.
    assert ids == list(range(1, len(ids) + 1))
    assert 200 <= len(ids) <= during + 1
    assert not (tmp_path / "backups" / "db.backup.partial").exists()


def test_restore_replaces_the_content(live_file_database, tmp_path):
    path, _written = live_file_database
    backup = services.backup_database(tmp_path / "db.backup")
    with sqlite3.connect(backup) as source:
        count = source.execute("SELECT count(*) FROM entry").fetchone()[0]
    target = tmp_path / "target.sqlite3"
    sqlite3.connect(target).close()
    services._sqlite_path = lambda: target  # monkeypatch undoes the fixture's patch afterwards
    services.restore_database(backup)
    with sqlite3.connect(target) as check:
        assert check.execute("SELECT count(*) FROM entry").fetchone()[0] == count


def test_restore_refuses_a_missing_or_broken_file(tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore_database", str(tmp_path / "none.backup"), yes=True)
    broken = tmp_path / "broken.backup"
    broken.write_bytes(b"not a database" * 100)
    with pytest.raises(CommandError):
        call_command("restore_database", str(broken), yes=True)
