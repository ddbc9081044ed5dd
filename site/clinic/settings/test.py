"""Tests: fast hashing, in-memory files, plain static storage (no manifest needed)."""

import os

import dj_database_url

from .base import *  # noqa: F403
from .base import STORAGES
from .database import for_web_server

SECRET_KEY = "test-only-insecure-key"  # noqa: S105 - tests only  # nosec B105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATABASES = {
    "default": for_web_server({"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"})
}
if os.environ.get("DATABASE_URL"):  # the same suite runs on PostgreSQL
    DATABASES = {"default": dj_database_url.config()}

# Serve static files from the finders: tests do not run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The suites sign in with force_login to test what each group may do; the second sign-in step
# has its own tests, which turn this on (tests/security/test_two_factor.py).
TWO_FACTOR_ENFORCED = False

# Tasks run inside the request, as before Wagtail 8 had a worker: the suites see their effects at
# once. tests/operations/ switch to the database backend to test the worker itself.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The page cache is off in every suite but its own (tests/pagecache turns it on), so other
# suites count the queries of a real render and never see another test's page. One process: a
# memory cache, unless REDIS_URL runs the page cache's tests against Redis (.ci/run).
PAGE_CACHE_ENABLED = False
if not os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": None},
    }
