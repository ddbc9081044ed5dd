"""The status side panel of a resource's translation editor, given what it needs.

wagtail-localize builds a plain ``StatusSidePanel`` for snippets, without the names Wagtail's
own snippet editor passes (``SnippetStatusSidePanel`` inherits them from the edit view): once a
resource has a review under way, the panel's workflow timeline reverses an empty URL name and
the translation editor answers 500 (issue 19's leftover). The missing names are filled in from
the snippet's viewset, and only when absent, so Wagtail's own editors are unchanged.
"""

from contextlib import suppress

from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse
from wagtail.admin.ui.side_panels import StatusSidePanel

_original_get_context_data = StatusSidePanel.get_context_data


def get_context_data(self, parent_context):
    context = _original_get_context_data(self, parent_context)
    viewset = getattr(self.object, "snippet_viewset", None)
    if viewset is None or self.object.pk is None or context.get("revisions_compare_url_name"):
        return context
    context["revisions_compare_url_name"] = viewset.get_url_name("revisions_compare")
    # A snippet without workflows has no history address: the timeline is not shown then.
    with suppress(NoReverseMatch):
        context.setdefault(
            "workflow_history_url",
            reverse(viewset.get_url_name("workflow_history"), args=[quote(self.object.pk)]),
        )
    return context


def install():
    if StatusSidePanel.get_context_data is not get_context_data:
        StatusSidePanel.get_context_data = get_context_data
