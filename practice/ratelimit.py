"""A per-address limit on requests sent, kept in Django's cache (no third-party service).

The address itself is never stored: the cache key is a keyed hash of it.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def _key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
    return f"practice:requests:{digest[:32]}"


def too_many(request):
    """True once this address has sent REQUEST_RATE_LIMIT posts within the hour."""
    return cache.get(_key(request), 0) >= settings.REQUEST_RATE_LIMIT


def count(request):
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
