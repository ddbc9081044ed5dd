"""Facts about the database connection that several operations need."""

from django.db import OperationalError


def is_sqlite(connection):
    return connection.vendor == "sqlite"


def is_lock_error(error):
    """Whether ``error`` is SQLite giving up on a lock (after its busy timeout)."""
    return isinstance(error, OperationalError) and "locked" in str(error).lower()
