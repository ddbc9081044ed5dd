"""Wagtail's repeated per-request questions, answered once per request (see request_memo).

Three of Wagtail's own entry points are wrapped, as ``translations.routing`` wraps
``Page.route``, because Wagtail calls them from places no template or selector of ours
reaches (routing, ``Page.localized``, the ``on_serve_page`` hook):

- ``Locale.objects.get_for_language`` (``Locale.get_active``, ``Page.localized``): one query per
  language per request instead of one per call;
- ``PageQuerySet.private_q`` (every ``.public()``): the restricted sections read once per
  request instead of once per queryset;
- ``Page.get_view_restrictions`` (the check before serving a page): no query at all when the
  site has no restricted section; otherwise Wagtail's own two queries, unchanged.

Outside a request each falls through to Wagtail's behaviour.

Rich-text links to pages go through ``MemoPageLinkHandler`` (registered as the ``page`` link
type in wagtail_hooks): Wagtail resolves the links of one rich-text value together, but each
value on its own, so a page whose six blocks link to the contact page paid for it six times.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet
from wagtail.rich_text.pages import PageLinkHandler

from pagecache import request_memo

_originals = {}


def restricted_sections():
    """The pages carrying a view restriction (their sections are private), once per request."""
    return request_memo.remember(
        "restricted_sections",
        lambda: [
            restriction.page
            for restriction in PageViewRestriction.objects.select_related("page").all()
        ],
    )


def _get_for_language(self, language_code):
    return request_memo.remember(
        ("locale", language_code), lambda: _originals["get_for_language"](self, language_code)
    )


def _private_q(self):
    q = Q()
    for page in restricted_sections():
        q |= self.descendant_of_q(page, inclusive=True)
    return q if q else Q(pk__in=[])  # as Wagtail: no private section matches no page


def _get_view_restrictions(self):
    if request_memo.current() is not None and not restricted_sections():
        return PageViewRestriction.objects.none()
    return _originals["get_view_restrictions"](self)


class MemoPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, each linked page fetched once per request."""

    @classmethod
    def get_many(cls, attrs_list):
        memo = request_memo.current()
        if memo is None:
            return super().get_many(attrs_list)
        pages = memo.setdefault("rich_text_pages", {})
        missing = [attrs for attrs in attrs_list if str(attrs.get("id")) not in pages]
        if missing:
            for attrs, page in zip(missing, super().get_many(missing), strict=True):
                pages[str(attrs.get("id"))] = page
        return [pages[str(attrs.get("id"))] for attrs in attrs_list]


def install():
    if not _originals:
        _originals["get_for_language"] = LocaleManager.get_for_language
        _originals["get_view_restrictions"] = Page.get_view_restrictions
        LocaleManager.get_for_language = _get_for_language
        PageQuerySet.private_q = _private_q
        Page.get_view_restrictions = _get_view_restrictions
