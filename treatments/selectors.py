"""Read queries for treatment and condition pages, shaped for their templates.

Links between pages always lead to the page in the reader's language. ``Page.localized`` does
that one page at a time (a query each); ``localized_pages`` gives the same answer for a whole
list in one query.
"""

from wagtail.models import Page

from home.selectors import in_own_language
from treatments.models import ConditionPage, ConditionTreatment, TreatmentPage


def localized_pages(pages, locale, model=Page):  # locale: a Locale or its id
    """``[page.localized for page in pages]`` for readers of ``locale``, in one query.

    Like ``.localized``: the live translation in ``locale`` if there is one, else the page
    itself. Pages that are not live and public in either form are left out.
    """
    pages = list(pages)
    if not pages:
        return []
    keys = {page.translation_key for page in pages}
    candidates = (
        in_own_language(model.objects.live())
        .public()
        .filter(translation_key__in=keys)
        .filter(locale=locale)
        .order_by()
    )
    translated = {page.translation_key: page for page in candidates}
    result, seen = [], set()
    for page in pages:
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        target = translated.get(page.translation_key)
        if target is None and page.live:
            target = page
        if target is not None:
            result.append(target)
    return result


def treatments_for_condition(condition):
    """The treatments a condition links to, in the editors' order and the page's language."""
    links = (
        ConditionTreatment.objects.filter(condition=condition)
        .select_related("treatment")
        .order_by("sort_order")
    )
    # locale_id: reading the Locale row itself would cost a query
    return localized_pages(
        [link.treatment for link in links], condition.locale_id, model=TreatmentPage
    )


def conditions_for_treatment(treatment):
    """Conditions whose pages link to ``treatment`` (in any language), in tree order and the
    page's language."""
    condition_ids = ConditionTreatment.objects.filter(
        treatment__translation_key=treatment.translation_key
    ).values("condition_id")
    conditions = (
        ConditionPage.objects.filter(pk__in=condition_ids)
        .live()
        .public()
        .order_by("path")
        .defer_streamfields()
    )
    # Prefer the links from pages in the reader's language; others count through their twin.
    ordered = sorted(
        conditions, key=lambda page: (page.locale_id != treatment.locale_id, page.path)
    )
    localized = localized_pages(ordered, treatment.locale_id, model=ConditionPage)
    return sorted(localized, key=lambda page: page.path)


def listed_children(index_page):
    """Live children of an index page with their summaries, in the editors' order, in one query."""
    model = CHILD_MODELS[type(index_page).__name__]
    return list(
        in_own_language(model.objects.child_of(index_page).live().public())
        .order_by("path")
        .defer_streamfields()
    )


CHILD_MODELS = {"TreatmentIndexPage": TreatmentPage, "ConditionIndexPage": ConditionPage}
