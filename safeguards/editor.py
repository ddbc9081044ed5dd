"""What the page editor does with the checks: warnings when a page is opened (and so after each
save, which comes back to the editor), and the two points where a check stops an action. A
stopped action is turned into a draft save, so the editor keeps everything typed."""

import logging

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from safeguards import checks, overrides

logger = logging.getLogger(__name__)

# Fields of the edit form that ask for something other than a draft save.
ACTION_KEYS = ("action-publish", "action-submit", "action-workflow-action")
MAX_MESSAGES = 8


def requested_action(post):
    if post.get("action-publish"):
        return "publish"
    if post.get("action-submit"):
        return "submit"
    if post.get("action-workflow-action") and post.get("workflow-action-name") == "approve":
        return "approve"
    return None


def save_as_draft_instead(request):
    post = request.POST.copy()
    for key in (*ACTION_KEYS, "workflow-action-name"):
        post.pop(key, None)
    request.POST = post


def show_findings(request, instance):
    """Each finding as a message at the top of the editor, naming the field."""
    texts = None
    findings = []
    try:
        from safeguards.text import field_texts

        texts = field_texts(instance)
        findings = [
            *checks.rule_findings(instance, texts=texts),
            *checks.glossary_findings(instance, texts=texts),
            *checks.link_findings(instance),
        ]
    except Exception:  # noqa: BLE001 - a check must never stop anyone opening the editor
        logger.exception("Content checks failed on %r", instance)
        return
    for finding in findings[:MAX_MESSAGES]:
        messages.warning(request, _("Content check: %(message)s") % {"message": finding.message})
    if len(findings) > MAX_MESSAGES:
        messages.warning(
            request,
            _("%(count)s more findings: see the “Content checks” report.")
            % {"count": len(findings) - MAX_MESSAGES},
            buttons=[messages.button(reverse("safeguards:report"), _("Content checks"))],
        )
    level = checks.reading_level_of(instance, texts=texts)
    if level is not None:
        show = messages.warning if level.above_target else messages.info
        show(request, checks.reading_message(level))


def bound_form(request, page):
    """The edit form bound to what was posted, on a copy of the page (the view keeps its own)."""
    instance = page.get_latest_revision_as_object()
    form_class = type(instance).get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        request.FILES,
        instance=instance,
        parent_page=page.get_parent(),
        for_user=request.user,
    )
    form.is_valid()
    return form


def posted_values(form, instance):
    """name → posted value of the page's required clinical sections, as the editor left them
    (read from the posted data when the field did not validate)."""
    values = {}
    cleaned = getattr(form, "cleaned_data", {})
    for name in checks.required_sections(instance):
        if name in cleaned:
            values[name] = cleaned[name]
        elif name in form.fields:
            try:
                values[name] = form[name].data
            except Exception:  # noqa: BLE001 - unreadable posted data counts as empty
                values[name] = None
    return values


def check_clinical_action(request, page):
    """Stop submitting, publishing or approving an incomplete clinical page, and publishing or
    approving one that breaks a content rule without an override. Returns None (the view goes
    on, as a draft save when stopped)."""
    action = requested_action(request.POST)
    # An alias is not edited (Wagtail answers 405); it follows its original.
    if action is None or page.alias_of_id or not checks.is_clinical(page):
        return
    try:
        form = bound_form(request, page)
    except Exception:  # noqa: BLE001 - a form Wagtail cannot build, Wagtail will not save either
        logger.exception("Content checks could not read the form of %r", page)
        return
    instance = form.instance
    missing = checks.completeness_findings(instance, values=posted_values(form, instance))
    if missing:
        save_as_draft_instead(request)
        messages.error(
            request,
            _("Saved as a draft, not sent on: the page is not complete.")
            if action == "submit"
            else _("Saved as a draft, not published: the page is not complete."),
        )
        for finding in missing:
            messages.error(request, finding.message)
        return
    if action == "submit" or not form.is_valid():
        return  # submitting with a rule hit is fine: the reviewer sees the warnings
    breaches = overrides.uncovered_breaches(instance)
    if breaches:
        save_as_draft_instead(request)
        messages.error(
            request,
            _(
                "Saved as a draft, not published: %(count)s wording(s) break the content rules "
                "(%(rules)s). Change them, or record an override with a reason."
            )
            % {
                "count": len(breaches),
                "rules": ", ".join(sorted({f.rule_name for f in breaches})),
            },
            buttons=[
                messages.button(
                    reverse("safeguards:override", args=[page.pk]), _("Override, with a reason")
                )
            ],
        )


def check_new_clinical_page(request, parent_page, page_class):
    """Creating and publishing at once: the same rule check (an override needs the page to exist,
    so it is saved as a draft first); missing sections are said, Wagtail's own required fields
    do the rest."""
    action = requested_action(request.POST)
    if action not in ("publish", "submit") or not checks.is_clinical(page_class):
        return
    try:
        form_class = page_class.get_edit_handler().get_form_class()
        form = form_class(
            request.POST,
            request.FILES,
            instance=page_class(),
            parent_page=parent_page,
            for_user=request.user,
        )
        if not form.is_valid():
            return
    except Exception:  # noqa: BLE001 - as above: Wagtail answers a form it cannot build
        logger.exception("Content checks could not read the new page's form")
        return
    for finding in checks.completeness_findings(form.instance):
        messages.warning(request, finding.message)
    if action == "publish" and overrides.rule_breaches(form.instance):
        save_as_draft_instead(request)
        messages.error(
            request,
            _(
                "Saved as a draft, not published: its wording breaks the content rules. Change "
                "it, or publish from the editor with an override and a reason."
            ),
        )
