"""Editorial admin: reports, dashboard panels, and checks Wagtail's permissions cannot express."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton
from wagtail.models import TranslatableMixin

from editorial import selectors, urls, views
from editorial.models import ClinicalReviewTask, FrenchReviewTask
from editorial.services import (
    has_french_review_fields,
    reviewer_name,
    reviewer_name_missing_message,
)


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("editorial/", include(urls, namespace="editorial")),
        # Listed before wagtail-localize's own URLs (this app comes first in INSTALLED_APPS), so
        # its sync address serves the version that cannot publish.
        path(
            "localize/update/<int:translation_source_id>/",
            views.SyncWithoutPublishingView.as_view(),
            name="editorial_sync_translations",
        ),
    ]


@hooks.register("register_reports_menu_item")
def clinical_review_menu_item():
    return MenuItem(
        pgettext_lazy("report", "Clinical review"),
        reverse("editorial:clinical_review_report"),
        name="clinical-review",
        icon_name="doc-full-inverse",
        order=150,
    )


@hooks.register("register_reports_menu_item")
def translations_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("editorial:translations_report"),
        name="translations",
        icon_name="wagtail-localize-language",
        order=160,
    )


class ClinicalReviewPanel(Component):
    name = "clinical_review"
    order = 230  # after Wagtail's "Awaiting your review" (220): a reviewer's queue comes first
    template_name = "editorial/panels/clinical_review.html"

    def get_context_data(self, parent_context):
        return {
            "count": selectors.clinical_pages_due_count(),
            "within_days": selectors.DUE_WITHIN_DAYS,
        }


class TranslationsPanel(Component):
    name = "translations"
    order = 240
    template_name = "editorial/panels/translations.html"

    def get_context_data(self, parent_context):
        # Read from the stored state (a few count queries), never by building the report.
        from translations import state

        counts, unknown = state.counts()
        return {"counts": counts, "unknown": unknown}


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(ClinicalReviewPanel())
    panels.append(TranslationsPanel())


@hooks.register("before_edit_page")
def refuse_unsigned_clinical_approval(request, page):
    """Approving from the page editor saves the form first: refuse before anything is saved."""
    if request.method != "POST" or "action-workflow-action" not in request.POST:
        return None
    if request.POST.get("workflow-action-name") != "approve":
        return None
    task = page.current_workflow_task
    stamps = isinstance(task, ClinicalReviewTask) or (
        isinstance(task, FrenchReviewTask) and has_french_review_fields(page.specific)
    )
    if stamps and not reviewer_name(request.user):
        messages.error(request, reviewer_name_missing_message())
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def user_may_change_locale(user, locale):
    """Whether ``user`` may change content in ``locale``: they may edit that language's home page.

    Snippet permissions are per model, not per language; this ties a translator's (and an
    editor's) snippet rights to the language subtree their page permissions cover.
    """
    if user.is_superuser:
        return True
    from home.services import get_home_pages

    english_home, _french_home = get_home_pages()
    home = english_home.get_translation_or_none(locale)
    return home is not None and home.permissions_for_user(user).can_edit()


def _refuse_other_language(request, instance):
    if isinstance(instance, TranslatableMixin) and not user_may_change_locale(
        request.user, instance.locale
    ):
        return permission_denied(request)
    return None


# Ordered before wagtail-localize's own hook, which replaces the editor for translations.
@hooks.register("before_edit_snippet", order=-10)
def refuse_editing_other_language(request, instance):
    return _refuse_other_language(request, instance)


@hooks.register("before_delete_snippet", order=-10)
def refuse_deleting_other_language(request, instances):
    for instance in instances:
        response = _refuse_other_language(request, instance)
        if response:
            return response
    return None


@hooks.register("register_snippet_listing_buttons")
def submit_french_resource_button(snippet, user, next_url=None):
    if not isinstance(snippet, TranslatableMixin) or snippet._meta.label != "directory.Resource":
        return
    from translations import listing_buttons

    # Per row, from facts read once per listing (a listing of 100 resources stays flat).
    if not listing_buttons.is_translation(snippet) or listing_buttons.workflow_in_progress(snippet):
        return
    may_change = listing_buttons.memoized(
        ("may change locale", user.pk, snippet.locale_id),
        lambda: user_may_change_locale(user, snippet.locale),
    )
    if not may_change:
        return
    yield ListingButton(
        _("Submit translation for review"),
        reverse("editorial:submit_resource_translation", args=[snippet.pk]),
        priority=65,
        icon_name="resubmit",
    )


@hooks.register("register_page_listing_more_buttons")
def submit_french_translation_button(page, user, view_name=None, next_url=None):
    from translations import listing_buttons

    if page.alias_of_id or not listing_buttons.is_translation(page):
        return
    if listing_buttons.workflow_in_progress(page) or not page.permissions_for_user(user).can_edit():
        return
    yield ListingButton(
        _("Submit translation for review"),
        reverse("editorial:submit_translation", args=[page.pk]),
        priority=65,
        icon_name="resubmit",
    )
