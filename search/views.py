"""The results page: GET ?q=…&page=…, in the language of the address."""

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from home.templatetags.clinic_tags import bcp47, language_name
from search.selectors import search_site, suggested_pages
from search.text import MAX_QUERY_LENGTH, clean_query


def _page_number(value):
    """A positive page number, or None for anything else ("-1", "abc", 10 000 digits...)."""
    if not value.isdigit() or len(value) > 6:
        return None
    number = int(value)
    return number if number >= 1 else None


def _address(language_code, query, page=None):
    with translation.override(language_code):
        url = reverse("search")
    params = QueryDict(mutable=True)
    if query:
        params["q"] = query
    if page and page > 1:
        params["page"] = str(page)
    return f"{url}?{params.urlencode()}" if params else url


def _languages(current, query):
    """The header's language switcher: the same search in the other language."""
    return {
        "current": bcp47(current),
        "switch": [
            {
                "code": bcp47(code),
                "name": language_name(code),
                "url": _address(code, query),
                "is_twin": True,
            }
            for code, _name in settings.LANGUAGES
            if code != current
        ],
    }


@require_safe
def search(request):
    language_code = translation.get_language()
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    page_param = request.GET.get("page", "1")
    page_number = _page_number(page_param)
    outcome = search_site(query, language_code, page_number or 1, request=request)
    if page_number is None:
        outcome.page_out_of_range = True
        outcome.results = []
    context = {
        "query": outcome.query,
        "outcome": outcome,
        "searched": bool(raw_query.strip()),
        "shortened": len(raw_query) > MAX_QUERY_LENGTH,
        "search_languages": _languages(language_code, outcome.query),
        "previous_url": _address(language_code, outcome.query, outcome.page_number - 1),
        "next_url": _address(language_code, outcome.query, outcome.page_number + 1),
        "first_url": _address(language_code, outcome.query),
    }
    if not outcome.results:
        from practice.selectors import practice_details

        context["suggestions"] = suggested_pages(language_code, request=request)
        context["practice"] = practice_details(language_code)
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
