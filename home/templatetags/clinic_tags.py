"""Template tags every public page uses: navigation, languages, alternates."""

from django import template
from django.utils import translation

from home.languages import languages_in_order, primary_language
from home.selectors import (
    home_for_request,
    live_translations,
    menu_pages_for_request,
)

register = template.Library()


def bcp47(language_code):
    """'fr-ca' -> 'fr-CA', as HTML's lang and hreflang attributes expect."""
    return translation.to_locale(language_code).replace("_", "-")


def language_name(language_code):
    """A language's name in that language ('Français', 'English')."""
    with translation.override(language_code):
        return translation.get_language_info(language_code)["name_local"].capitalize()


@register.filter
def lang_tag(language_code):
    return bcp47(language_code)


@register.simple_tag(takes_context=True)
def page_languages(context, page=None):
    """Alternates, canonical URL and the language switcher's target for this page.

    The switcher goes to this page's twin in the other language when it is live, else to the
    other language's home page (and says so).
    """
    request = context.get("request")
    current = translation.get_language()
    result = {"current": bcp47(current), "alternates": [], "canonical": None, "switch": []}
    twins = {}
    if page is not None and getattr(page, "pk", None) and request is not None:
        for twin in live_translations(page):
            code = twin.locale.language_code
            twins[code] = twin.get_url(request)
            # Absolute from the request's own origin, so links match wherever the site is served.
            url = request.build_absolute_uri(twins[code])
            result["alternates"].append({"hreflang": bcp47(code), "url": url})
            if code == primary_language():
                result["x_default"] = url
            if twin.pk == page.pk:
                result["canonical"] = url
    for code, _name in languages_in_order():
        if code == current:
            continue
        url, is_twin = twins.get(code), True
        if url is None:
            is_twin = False
            home = home_for_request(request, code) if request is not None else None
            url = home.get_url(request) if home else f"/{code}/"
        result["switch"].append(
            {"code": bcp47(code), "name": language_name(code), "url": url, "is_twin": is_twin}
        )
    return result


@register.inclusion_tag("components/site_header.html", takes_context=True)
def site_header(context, languages):
    """Practice name (the home page's title), main navigation and language switcher."""
    request = context.get("request")
    page = context.get("page")
    home = home_for_request(request) if request is not None else None
    items = menu_pages_for_request(request, home) if home else []
    current_path = getattr(page, "path", "")
    return {
        "home": home,
        # The practice's name when an app provides it (a context processor), else the home title.
        "site_name": context.get("site_name") or (home.title if home else ""),
        "home_url": home.get_url(request) if home else "/",
        "languages": languages,
        "items": [
            {
                "title": item.title,
                "url": item.get_url(request),
                "current": bool(current_path) and current_path.startswith(item.path),
            }
            for item in items
        ],
    }


@register.simple_tag(takes_context=True)
def main_sections(context):
    """The main navigation's pages in the request's language (the 404 page lists them)."""
    request = context.get("request")
    home = home_for_request(request) if request is not None else None
    return menu_pages_for_request(request, home) if home else []


@register.simple_tag(takes_context=True)
def missing_page_twin(context):
    """On the 404 page: the other language's live page this address translates, if any."""
    request = context.get("request")
    # Set by the hook that refuses to serve another language's page (no query on other 404s).
    twin = getattr(request, "missing_page_twin", None) if request is not None else None
    if twin is None:
        return None
    return {
        "url": twin.get_url(request),
        "title": twin.title,
        "lang": bcp47(twin.locale.language_code),
    }


@register.simple_tag(takes_context=True)
def breadcrumb_items(context, page):
    """[{"title", "url"}] from the home page in the page's language down to the page's parent."""
    request = context.get("request")
    ancestors = _routed_ancestors(page)
    if ancestors is None:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]


def _routed_ancestors(page):
    """The page's ancestors from the home page down, when routing already fetched them (Wagtail
    keeps each parent on its child as ``_cached_parent_obj``, treebeard's ``get_parent`` cache),
    else None."""
    chain, current = [], page
    while current.depth > 2:
        current = current.__dict__.get("_cached_parent_obj")
        if current is None:
            return None
        chain.append(current)
    return chain[::-1]


@register.filter
def description_text(html, words=35):
    """Rich text as one line of plain text for a meta description: paragraphs end in a space
    (strip_tags alone would glue "…for.It is…"), at most ``words`` words."""
    import re

    from django.utils.html import strip_tags
    from django.utils.text import Truncator

    text = strip_tags(re.sub(r"</(p|li|h[1-6])>|<br\s*/?>", " ", str(html)))
    return Truncator(" ".join(text.split())).words(int(words))
