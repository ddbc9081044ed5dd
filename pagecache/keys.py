"""Which requests the page cache may answer, and under which key.

A page's content depends on its path and, on the directory page, on ``?kind=``. Tracking
parameters (``?utm_source=``...) change nothing, so they are left out of the key. Any other
parameter may mean something to a page (a search's ``?q=``): such a request is served without the
cache, so no query string can make the cache grow beyond one entry per page and kind.
"""

from urllib.parse import urlencode

from directory.models import KIND_GROUPS

IGNORED_PARAMETERS = {"utm", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga"}


def kept_parameters():
    """{name: the values a page renders differently}; every other value is not cached."""
    return {"kind": [slug for _kind, slug, _heading in KIND_GROUPS]}


def variants(path):
    """Every key a page's address may be stored under (the path, and each kept value)."""
    keys = [entry_key(path, "")]
    for name, values in kept_parameters().items():
        keys += [entry_key(path, urlencode({name: value})) for value in values]
    return keys


def entry_key(path, query):
    return f"entry:{path}?{query}"


def language_of(path):
    """The language prefix of an address ("/fr-ca/..." -> "fr-ca"), which has its own purges."""
    return path.strip("/").split("/", 1)[0]


def generation_key(language):
    return f"generation:{language}"


def key_for(request):
    """The entry key for ``request``, or None when the cache must not answer it."""
    kept = kept_parameters()
    chosen = {}
    for name in request.GET:
        if name.startswith("utm_") or name in IGNORED_PARAMETERS:
            continue
        values = request.GET.getlist(name)
        if name not in kept or len(values) != 1 or values[0] not in kept[name]:
            return None
        chosen[name] = values[0]
    return entry_key(request.path, urlencode(sorted(chosen.items())))
