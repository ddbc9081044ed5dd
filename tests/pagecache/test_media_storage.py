"""Uploaded media go to S3-compatible storage through django-storages when its environment
variables are set, and stay on the local disk otherwise (settings only: no network)."""

import importlib

import pytest
from django.utils.module_loading import import_string

S3_VARIABLES = ("AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "AWS_S3_REGION_NAME")


@pytest.fixture
def caching_settings(monkeypatch):
    """The settings module that reads the environment, loaded again with ``env``."""
    from clinic.settings import caching

    def load(**env):
        for name in S3_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return importlib.reload(caching)

    yield load
    monkeypatch.undo()
    importlib.reload(caching)


def test_without_a_bucket_media_stay_on_disk(caching_settings):
    assert caching_settings().MEDIA_STORAGE is None


def test_a_bucket_selects_the_s3_backend_with_signed_links(caching_settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-key-id")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")  # nosec B105 - not a secret
    storage_settings = caching_settings(
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.test",
        AWS_S3_REGION_NAME="ca-central-1",
    ).MEDIA_STORAGE

    assert storage_settings["BACKEND"] == "storages.backends.s3.S3Storage"
    storage = import_string(storage_settings["BACKEND"])(**storage_settings["OPTIONS"])
    assert storage.bucket_name == "clinic-media"
    assert storage.file_overwrite is False  # an upload never replaces another with its name
    url = storage.url("documents/consent.pdf")  # signed locally by botocore, no request
    assert url.startswith("https://")
    assert "s3.example.test" in url and "clinic-media" in url
    assert "documents/consent.pdf" in url
    assert "Signature=" in url  # a signed, expiring link (querystring_auth)
