"""What one request asks the database again and again, asked once per request.

A page's header, switcher, footer, breadcrumbs and body each ask Wagtail the same questions:
which Locale is active (``Locale.get_active`` is a query each time), which sections are
private (every ``PageQuerySet.public()`` reads every PageViewRestriction), which page a
rich-text link points to (each field is resolved on its own). The answers cannot change while
one anonymous page is being rendered, so they are kept for the length of the request, never
longer: another process's change is seen by the next request, with no invalidation to get
right across gunicorn workers.

The memo lives in a context variable opened by ``request_started`` and closed by
``request_finished`` (each gunicorn thread has its own context). Outside a request (management
commands, workers, tests) there is no memo and every question goes to the database as before.
A change made *during* a request to what is memoized (an admin saving a restriction or a
locale) empties the memo.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save

_memo = ContextVar("clinic_request_memo", default=None)


def current():
    """This request's memo (a dict), or None outside a request."""
    return _memo.get()


def remember(key, compute):
    """``compute()``, once per request for ``key``."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(*keys):
    memo = _memo.get()
    if memo is not None:
        for key in keys:
            memo.pop(key, None)


def _open(**kwargs):
    _memo.set({})


def _close(**kwargs):
    _memo.set(None)


def _forget_all(**kwargs):
    memo = _memo.get()
    if memo is not None:
        memo.clear()


def connect():
    request_started.connect(_open, dispatch_uid="clinic_request_memo_open")
    request_finished.connect(_close, dispatch_uid="clinic_request_memo_close")
    # No ``sender``: every page type sends its own signal.
    post_save.connect(_forget_if_memoized, dispatch_uid="clinic_request_memo_save")
    post_delete.connect(_forget_if_memoized, dispatch_uid="clinic_request_memo_delete")


def _forget_if_memoized(sender, **kwargs):
    from wagtail.models import Locale, Page, PageViewRestriction

    # Page: a page saved during a request (an editor's publish) may be a memoized link target.
    if _memo.get() and issubclass(sender, (Locale, Page, PageViewRestriction)):
        _forget_all()
