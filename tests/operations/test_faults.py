"""Faults: an unwritable database stops `make run` with one line; a failed write changes nothing."""

import sqlite3

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client

from operations import services


def test_check_database_passes_on_a_writable_database(db):
    call_command("check_database")
    tables = connection.introspection.table_names()
    assert services.CHECK_TABLE not in tables  # the trial write was rolled back


@pytest.mark.parametrize(
    "sqlite_error",
    [
        "attempt to write a readonly database",
        "database or disk is full",
        "unable to open database file",
    ],
)
def test_check_database_turns_each_fault_into_one_line(db, monkeypatch, sqlite_error):
    # Tests run as root, for whom chmod cannot make a file read-only: the fault is the error
    # SQLite raises in each case, raised where the trial write happens.
    def fail(*args, **kwargs):
        raise OperationalError(sqlite_error)

    with monkeypatch.context() as patched, pytest.raises(CommandError) as raised:
        patched.setattr(connection, "ensure_connection", fail)
        call_command("check_database")
    message = str(raised.value)
    assert "\n" not in message
    assert sqlite_error in message
    assert "DATA_DIR" in message


def test_check_database_on_a_really_read_only_file(tmp_path, django_db_blocker):
    """SQLite's own read-only mode, which root cannot override (chmod does not stop root)."""
    path = tmp_path / "db.sqlite3"
    sqlite3.connect(path).close()
    read_only = DatabaseWrapper(
        {**connection.settings_dict, "NAME": f"file:{path}?mode=ro", "OPTIONS": {}},
        alias="read_only",
    )
    connections["read_only"] = read_only
    try:
        with (
            django_db_blocker.unblock(),
            pytest.raises(services.DatabaseUnusable, match="readonly"),
        ):
            services.check_database_writable(using="read_only")
    finally:
        read_only.close()
        del connections["read_only"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's folder check")
def test_check_database_names_a_missing_folder(db, monkeypatch, tmp_path):
    missing = tmp_path / "nowhere" / "db.sqlite3"
    monkeypatch.setitem(connection.settings_dict, "NAME", str(missing))
    with pytest.raises(services.DatabaseUnusable, match="does not exist"):
        services.check_database_writable()


def test_a_publish_that_fails_to_commit_leaves_the_live_page_serving(home_pages):
    english_home, _french_home = home_pages
    live_title = english_home.title
    with pytest.raises(OperationalError), transaction.atomic():
        draft = english_home.get_latest_revision_as_object()
        draft.title = "Half-published title"
        draft.save_revision().publish()
        raise OperationalError("database is locked")  # the commit never happens
    response = Client().get("/en-ca/")
    assert response.status_code == 200
    assert live_title in response.content.decode()
    assert "Half-published title" not in response.content.decode()
