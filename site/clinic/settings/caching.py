"""Caches, the anonymous page cache, the CDN purges and media storage (the pagecache/ app).

Kept in a module of its own so base.py only imports it. Every value comes from the environment:

- ``REDIS_URL`` (``redis://host:6379/0``): every cache lives in Redis, shared by all gunicorn
  processes and hosts, and so are the page cache's purges. Without it the page cache is kept in
  files under the data folder, shared by the processes of one machine (a per-process memory cache
  would keep serving a page another process has purged).
- ``WAGTAILFRONTENDCACHE_URL`` (e.g. Varnish's ``http://127.0.0.1:8080``) or
  ``CLOUDFLARE_ZONEID`` with ``CLOUDFLARE_BEARER_TOKEN``: the same URLs are purged there through
  ``wagtail.contrib.frontend_cache``, and pages may be kept there ``PAGE_CACHE_CDN_MAX_AGE``
  seconds (default 3600).
- ``AWS_STORAGE_BUCKET_NAME`` (with ``AWS_S3_ENDPOINT_URL``, ``AWS_S3_REGION_NAME``, keys from the
  usual ``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``): uploaded media go to S3-compatible
  storage through django-storages (and boto3, both in requirements.txt).
"""

import os
from pathlib import Path

_DATA_DIR = Path(os.environ.get("CLINIC_DATA_DIR", Path(__file__).resolve().parents[3] / "data"))

REDIS_URL = os.environ.get("REDIS_URL", "")
# A Redis that does not answer must not hold a request for long: the page is then rendered
# uncached (pagecache.store), and the page cache stops asking for PAGE_CACHE_RETRY_SECONDS.
_REDIS_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": _REDIS_OPTIONS,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
            "TIMEOUT": None,  # purged on change, never by age
            "OPTIONS": _REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(_DATA_DIR / "page-cache"),
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "1").strip().lower() not in {"0", "off", "no"}
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_RETRY_SECONDS = 10
# Query parameters a page's content depends on; tracking parameters are left out of the key;
# any other parameter is served without the cache (so a flood of them cannot fill it).
PAGE_CACHE_KEPT_PARAMETERS = ["kind"]

WAGTAILFRONTENDCACHE = {}
if os.environ.get("WAGTAILFRONTENDCACHE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["WAGTAILFRONTENDCACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
# Only a purged shared cache may keep pages; browsers always revalidate (ETag, 304).
PAGE_CACHE_CDN_MAX_AGE = (
    int(os.environ.get("PAGE_CACHE_CDN_MAX_AGE", "3600")) if WAGTAILFRONTENDCACHE else 0
)

MEDIA_STORAGE = None
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": True,  # documents stay behind signed, expiring links
            "file_overwrite": False,
        },
    }
