"""Admin views: the French submission and the reviewer-name notice."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from editorial.services import (
    FRENCH,
    TranslationNotReady,
    reviewer_name_missing_message,
    submit_translation_for_review,
)

# The two reports are Wagtail report views: editorial/reports.py.


def reviewer_name_missing(request):
    """Where an approval without a reviewer name lands: say why, and go to the account page."""
    messages.error(request, reviewer_name_missing_message())
    return redirect("wagtailadmin_account")


class SubmitTranslationView(WagtailAdminTemplateMixin, TemplateView):
    """Submit a finished translation (French from English, or English from French) to its
    language's review workflow.

    wagtail-localize's translation editor only offers "Publish" (to those allowed to publish);
    translators without that right send their work to a French-reading reviewer from here.
    """

    page_title = gettext_lazy("Submit a translation for review")
    header_icon = "wagtail-localize-language"
    template_name = "editorial/submit_translation.html"

    def get_object(self, object_id):
        # Either direction: a French page made from English, or English made from French.
        page = get_object_or_404(Page, pk=object_id).specific
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return page

    def dispatch(self, request, object_id):
        self.object = self.get_object(object_id)
        return super().dispatch(request, object_id)

    def next_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(next_url, {self.request.get_host()}):
            return next_url
        return reverse("editorial:translations_report")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page=self.object, next=self.next_url())
        return context

    def post(self, request, object_id):
        try:
            submit_translation_for_review(self.object, request.user)
        except TranslationNotReady as error:
            messages.error(request, str(error))
        else:
            if self.object.locale.language_code == FRENCH:
                text = _("“%(title)s” was sent for review in French.")
            else:
                text = _("“%(title)s” was sent for review in English.")
            messages.success(request, text % {"title": self.object.title})
        return redirect(self.next_url())


class SubmitResourceTranslationView(SubmitTranslationView):
    """The same for a translated resource: editing rights on resources, in its language (the snippet
    right is per model; the language is checked as the snippet editor does)."""

    def get_object(self, object_id):
        from django.apps import apps

        from editorial.wagtail_hooks import user_may_change_locale

        model = apps.get_model("directory", "Resource")
        resource = get_object_or_404(model, pk=object_id)
        user = self.request.user
        if not (
            user.has_perm("directory.change_resource")
            and user_may_change_locale(user, resource.locale)
        ):
            raise PermissionDenied
        return resource


class SyncWithoutPublishingView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" without its "Publish immediately" option.

    Publishing on sync puts every changed or new English string, in English, on the live French
    page. Here a sync only refreshes the strings to translate; the French page is published
    after review. (Served at wagtail-localize's own address: see wagtail_hooks.)
    """

    def post(self, request, **kwargs):
        # A sync during a French review would change the strings under the reviewer's eyes:
        # the review ends first (approval, or changes requested), then the sync.
        from translations.workbench import current_state

        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:  # no French copy yet: nothing under review
                continue
            state = current_state(target.specific if hasattr(target, "specific") else target)
            if state is not None and state.status == state.STATUS_IN_PROGRESS:
                messages.error(
                    request,
                    _(
                        "The French is waiting for review: sync after the reviewer approves it "
                        "or asks for changes. Nothing was changed."
                    ),
                )
                return redirect(self.get_success_url() or self.get_default_success_url())
        return super().post(request, **kwargs)

    def get_form(self):
        form = super().get_form()
        field = form.fields["publish_translations"]
        field.disabled = True  # ignores anything posted: always False
        field.widget = forms.HiddenInput()
        return form
