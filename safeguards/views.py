"""The "Content checks" report and the override of content rules on a clinical page."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from safeguards import checks, overrides, selectors


def may_see_report(user):
    """People who write or review content: anyone who may change some page."""
    return user.is_active and (
        user.is_superuser
        or PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"])
    )


class ContentChecksReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Content checks")
    header_icon = "warning"
    template_name = "safeguards/report.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        choices = selectors.filter_choices()
        chosen = self.request.GET.get("rule", "")
        if chosen not in dict(choices):
            chosen = ""
        items = [item for item in selectors.checked_content(chosen or None) if item.findings]
        finder = AdminURLFinder(self.request.user)
        for item in items:
            item.edit_url = finder.get_edit_url(item.obj)
        context.update(
            items=items,
            choices=choices,
            chosen=chosen,
            chosen_label=dict(choices).get(chosen, ""),
            total=sum(len(item.findings) for item in items),
        )
        return context


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for publishing this wording"),
        min_length=10,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Why this wording is factual and allowed here, for example “a quotation of a "
            "study’s title”. Recorded in the page’s history with your name."
        ),
    )


class OverrideView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Override the content rules")
    header_icon = "warning"
    template_name = "safeguards/override.html"
    form_class = OverrideForm

    def dispatch(self, request, page_id, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.permissions = self.page.permissions_for_user(request.user)
        if not self.permissions.can_edit():
            raise PermissionDenied
        self.content = self.page.get_latest_revision_as_object()
        self.findings = overrides.rule_breaches(self.content)
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page,
            findings=self.findings,
            # Sent here by an approval (safeguards.guard): say why nothing was approved.
            held_approval=self.request.GET.get("held") == "approval",
            **kwargs,
        )

    def form_valid(self, form):
        edit_url = redirect("wagtailadmin_pages:edit", self.page.pk)
        if not self.findings:
            messages.info(self.request, _("The latest version breaks no content rule."))
            return edit_url
        overrides.record_override(
            self.page, self.request.user, form.cleaned_data["reason"], self.findings
        )
        incomplete = checks.completeness_findings(self.content)
        in_workflow = self.page.workflow_in_progress
        if self.permissions.can_publish() and not in_workflow and not incomplete:
            self.page.get_latest_revision().publish(user=self.request.user)
            messages.success(self.request, _("Override recorded and the page published."))
        else:
            messages.success(
                self.request,
                _(
                    "Override recorded in the page’s history. The page can now be published "
                    "or approved with this wording."
                ),
            )
        return edit_url


def page_findings(request, page_id):
    """The rule hits of a page's latest version, by field, for the editor's field warnings."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    content = page.get_latest_revision_as_object()
    findings = [
        {"field": f.field, "message": f.message} for f in checks.rule_findings(content) if f.field
    ]
    return JsonResponse({"findings": findings})
