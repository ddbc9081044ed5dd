"""Safeguards in the admin: rules and glossary as snippets, the editor's checks, the report."""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from safeguards import editor, guard, overrides, urls, views
from safeguards.models import ContentRule, GlossaryTerm, LinkCheck


class ContentRuleViewSet(SnippetViewSet):
    model = ContentRule
    icon = "warning"
    list_display = ["name", "language", "pattern", "is_active"]
    list_filter = ["language", "is_active"]
    search_fields = ["name", "pattern", "reason"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "wagtail-localize-language"
    list_display = ["english", "french", "avoid"]
    search_fields = ["english", "french"]


class SafeguardsGroup(SnippetViewSetGroup):
    items = (ContentRuleViewSet, GlossaryTermViewSet)
    menu_icon = "warning"
    menu_label = _("Safeguards")
    menu_name = "safeguards"
    menu_order = 250


register_snippet(SafeguardsGroup)


@hooks.register("register_admin_urls")
def register_safeguards_urls():
    return [path("safeguards/", include(urls, namespace="safeguards"))]


class ContentChecksMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def content_checks_menu_item():
    return ContentChecksMenuItem(
        _("Content checks"),
        reverse("safeguards:report"),
        name="content-checks",
        icon_name="warning",
        order=170,
    )


@hooks.register("register_log_actions")
def register_override_action(actions):
    @actions.register_action(overrides.OVERRIDE_ACTION)
    class OverrideFormatter(LogFormatter):
        label = _("Content rules overridden")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Content rules overridden (%(rules)s): %(reason)s") % {
                "rules": ", ".join(data.get("rules", [])),
                "reason": data.get("reason", ""),
            }

    @actions.register_action(guard.HELD_ACTION)
    class HeldFormatter(LogFormatter):
        label = _("Scheduled publishing held")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _(
                "Not published at its go-live date: the wording breaks the content rules "
                "(%(rules)s) and no override was recorded."
            ) % {"rules": ", ".join(data.get("rules", []))}


@hooks.register("before_edit_page")
def content_checks_in_the_editor(request, page):
    if request.method == "GET":
        editor.show_findings(request, page.specific)
    elif request.method == "POST":
        editor.check_clinical_action(request, page)


@hooks.register("before_bulk_action")
def content_rules_on_bulk_publish(request, action_type, objects, action_class_instance):
    """Bulk publish goes through none of the editor's checks: nothing is published when one of
    the pages (or, with its descendants, one of those) needs an override first."""
    if action_type != "publish" or not getattr(action_class_instance, "models", None):
        return None
    from wagtail.models import Page

    if not all(issubclass(model, Page) for model in action_class_instance.models):
        return None
    form = getattr(action_class_instance, "cleaned_form", None)
    include_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    held = guard.bulk_publish_held(objects, include_descendants=include_descendants)
    if not held:
        return None
    for page, breaches in held:
        messages.error(
            request,
            _(
                "Nothing was published: “%(title)s” uses wording the content rules do not allow "
                "(%(rules)s). Change it, or record an override with a reason."
            )
            % {"title": page.title, "rules": ", ".join(sorted({f.rule_name for f in breaches}))},
            buttons=[messages.button(guard.override_url(page), _("Override, with a reason"))],
        )
    next_url = action_class_instance.next_url
    if not next_url or next_url == request.path:  # back to the listing, not to the confirmation
        return redirect("wagtailadmin_explore", held[0][0].get_parent().pk)
    return redirect(next_url)


@hooks.register("insert_editor_js")
def field_warnings_script():
    return format_html(
        '<script src="{}" data-findings-url="{}" defer></script>',
        static("safeguards/field-warnings.js"),
        reverse("safeguards:page_findings", args=[0]),
    )


@hooks.register("before_create_page")
def content_checks_on_new_pages(request, parent_page, page_class):
    if request.method == "POST":
        editor.check_new_clinical_page(request, parent_page, page_class)


@hooks.register("before_edit_snippet")
def content_checks_on_resources(request, instance):
    if request.method == "GET" and instance._meta.label == "directory.Resource":
        editor.show_findings(request, instance)


@hooks.register("register_snippet_listing_buttons")
def broken_link_button(snippet, user, next_url=None):
    if snippet._meta.label != "directory.Resource" or not snippet.url:
        return
    try:
        result = snippet.link_check
    except LinkCheck.DoesNotExist:
        return
    if result.is_ok or result.url != snippet.url:
        return
    yield ListingButton(
        _("Broken link (%(problem)s)") % {"problem": result.status_code or result.error[:40]},
        reverse("safeguards:report") + "?rule=link",
        priority=90,
        icon_name="warning",
    )
