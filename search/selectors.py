"""The site search: one language's live pages and resources, through Wagtail's backend.

Queries per search do not grow with the number of pages: the synonyms, the locale, the
matching pages (their titles), the clinical pages' summaries (one per type), the ten shown
(one, plus one per page type), the matching resources and the directory page listing them.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText

from search.highlight import highlight, matches
from search.models import SearchSynonyms
from search.synonyms import expand, expansion_words, parse_groups, with_singulars
from search.text import words

PAGE_SIZE = 10
SUMMARY_WORDS = 40
# Page types a patient would recognise, by model label; "Page" for anything else.
TYPE_LABELS = {
    "treatments.TreatmentPage": _("Treatment"),
    "treatments.ConditionPage": _("Condition"),
    "treatments.TreatmentIndexPage": _("List of treatments"),
    "treatments.ConditionIndexPage": _("List of conditions"),
    "practice.ContactPage": _("Contact"),
    "practice.PrivacyStatementPage": _("Privacy"),
    "practice.AccessibilityStatementPage": _("Accessibility"),
    "directory.DirectoryPage": _("Resource directory"),
    "directory.Resource": _("Resource"),
}


@dataclass
class Result:
    title: str
    url: str
    type_label: str
    summary: str  # HTML: escaped text with the matched words in <mark>


@dataclass
class Outcome:
    query: str = ""
    results: list = field(default_factory=list)
    count: int = 0
    page_number: int = 1
    num_pages: int = 1
    page_out_of_range: bool = False

    @property
    def has_previous(self):
        return self.page_number > 1

    @property
    def has_next(self):
        return self.page_number < self.num_pages


def _summary_text(obj):
    text = getattr(obj, "summary", "") or getattr(obj, "description", "")
    text = text or getattr(obj, "search_description", "")
    if not text:
        for name in ("intro", "body"):
            if getattr(obj, name, ""):
                text = strip_tags(str(getattr(obj, name)))
                break
    return Truncator(" ".join(text.split())).words(SUMMARY_WORDS)


def _operators(variants):
    """Every word first ("and"), then any word ("or"): one query when each variant is a word."""
    return ("and",) if all(len(variant) == 1 for variant in variants) else ("and", "or")


def _query(variants, operator):
    queries = [PlainText(" ".join(variant), operator=operator) for variant in variants]
    return queries[0] if len(queries) == 1 else Or(queries)


def _boosted(items, marked, summaries):
    """Title matches first, then summary matches, otherwise the backend's relevance order.

    PostgreSQL weighs titles and summaries itself (their search_fields boosts); SQLite's backend
    ranks every column alike, so this keeps the same order on both databases.
    """

    def key(item):
        return (not matches(item.title, marked), not matches(summaries.get(item.pk, ""), marked))

    return sorted(items, key=key)


def _summaries(page_ids):
    """{page id: summary} of the clinical pages among them (two queries, however many)."""
    from treatments.models import ConditionPage, TreatmentPage

    summaries = {}
    for model in (TreatmentPage, ConditionPage):
        summaries.update(model.objects.filter(pk__in=page_ids).values_list("pk", "summary"))
    return summaries


def _matching_pages(backend, locale, variants, marked):
    # public(): pages behind a password or login are neither listed nor counted.
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=2).only("pk", "title")
    for operator in _operators(variants):
        found = list(backend.search(_query(variants, operator), pages))
        if found:
            return _boosted(found, marked, _summaries([page.pk for page in found]))
    return []


def _matching_resources(backend, locale, variants, marked):
    from directory.models import Resource

    resources = Resource.objects.filter(live=True, is_shown=True, locale=locale)
    for operator in _operators(variants):
        found = list(backend.search(_query(variants, operator), resources))
        if found:
            return _boosted(found, marked, {r.pk: r.description for r in found})
    return []


def search_site(raw_query, language_code, page_number=1, request=None):
    """The results a reader of ``language_code`` gets for ``raw_query``, one page of ten."""
    query_words = words(raw_query)
    outcome = Outcome(query=" ".join(query_words))
    if not query_words:
        return outcome
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return outcome
    groups = parse_groups(SearchSynonyms.load().for_language(language_code))
    variants = with_singulars(expand(query_words, groups), language_code)
    marked = expansion_words(variants)
    backend = get_search_backend().for_language(language_code)

    pages = _matching_pages(backend, locale, variants, marked)
    resources = _matching_resources(backend, locale, variants, marked)
    # Pages first, then resources: each in the order of relevance.
    entries = [("page", page.pk) for page in pages] + [("resource", r) for r in resources]
    paginator = Paginator(entries, PAGE_SIZE)
    outcome.count = paginator.count
    outcome.num_pages = paginator.num_pages
    try:
        shown = paginator.page(page_number)
    except (EmptyPage, PageNotAnInteger):
        outcome.page_out_of_range = True
        return outcome
    outcome.page_number = shown.number

    shown_ids = [value for kind, value in shown if kind == "page"]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=shown_ids).specific()}
    for page in (by_id[pk] for pk in shown_ids if pk in by_id):
        outcome.results.append(
            Result(
                title=page.title,
                url=page.get_url(request),
                type_label=TYPE_LABELS.get(page._meta.label, _("Page")),
                summary=highlight(_summary_text(page), marked),
            )
        )
    shown_resources = [value for kind, value in shown if kind == "resource"]
    if shown_resources:
        directory_url = _directory_url(locale, request)
        for resource in shown_resources:
            outcome.results.append(
                Result(
                    title=resource.title,
                    url=directory_url,
                    type_label=TYPE_LABELS["directory.Resource"],
                    summary=highlight(_summary_text(resource), marked),
                )
            )
    return outcome


def _directory_url(locale, request):
    from directory.models import DirectoryPage

    directory = DirectoryPage.objects.live().filter(locale=locale).first()
    return directory.get_url(request) if directory else ""


def suggested_pages(language_code, request=None):
    """For an empty result: the main sections of the reader's language (the menu's pages)."""
    pages = (
        Page.objects.live()
        .public()
        .in_menu()
        .filter(locale__language_code=language_code, depth=3)
        .order_by("path")
    )
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]
