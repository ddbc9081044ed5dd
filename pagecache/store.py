"""The page cache's entries in Django's cache, and what happens when that cache is down.

Entries are kept under their address; a purge deletes them. Purging every page of a language (the
practice's facts in every footer, a menu page in every header) replaces the language's
*generation*, a random token every entry records: entries of an older generation are never served.
A token, not a counter, so that a generation lost from the cache (evicted, Redis restarted) can
never come back to match old entries: a missing generation is replaced before anything is served.

A cache that does not answer (Redis down) never fails a request: the page is rendered as if there
were no cache, one warning is logged for the outage, and the cache is left alone for
PAGE_CACHE_RETRY_SECONDS. A purge that could not be made is made, for every language, as soon as
the cache answers again.
"""

import logging
import secrets
import threading
import time

from django.conf import settings
from django.core.cache import caches

from pagecache.keys import generation_key, language_of, variants

logger = logging.getLogger("pagecache")

_outage = {"until": 0.0, "logged": False, "purge_everything": False}
_lock = threading.Lock()


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def available():
    return time.monotonic() >= _outage["until"]


def _failed(error):
    with _lock:
        _outage["until"] = time.monotonic() + settings.PAGE_CACHE_RETRY_SECONDS
        if not _outage["logged"]:
            _outage["logged"] = True
            logger.warning(
                "The page cache is unavailable (%s): pages are served uncached.",
                error.__class__.__name__,
            )


def _recovered():
    if _outage["logged"]:
        with _lock:
            _outage["logged"] = False
        logger.info("The page cache answers again.")
    if _outage["purge_everything"]:
        _outage["purge_everything"] = False
        for code, _name in settings.LANGUAGES:
            _new_generation(code)


def _call(operation, *args, default=None):
    if not available():
        return default
    try:
        result = operation(*args)
    except Exception as error:  # any backend's "cannot connect" or timeout  # noqa: BLE001
        _failed(error)
        return default
    _recovered()
    return result


def _new_generation(language):
    token = secrets.token_hex(8)
    _cache().set(generation_key(language), token, None)
    return token


def lookup(key):
    """(entry or None, generation to store a new entry under, or None if nothing may be stored)."""
    language = language_of(key.split(":", 1)[1])

    def read():
        found = _cache().get_many([key, generation_key(language)])
        generation = found.get(generation_key(language))
        if generation is None:
            return None, _new_generation(language)
        entry = found.get(key)
        if entry is not None and entry.get("generation") != generation:
            entry = None
        return entry, generation

    return _call(read, default=(None, None))


def save(key, entry):
    _call(lambda: _cache().set(key, entry, None))


def purge_paths(paths):
    keys = [key for path in paths for key in variants(path)]
    if keys and _call(lambda: _cache().delete_many(keys) or True) is None:
        _outage["purge_everything"] = True


def purge_languages(languages):
    for language in languages:
        if _call(_new_generation, language) is None:
            _outage["purge_everything"] = True


def clear():
    """Forget every entry and any outage (tests; ``manage.py`` after a restore)."""
    _outage.update(until=0.0, logged=False, purge_everything=False)
    _call(lambda: _cache().clear())
