"""A French address whose page exists only as a draft says so, and links to the original.

Wagtail answers 404 when routing reaches a page that is not live (a translation never
published, waiting for review) and offers no hook there: ``before_serve_page`` runs only for
live pages. ``Page.route`` is wrapped once (as ``translations.drafts`` wraps wagtail-localize's
writer) so that, at that moment and only then, the 404 page learns the live original this
address translates. Ordinary 404s (no page at that address) make no extra query.
"""

from django.http import Http404
from wagtail.models import Page

_original = Page.route


def live_twin(page):
    """The live, public page in another language that ``page`` translates, or None."""
    from home.selectors import in_own_language

    return (
        in_own_language(
            Page.objects.filter(translation_key=page.translation_key).exclude(
                locale_id=page.locale_id
            )
        )
        .live()
        .public()
        .select_related("locale")
        .order_by("pk")
        .first()
    )


def route(self, request, path_components):
    try:
        return _original(self, request, path_components)
    except Http404:
        if (
            not path_components
            and not self.live
            and request is not None
            and getattr(request, "missing_page_twin", None) is None
        ):
            request.missing_page_twin = live_twin(self)
        raise


def install():
    if Page.route is not route:
        Page.route = route
