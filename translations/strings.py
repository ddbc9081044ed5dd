"""wagtail-localize's string writers (one string from the editor, a PO file), held to the review.

While the French is waiting for its reviewer, what the reviewer reads must be what they approve:
only the reviewers change its strings then (everyone else asked for changes first). A PO file
with strings for English that no longer exists says so, rather than "Successfully imported".
Served at wagtail-localize's own addresses (see wagtail_hooks), ahead of its views.
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation as localize_views

from translations.workbench import current_state


def review_lock(user, instance):
    """Why ``user`` may not change the strings of ``instance`` now, or None."""
    if isinstance(instance, Page):
        instance = instance.specific
    state = current_state(instance)
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    task_state = state.current_task_state
    if task_state is not None and task_state.task.specific.get_actions(instance, user):
        return None  # the reviewer may correct as they review
    return _(
        "This French is waiting for review: its strings change after the reviewer approves it "
        "or asks for changes. Nothing was changed."
    )


def edit_string_translation(request, translation_id, string_segment_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if request.method in ("PUT", "DELETE"):
        reason = review_lock(request.user, translation.get_target_instance())
        if reason:
            return JsonResponse({"error": reason}, status=403)
    return localize_views.edit_string_translation(request, translation_id, string_segment_id)


def _next_url(request, translation):
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return next_url
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse("wagtailadmin_home")


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not localize_views.user_can_edit_instance(request.user, instance):
        return localize_views.upload_pofile(request, translation_id)  # its own refusal
    back = redirect(_next_url(request, translation))
    reason = review_lock(request.user, instance)
    if reason:
        messages.error(request, reason)
        return back
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload. Nothing was imported."))
        return back
    with tempfile.NamedTemporaryFile(delete=False) as handle:
        handle.write(upload.read())
    try:
        po = polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError):
        po = None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    if po is None:
        messages.error(request, _("This is not a PO file. Nothing was imported."))
        return back
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        messages.error(
            request,
            _(
                "This PO file was made for another translation (or another version of this "
                "one): download this page’s file and translate in it. Nothing was imported."
            ),
        )
        return back
    # Strings of the file whose English is no longer the page's (the English changed since
    # the file was downloaded): wagtail-localize imports them onto the old English silently.
    current = set(translation.source.stringsegment_set.values_list("string__data", "context__path"))
    stale = [entry for entry in po if entry.msgstr and (entry.msgid, entry.msgctxt) not in current]
    from translations.state import batched

    with batched():  # one state refresh for the whole file, not one per string
        warnings = translation.import_po(po, user=request.user, tool_name="PO File")
    count = max(len(stale), len(warnings))
    if count:
        messages.warning(
            request,
            ngettext(
                "Imported, except %(count)s string whose English is no longer on the page (it "
                "changed since the file was downloaded): download the file again for it.",
                "Imported, except %(count)s strings whose English is no longer on the page (it "
                "changed since the file was downloaded): download the file again for them.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.success(request, _("The translations of the PO file were imported."))
    return back
