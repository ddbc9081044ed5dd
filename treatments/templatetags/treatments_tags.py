"""Template helpers for treatment and condition pages."""

import json

from django import template
from django.utils.formats import date_format
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

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
    return page.structured_data(context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumb_items(context, page):
    """[{"title", "url"}] from the home page in the page's language down to the page's parent."""
    request = context.get("request")
    ancestors = page.get_ancestors().filter(depth__gte=2)
    return [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]


@register.simple_tag
def review_line(page):
    """The page's clinical review record, as sentences in the current language.

    Seeded pages have not been reviewed: they say so, and never name a reviewer.
    """
    from django.utils.translation import gettext

    sentences = []
    if page.last_reviewed and page.reviewed_by:
        sentences.append(
            gettext("Last reviewed %(date)s by %(reviewer)s.")
            % {"date": long_date(page.last_reviewed), "reviewer": page.reviewed_by}
        )
    elif page.last_reviewed:
        sentences.append(
            gettext("Last reviewed %(date)s.") % {"date": long_date(page.last_reviewed)}
        )
    else:
        sentences.append(gettext("Not yet reviewed by a physician."))
    if page.next_review_due:
        if page.last_reviewed:
            message = gettext("Next review due %(date)s.")
        else:
            message = gettext("Review due %(date)s.")
        sentences.append(message % {"date": long_date(page.next_review_due)})
    return {"sentences": sentences, "reviewed": bool(page.last_reviewed)}


@register.filter
def full_stop(text):
    """``text`` ending with a full stop, without doubling one ("Kim WM, et al." stays as is)."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".?!" else f"{text}."
