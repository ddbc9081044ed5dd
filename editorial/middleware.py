"""Workflow and task names in the admin user's language, on every admin page.

The seeded workflows and tasks are stored with both names ("Clinical review · Révision
clinique"): Wagtail prints ``workflow.name`` and ``task.name`` as data in a dozen templates (action
menus, the status side panel, the dashboard's review queues, workflow history, the workflows
report), with no hook for most of them. Rewriting the rendered admin page keeps them all in one
language without overriding Wagtail's templates.

The workflows' own settings pages are left alone: there an administrator edits the stored name,
and a form showing half of it would save half of it.
"""

from django.urls import reverse
from django.utils.translation import get_language, override

from editorial.services import BILINGUAL_NAMES, names_in_language

SEPARATOR = " · ".encode()
NAMES = tuple(name.encode() for name in BILINGUAL_NAMES)


class WorkflowNamesInLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not self._applies(request, response):
            return response
        content = response.content
        if SEPARATOR not in content or not any(name in content for name in NAMES):
            return response
        with override(self._language(request)):
            text = names_in_language(content.decode(response.charset))
        response.content = text.encode(response.charset)
        return response

    @staticmethod
    def _applies(request, response):
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return False
        admin = reverse("wagtailadmin_home")
        return request.path.startswith(admin) and not request.path.startswith(admin + "workflows/")

    @staticmethod
    def _language(request):
        # The language Wagtail rendered the page in: the user's admin preference, else the
        # request's (LocaleMiddleware's) language.
        profile = getattr(request.user, "wagtail_userprofile", None)
        preferred = profile.get_preferred_language() if profile is not None else None
        return preferred or get_language()
