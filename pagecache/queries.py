"""Wagtail's repeated per-request questions, answered once per request (see request_memo).

Three of Wagtail's own entry points are wrapped, as ``translations.routing`` wraps
``Page.route``, because Wagtail calls them from places no template or selector of ours
reaches (routing, ``Page.localized``, the ``on_serve_page`` hook):

- ``Locale.objects.get_for_language`` (``Locale.get_active``, ``Page.localized``): one query per
  language per request instead of one per call;
- ``PageQuerySet.private_q`` (every ``.public()``): the restricted sections read once per
  request instead of once per queryset;
- ``Page.get_view_restrictions`` (the check before serving a page): no query at all when the
  site has no restricted section; otherwise Wagtail's own two queries, unchanged;
- ``Page.route`` and ``Page.route_for_request``: Wagtail turns every page on the way down an
  address into its specific class (a query per level) in case that class routes differently;
  here only the pages whose class does override ``route`` (``RoutablePageMixin``) and the page
  finally served are made specific. The class is known from the row's content type, for free.

Outside a request each falls through to Wagtail's behaviour.

Rich-text links to pages go through ``MemoPageLinkHandler`` (registered as the ``page`` link
type in wagtail_hooks): Wagtail resolves the links of one rich-text value together, but each
value on its own, so a page whose six blocks link to the contact page paid for it six times.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site
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


def _routes_like_page(page):
    """Whether ``page``'s specific class routes as Wagtail's Page does (it may be a subclass)."""
    specific_class = page.specific_class
    return specific_class is not None and specific_class.route is Page.route


def _route(self, request, path_components):
    if path_components:
        try:
            child = self.get_children().get(slug=path_components[0])
        except Page.DoesNotExist as error:
            raise Http404 from error
        child._cached_parent_obj = self
        if not _routes_like_page(child):
            child = child.specific
        return child.route(request, path_components[1:])
    if self.live:
        parent = self.__dict__.get("_cached_parent_obj")
        self = self.specific  # the page served (no query if it already is)
        if parent is not None:
            self._cached_parent_obj = parent  # the breadcrumbs' ancestors, already fetched
    return _originals["route"](self, request, path_components)


def _route_for_request(request, path):
    """Wagtail's ``Page.route_for_request``, the site's root page not made specific first."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            site = Site.find_for_request(request)
            if site is None:
                request._wagtail_route_for_request = None
            else:
                root = site.root_page.localized
                if not _routes_like_page(root):
                    root = root.specific
                components = [component for component in path.split("/") if component]
                request._wagtail_route_for_request = root.route(request, components)
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


class MemoPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, each linked page fetched once per request and as a plain
    Page: a link needs only the page's address (``localized.url``), which no page type of the
    site computes differently, so Wagtail's second query for the specific pages is skipped."""

    @classmethod
    def get_many(cls, attrs_list):
        memo = request_memo.current()
        pages = {} if memo is None else memo.setdefault("rich_text_pages", {})
        missing = {str(attrs.get("id")) for attrs in attrs_list} - pages.keys()
        if missing:
            found = {str(page.pk): page for page in Page.objects.filter(pk__in=_ids(missing))}
            pages.update({pk: found.get(pk) for pk in missing})
        return [pages[str(attrs.get("id"))] for attrs in attrs_list]


def _ids(values):
    return [int(value) for value in values if value.isdigit()]


def install():
    if not _originals:
        _originals["get_for_language"] = LocaleManager.get_for_language
        _originals["get_view_restrictions"] = Page.get_view_restrictions
        _originals["route"] = Page.route  # translations.routing's wrapper of Wagtail's
        LocaleManager.get_for_language = _get_for_language
        PageQuerySet.private_q = _private_q
        Page.get_view_restrictions = _get_view_restrictions
        Page.route = _route
        Page.route_for_request = staticmethod(_route_for_request)
