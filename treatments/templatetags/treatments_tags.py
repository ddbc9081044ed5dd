"""Template helpers for treatment and condition pages."""

import json

from django import template
from django.utils.formats import date_format
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.templatetags.clinic_tags import breadcrumb_items

register = template.Library()


@register.filter
def json_ld(data):
    """``data`` as a JSON-LD script element. Like ``json_script``: <, > and & are escaped, so
    text in the data can never close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_json_script_escapes)
    # Escaped above as json_script escapes it: nothing in it can end the script element.
    escaped = mark_safe(text)  # noqa: S308  # nosec B308 B703
    return format_html('<script type="application/ld+json">{}</script>', escaped)


@register.filter
def long_date(value):
    """'25 November 2026' / '25 novembre 2026' ('1er mars 2026' in French)."""
    if not value:
        return ""
    if value.day == 1 and (get_language() or "").startswith("fr"):
        return f"1er {date_format(value, 'F Y')}"
    return date_format(value, "j F Y")


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's JSON-LD data (built by the page model)."""
    return page.structured_data(context.get("request"), linked=context.get("linked_pages"))


# Shared with the directory page (home.templatetags.clinic_tags); still loadable from here.
register.simple_tag(breadcrumb_items, takes_context=True)


def _translated_from(page):
    """The language code of the original a page was translated from, or None for an original."""
    from wagtail_localize.models import TranslationSource

    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .select_related("locale")
        .only("locale__language_code", "locale_id")
        .first()
    )
    if source is None or source.locale_id == page.locale_id:
        return None
    return source.locale.language_code


@register.simple_tag
def review_line(page):
    """The page's clinical review record, as sentences in the current language.

    Seeded pages have not been reviewed: they say so, and never name a reviewer. A French page
    translated from English says what was reviewed: the clinical review is of the English text,
    and the French has its own review (or has not been reviewed yet). Both are set only by the
    approvals (editorial.ClinicalReviewTask, editorial.FrenchReviewTask).
    """
    from django.utils.translation import gettext

    french_translation = (
        page.locale.language_code.startswith("fr") and _translated_from(page) is not None
    )
    sentences = []
    if page.last_reviewed and page.reviewed_by:
        message = (
            gettext("Clinical review of the English text: %(date)s, by %(reviewer)s")
            if french_translation
            else gettext("Last reviewed %(date)s by %(reviewer)s.")
        )
        sentences.append(
            full_stop(
                message % {"date": long_date(page.last_reviewed), "reviewer": page.reviewed_by}
            )
        )
    elif page.last_reviewed:
        message = (
            gettext("Clinical review of the English text: %(date)s.")
            if french_translation
            else gettext("Last reviewed %(date)s.")
        )
        sentences.append(message % {"date": long_date(page.last_reviewed)})
    else:
        sentences.append(gettext("Not yet reviewed by a physician."))
    if french_translation:
        if page.french_last_reviewed and page.french_reviewed_by:
            sentences.append(
                full_stop(
                    gettext("French translation reviewed %(date)s by %(reviewer)s")
                    % {
                        "date": long_date(page.french_last_reviewed),
                        "reviewer": page.french_reviewed_by,
                    }
                )
            )
        else:
            sentences.append(gettext("The French translation has not been reviewed yet."))
    # The next date is shown only after a review: on a page never reviewed it is the editors'
    # plan (the clinical review report), and a date already past would only alarm the reader.
    if page.next_review_due and page.last_reviewed:
        message = gettext("Next review due %(date)s.")
        sentences.append(message % {"date": long_date(page.next_review_due)})
    return {"sentences": sentences, "reviewed": bool(page.last_reviewed)}


@register.filter
def full_stop(text):
    """``text`` ending with a full stop, without doubling one ("Kim WM, et al." stays as is)."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".?!" else f"{text}."


@register.inclusion_tag("treatments/components/practice_contact.html", takes_context=True)
def practice_contact(context):
    """The practice's phone, hours and after-hours instruction (a placeholder until they exist)."""
    from practice.selectors import hours_summary
    from practice.templatetags.practice_tags import details_for_request

    details = details_for_request(context.get("request"))
    return {"details": details, "hours": hours_summary(details) if details else []}
