"""The content checks on a staff preview: a banner above the page, never on the public site."""

import logging

from django import template

from safeguards import checks
from safeguards.text import field_texts

logger = logging.getLogger(__name__)
register = template.Library()


def preview_findings(page):
    """Rule hits, missing clinical sections and glossary warnings of the previewed content (the
    editor's unsaved form, as Wagtail's preview hands it to the template)."""
    texts = field_texts(page)
    return [
        *checks.rule_findings(page, texts=texts),
        *checks.completeness_findings(page),
        *checks.glossary_findings(page, texts=texts),
    ]


@register.inclusion_tag("safeguards/preview_checks.html", takes_context=True)
def preview_content_checks(context):
    request = context.get("request")
    page = context.get("page")
    # Only Wagtail's preview sets is_preview, and only for someone signed in to the admin.
    if (
        page is None
        or not getattr(request, "is_preview", False)
        or not request.user.has_perm("wagtailadmin.access_admin")
    ):
        return {"show": False}
    try:
        findings = preview_findings(page)
    except Exception:  # noqa: BLE001 - a check must never break the preview
        logger.exception("Content checks failed on the preview of %r", page)
        return {"show": False}
    return {"show": True, "findings": findings}
