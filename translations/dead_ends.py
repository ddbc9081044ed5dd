"""Two admin screens that led translators and editors nowhere, put right where they are built.

- wagtail-localize's « Traduire » form: its only language started unticked (the first submit
  failed) and was labelled « Régions ». The form is wagtail-localize's module-level class; the
  view looks it up at each request, so a subclass put in its place is what the view uses.
- Wagtail's page explorer sends someone who opens a page outside their tree (an editor opening
  the French tree) to their own tree without a word: it now says why. The explorer has no hook
  there, so its ``get`` is wrapped once, as ``translations.drafts`` wraps wagtail-localize.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy


def _form_class(base):
    class SubmitTranslationForm(base):
        def __init__(self, instance, *args, **kwargs):
            super().__init__(instance, *args, **kwargs)
            field = self.fields["locales"]
            field.label = pgettext_lazy("translate form", "Languages")
            choices = list(field.queryset)
            if not self.is_bound and len(choices) == 1 and not self.initial.get("locales"):
                # One language to translate into: the clinic's French. Ticked from the start.
                self.initial["locales"] = choices

    SubmitTranslationForm.__doc__ = base.__doc__
    SubmitTranslationForm._clinic_wrapped = True
    return SubmitTranslationForm


def _explained(original):
    def get(self, request, parent_page_id=None):
        response = original(self, request, parent_page_id)
        parent = getattr(self, "parent_page", None)
        if (
            parent_page_id
            and response.status_code == 302
            and parent is not None
            and not parent.is_root()
        ):
            messages.info(
                request,
                _(
                    "“%(title)s” is in the %(language)s pages, which your account does not "
                    "edit: here are the pages you work on. The translations report shows each "
                    "page’s translation and its state."
                )
                % {"title": parent.title, "language": parent.locale.get_display_name()},
            )
        return response

    get._clinic_wrapped = True
    return get


def install():
    from wagtail.admin.views.pages.listing import ExplorableIndexView
    from wagtail_localize.views import submit_translations

    if not getattr(submit_translations.SubmitTranslationForm, "_clinic_wrapped", False):
        submit_translations.SubmitTranslationForm = _form_class(
            submit_translations.SubmitTranslationForm
        )
    if not getattr(ExplorableIndexView.get, "_clinic_wrapped", False):
        ExplorableIndexView.get = _explained(ExplorableIndexView.get)
