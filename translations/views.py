"""Replacements for the wagtail-localize views that would put another language live, and the
review actions of the translation editor."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation


def convert_to_alias_refused(request, page_id):
    """wagtail-localize's "Convert to alias page" replaces a translation with the other
    language's live page, served under this language's address. Refused for everyone: a French
    address never shows English (an alias would be an English page with lang="fr-CA")."""
    page = get_object_or_404(Page, pk=page_id)
    messages.error(
        request,
        _(
            "A page cannot become an alias of a page in another language: visitors would read "
            "that language under this address. Nothing was changed."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def _editor_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    from wagtail.admin.admin_url_finder import AdminURLFinder

    return AdminURLFinder().get_edit_url(instance) or reverse("wagtailadmin_home")


@require_POST
def review(request, translation_id):
    """Approve or request changes from the translation editor, where the reviewer reads the
    English beside the French. The task's own rules decide who may act (Wagtail's group
    approval); its approval is the one the page editor's action menu runs, stamp included."""
    from translations.workbench import current_state, english_changes

    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        instance = instance.specific
    editor = _editor_url(instance)
    action = request.POST.get("action")
    state = current_state(instance)
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        messages.error(
            request, _("This translation is not waiting for review. Nothing was changed.")
        )
        return redirect(editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    allowed = {name for name, _label, _form in task.get_actions(instance, request.user)}
    if action not in ("approve", "reject") or action not in allowed:
        messages.error(
            request,
            _("Only a French reviewer approves or asks for changes here. Nothing was changed."),
        )
        return redirect(editor)
    comment = (request.POST.get("comment") or "").strip()[:2000]
    if action == "reject" and not comment:
        messages.error(
            request,
            _("Say what to change in the comment, so the translator knows. Nothing was changed."),
        )
        return redirect(editor)
    stale = english_changes(translation, translation.source.get_source_instance())
    result = task.on_action(task_state, request.user, action, comment=comment)
    if result:  # e.g. the reviewer's account has no name to stamp
        return redirect(result)
    if action == "reject":
        messages.success(
            request,
            _("Changes requested: “%(title)s” went back to the translator with your comment.")
            % {"title": instance},
        )
        return redirect(editor)
    instance = type(instance).objects.get(pk=instance.pk)
    if getattr(instance, "live", True) and not getattr(instance, "has_unpublished_changes", False):
        text = _("Approved: “%(title)s” is published in French.") % {"title": instance}
    else:
        text = _("Approved: “%(title)s”.") % {"title": instance}
    if stale:
        text += " " + _(
            "The English has changed since this French was made: sync it, and the changed "
            "text goes to the translator."
        )
    messages.success(request, text)
    return redirect(editor)


def stop_synchronisation(request, translation_id):
    """wagtail-localize's "Stop synced translation", asked first and never lossy.

    Stopping turns the translation into an ordinary page or resource edited in its own
    language. wagtail-localize's own view stops at once, and the ordinary editor then opens on
    the last saved copy, where every string not yet translated is still in the source language
    (a draft saved there put the French into the English page). Here: the editor's button leads
    to a confirmation; it is refused while a string is untranslated or a review is under way;
    confirmed, the translated text is saved as a draft of this language first, then the
    synchronisation stops.
    """
    from django.http import HttpResponseNotAllowed
    from django.template.response import TemplateResponse
    from django.utils.http import url_has_allowed_host_and_scheme
    from wagtail_localize.views.edit_translation import user_can_edit_instance

    from translations.workbench import current_state

    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        instance = instance.specific
    if not user_can_edit_instance(request.user, instance):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    editor = _editor_url(instance)
    next_url = request.POST.get("next") or request.GET.get("next") or editor
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = editor
    total, done = translation.get_progress()
    state = current_state(instance)
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    refusal = None
    if in_review:
        refusal = _("This translation is waiting for review: it stays synchronised until then.")
    elif done < total:
        refusal = _(
            "%(left)s of %(total)s strings are not translated yet: they would stay in "
            "%(source)s on this page. Translate every string first."
        ) % {
            "left": total - done,
            "total": total,
            "source": translation.source.locale.get_display_name(),
        }
    if request.method == "POST" and request.POST.get("confirm") == "stop":
        if refusal:
            messages.error(request, refusal + " " + _("Nothing was changed."))
            return redirect(editor)
        # The translated text as a draft of this language (translations.drafts keeps what is
        # live as it is), so the ordinary editor opens on it, not on the source's text.
        translation.save_target(user=request.user, publish=False)
        translation.enabled = False
        translation.save(update_fields=["enabled"])
        messages.success(
            request,
            _(
                "Synchronisation stopped: “%(title)s” is now edited on its own, in %(language)s. "
                "Its translated text is saved as a draft."
            )
            % {"title": instance, "language": translation.target_locale.get_display_name()},
        )
        return redirect(editor)
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "translations/stop_synchronisation.html",
        {
            "translation": translation,
            "instance": instance,
            "refusal": refusal,
            "next": next_url,
            "source_language": translation.source.locale.get_display_name(),
            "target_language": translation.target_locale.get_display_name(),
        },
    )
