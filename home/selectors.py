"""Read queries shared by templates and views."""

from django.db.models import F, Q
from wagtail.models import Locale, Page, Site


def in_own_language(pages):
    """``pages`` without aliases of another language's page: an alias shows that language under
    this address, so it is never listed, linked as a translation nor announced by hreflang.
    Aliases of aliases are left out too: they show what the first alias shows, whichever
    language that is."""
    return pages.filter(
        Q(alias_of__isnull=True)
        | Q(alias_of__locale_id=F("locale_id"), alias_of__alias_of__isnull=True)
    )


def per_request(function):
    """Remember ``function(request, *args)`` on the request: the header, the page and the
    switcher ask the same questions, and the answer must not cost a query each time."""

    def wrapper(request, *args):
        if request is None:
            return function(request, *args)
        memo = request.__dict__.setdefault("_clinic_selectors", {})
        key = (function.__name__, *(getattr(arg, "pk", arg) for arg in args))
        if key not in memo:
            memo[key] = function(request, *args)
        return memo[key]

    return wrapper


def menu_pages(home):
    """Live pages shown in the main navigation, in ``home``'s language, in tree order.

    Titles, addresses and descriptions are all on the base Page, so no `.specific()`.
    """
    return list(in_own_language(home.get_children().live().public().in_menu()).order_by("path"))


@per_request
def menu_pages_for_request(request, home):
    return menu_pages(home)


@per_request
def home_for_request(request, language_code=None):
    """The home page in the request's (or the given) language, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    try:
        locale = Locale.objects.get_for_language(language_code) if language_code else None
    except Locale.DoesNotExist:
        return None
    localized = root.get_translation_or_none(locale) if locale else root.localized
    # A plain Page: its title, address and children are all the header and switcher use.
    return localized if localized and localized.live else None


def live_translations(page):
    """Every live translation of ``page`` (itself included), with their locales, in one query."""
    return list(
        in_own_language(Page.objects.filter(translation_key=page.translation_key))
        .live()
        .public()
        .select_related("locale")
        .order_by("locale__language_code")
    )


def sitemap_entries(request):
    """[(page, url, [(hreflang, url), ...])] for every live public page of the default site."""
    from home.templatetags.clinic_tags import bcp47

    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    pages = list(in_own_language(pages.live().public()).select_related("locale").order_by("path"))

    by_key = {}
    for page in pages:
        page_url = request.build_absolute_uri(page.get_url(request))
        by_key.setdefault(page.translation_key, []).append(
            (bcp47(page.locale.language_code), page_url)
        )
        page.sitemap_url = page_url
    return [
        {"page": page, "url": page.sitemap_url, "alternates": by_key[page.translation_key]}
        for page in pages
    ]
