"""/health/: 200 {"status": "ok"} while the database and cache answer, 503 when one does not."""

import logging

from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import override_settings


def test_healthy(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_outside_the_language_prefix(client, db):
    assert client.get("/en-ca/health/").status_code == 404
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


def test_the_database_gone_gives_503_and_says_why_only_in_the_log(client, db, monkeypatch, caplog):
    def unreachable(*args, **kwargs):
        raise OperationalError("unable to open database file")

    # Undone before the test database is torn down, which needs the connection.
    with monkeypatch.context() as patched, caplog.at_level(logging.ERROR, "operations.health"):
        patched.setattr(connection, "ensure_connection", unreachable)
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}  # no backend, no version, no error
    assert "no-store" in response["Cache-Control"]
    assert "unable to open database file" in caplog.text


def test_a_failing_cache_gives_503(client, db, monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("cache server refused the connection")

    monkeypatch.setattr(cache, "set", refused)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_a_cache_that_loses_what_it_stores_gives_503(client, db):
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    ):
        response = client.get("/health/")
    assert response.status_code == 503


def test_reveals_no_versions(client, db):
    response = client.get("/health/")
    body = response.content.decode()
    assert "Server" not in response or "/" not in response["Server"]
    for word in ("django", "wagtail", "python", "sqlite", "version"):
        assert word not in body.lower()
