"""Operations on the database as a whole: a write check before serving, backup and restore."""

import os
import shutil
import sqlite3
import subprocess  # runs pg_dump/pg_restore only, see _pg_tool  # nosec B404
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction

from operations.db import is_sqlite

CHECK_TABLE = "operations_write_check"


class DatabaseUnusable(Exception):
    """The database cannot take a write; the message says why in one line."""


class BackupFailed(Exception):
    pass


def check_database_writable(using=DEFAULT_DB_ALIAS):
    """Open the database and make a write that is rolled back, or raise DatabaseUnusable.

    A read-only file, a full disk or a folder where SQLite cannot create its write-ahead log all
    show up here, before migrate, as one line rather than a traceback halfway through seeding.
    """
    connection = connections[using]
    name = connection.settings_dict.get("NAME")
    if is_sqlite(connection) and str(name) != ":memory:" and not str(name).startswith("file:"):
        folder = Path(name).parent
        if not folder.is_dir():
            raise DatabaseUnusable(f"The database folder {folder} does not exist.")
    try:
        connection.ensure_connection()
        # atomic() begins with BEGIN IMMEDIATE on SQLite (settings/database.py): the write lock
        # itself is tried. DDL is transactional in SQLite and PostgreSQL: the rollback leaves
        # nothing behind.
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE TABLE {CHECK_TABLE} (id integer)")
                cursor.execute(f"INSERT INTO {CHECK_TABLE} (id) VALUES (1)")  # noqa: S608 - a constant  # nosec B608
            transaction.set_rollback(True, using=using)
    except DatabaseError as error:
        raise DatabaseUnusable(
            f"The database {name} cannot be written ({error}). "
            "Check that the file and its folder are writable and the disk is not full, "
            "or set DATA_DIR to another folder."
        ) from error


def _sqlite_path():
    return Path(connection.settings_dict["NAME"])


def backup_database(destination):
    """Copy the live database to ``destination`` (a file). Returns its path.

    SQLite: the online backup API, page by page under SQLite's own locking, so a backup taken
    while others write is a consistent snapshot (a file copy of a live WAL database is not: the
    recent commits sit in the -wal file). PostgreSQL: pg_dump's custom format.
    """
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if is_sqlite(connection):
        partial = destination.with_name(destination.name + ".partial")
        source = sqlite3.connect(_sqlite_path(), timeout=30)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
                if not _is_sound(target):
                    raise BackupFailed(f"The backup in {partial} failed its integrity check.")
            finally:
                target.close()
        finally:
            source.close()
        partial.replace(destination)  # never leave a half-written file under the real name
        return destination
    _pg_tool("pg_dump", "--format=custom", f"--file={destination}")
    return destination


def _is_sound(database):
    """Whether an open sqlite3 connection's file passes SQLite's integrity check."""
    try:
        return database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:  # not a database at all
        return False


def restore_database(backup):
    """Replace the database's content with ``backup`` (made by ``backup_database``)."""
    backup = Path(backup)
    if not backup.is_file():
        raise BackupFailed(f"No backup file at {backup}.")
    connection.close()
    if is_sqlite(connection):
        source = sqlite3.connect(backup)
        try:
            if not _is_sound(source):
                raise BackupFailed(f"{backup} is not a sound SQLite database.")
            target = sqlite3.connect(_sqlite_path(), timeout=30)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        return
    _pg_tool("pg_restore", "--clean", "--if-exists", "--no-owner", str(backup))


def _pg_tool(tool, *arguments):
    """Run pg_dump or pg_restore on the site's database. The connection goes through libpq's
    environment variables (PGDATABASE names the database for both tools), so the password never
    appears on a command line that other users can list."""
    executable = shutil.which(tool)
    if executable is None:
        raise BackupFailed(f"{tool} is not installed (Debian: apt-get install postgresql-client).")
    settings_dict = connection.settings_dict
    environment = {
        **os.environ,
        "PGHOST": settings_dict["HOST"] or "localhost",
        "PGPORT": str(settings_dict["PORT"] or 5432),
        "PGUSER": settings_dict["USER"],
        "PGPASSWORD": settings_dict["PASSWORD"],
        "PGDATABASE": settings_dict["NAME"],
    }
    if tool == "pg_restore":
        arguments = (f"--dbname={settings_dict['NAME']}", *arguments)
    result = subprocess.run(  # noqa: S603 - fixed tool, arguments built here  # nosec B603
        [executable, *arguments], capture_output=True, text=True, check=False, env=environment
    )
    if result.returncode != 0:
        last_line = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupFailed(f"{tool} failed: {last_line}")
