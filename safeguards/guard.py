"""The one rule for content going live, whichever way it goes: a clinical page whose wording breaks
a content rule is published only with a recorded override (safeguards.overrides).

The page editor stops such a publish before anything is saved (safeguards.editor). The other ways
in come here: a reviewer's approval from the dashboard or the workflow action view
(editorial.models' tasks call ``approval_held``), bulk publish (the ``before_bulk_action`` hook
calls ``bulk_publish_held``) and scheduled publishing (our ``publish_scheduled`` command calls
``hold_scheduled_revisions`` before Wagtail's runs).
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from safeguards import checks, overrides

logger = logging.getLogger(__name__)

HELD_ACTION = "safeguards.publish_held"


def needs_override(content):
    """The uncovered rule hits of ``content`` (a page object holding what is about to go live):
    [] when it may go live."""
    if not checks.is_clinical(content) or getattr(content, "alias_of_id", None):
        return []
    try:
        return overrides.uncovered_breaches(content)
    except Exception:  # noqa: BLE001 - a broken check must not stop the site, only be seen
        logger.exception("Content checks failed on %r; publishing it unchecked", content)
        return []


def latest_content(page):
    page = page.specific
    return page.get_latest_revision_as_object() if page.get_latest_revision() else page


def override_url(page):
    return reverse("safeguards:override", args=[page.pk])


def approval_held(workflow_state):
    """For a task's on_action: the override page's address when approving would publish wording
    that breaks a content rule without an override, else None (the approval goes on)."""
    page = workflow_state.content_object
    if not hasattr(page, "get_latest_revision_as_object") or not hasattr(page, "depth"):
        return None  # a resource: the content rules guard pages
    if needs_override(latest_content(page)):
        return override_url(page) + "?held=approval"
    return None


def bulk_publish_held(pages, include_descendants=False):
    """[(page, breaches)] among pages about to be bulk published (and their draft descendants)."""
    held = []
    for page in pages:
        candidates = [page]
        if include_descendants:
            candidates.extend(page.get_descendants().not_live().specific())
        for candidate in candidates:
            breaches = needs_override(latest_content(candidate))
            if breaches:
                held.append((candidate.specific, breaches))
    return held


def hold_scheduled_revisions(now=None):
    """Take the go-live date off each page revision due to go live whose wording breaks a rule
    without an override: it stays a draft, the history says why, and the people who scheduled
    and wrote it get an e-mail. Returns the held revisions."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Revision

    now = now or timezone.now()
    held = []
    due = Revision.objects.filter(
        approved_go_live_at__lt=now, base_content_type=ContentType.objects.get_for_model(Page)
    )
    for revision in due.order_by("approved_go_live_at"):
        content = revision.as_object()
        breaches = needs_override(content)
        if not breaches:
            continue
        with transaction.atomic():
            # Only if still due: a second run at the same time finds nothing left to hold.
            still_due = Revision.objects.filter(pk=revision.pk, approved_go_live_at__isnull=False)
            if not still_due.update(approved_go_live_at=None):
                continue
            log(
                instance=content,
                action=HELD_ACTION,
                data={
                    "revision": revision.pk,
                    "rules": sorted({f.rule_name for f in breaches}),
                    "words": sorted({f.words for f in breaches}),
                },
                revision=revision,
            )
            transaction.on_commit(lambda pk=revision.pk: _notify(pk))
        logger.warning(
            "Scheduled publishing held: page %s revision %s breaks content rules (%s)",
            content.pk,
            revision.pk,
            ", ".join(sorted({f.rule_name for f in breaches})),
        )
        held.append(revision)
    return held


def _notify(revision_pk):
    from safeguards.tasks import send_publish_held_notice

    send_publish_held_notice.enqueue(revision_pk)
